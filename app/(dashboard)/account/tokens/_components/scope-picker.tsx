"use client";

import type { Permission } from "@/lib/auth/permissions";

const checkboxClass =
  "size-4 shrink-0 rounded border-input accent-primary focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring";

function groupByArea(scopes: Permission[]): [string, Permission[]][] {
  const groups = new Map<string, Permission[]>();
  for (const scope of scopes) {
    const area = scope.split(":")[0] ?? scope;
    groups.set(area, [...(groups.get(area) ?? []), scope]);
  }
  return [...groups];
}

export type CheckboxListProps<T extends string> = {
  idPrefix: string;
  options: { value: T; label: string }[];
  selected: ReadonlySet<T>;
  onToggle: (value: T, checked: boolean) => void;
};

/** Plain labelled checkboxes; shared by the scope and project pickers. */
export function CheckboxList<T extends string>({
  idPrefix,
  options,
  selected,
  onToggle,
}: CheckboxListProps<T>) {
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-2">
      {options.map((option) => {
        const id = `${idPrefix}-${option.value}`;
        return (
          <li key={option.value} className="flex items-center gap-2">
            <input
              id={id}
              type="checkbox"
              className={checkboxClass}
              checked={selected.has(option.value)}
              onChange={(event) => onToggle(option.value, event.target.checked)}
            />
            <label htmlFor={id} className="text-sm">
              {option.label}
            </label>
          </li>
        );
      })}
    </ul>
  );
}

/** Scope checkboxes grouped by area ("runs", "models", …), limited to what the caller may grant. */
export function ScopePicker(props: {
  idPrefix: string;
  allowedScopes: Permission[];
  selected: ReadonlySet<Permission>;
  onChange: (next: Set<Permission>) => void;
}) {
  const { idPrefix, allowedScopes, selected, onChange } = props;
  function toggle(scope: Permission, checked: boolean) {
    const next = new Set(selected);
    if (checked) next.add(scope);
    else next.delete(scope);
    onChange(next);
  }
  return (
    <div className="flex flex-col gap-3">
      {groupByArea(allowedScopes).map(([area, scopes]) => (
        <fieldset key={area} className="flex flex-col gap-1.5">
          <legend className="mb-1 font-medium text-muted-foreground text-xs uppercase tracking-wide">
            {area}
          </legend>
          <CheckboxList
            idPrefix={`${idPrefix}-${area}`}
            options={scopes.map((scope) => ({ value: scope, label: scope }))}
            selected={selected}
            onToggle={toggle}
          />
        </fieldset>
      ))}
    </div>
  );
}
