"use client";

import { Field } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { BASE_URL_HINTS, type ManagedConnectionKind } from "@/lib/connections/kinds";

export type ConnectionIdentityFieldsProps = {
  /** Prefix of the inputs' ids; the fields append `-name` and `-base-url`. */
  idPrefix: string;
  kind: ManagedConnectionKind;
  name: string;
  onNameChange: (name: string) => void;
  baseUrl: string;
  onBaseUrlChange: (baseUrl: string) => void;
  errors: Record<string, string>;
  /** The add dialog asks for a name up front; the edit forms start from the stored one. */
  nameRequired?: boolean;
  baseUrlPlaceholder?: string;
};

/** The name and base URL every managed connection has, in the add dialog and both edit forms. */
export function ConnectionIdentityFields(props: ConnectionIdentityFieldsProps) {
  const { idPrefix, errors } = props;
  return (
    <>
      <Field id={`${idPrefix}-name`} label="Name" error={errors.name}>
        {(describedBy) => (
          <Input
            id={`${idPrefix}-name`}
            value={props.name}
            maxLength={100}
            required={props.nameRequired}
            onChange={(event) => props.onNameChange(event.target.value)}
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={describedBy}
          />
        )}
      </Field>
      <Field
        id={`${idPrefix}-base-url`}
        label="Base URL"
        hint={BASE_URL_HINTS[props.kind]}
        error={errors.baseUrl}
      >
        {(describedBy) => (
          <Input
            id={`${idPrefix}-base-url`}
            type="url"
            value={props.baseUrl}
            placeholder={props.baseUrlPlaceholder}
            onChange={(event) => props.onBaseUrlChange(event.target.value)}
            aria-invalid={errors.baseUrl ? true : undefined}
            aria-describedby={describedBy}
          />
        )}
      </Field>
    </>
  );
}
