import { Label } from "@/components/ui/label";

const TEXTAREA =
  "min-h-20 w-full rounded-md border border-input bg-background px-3 py-2 text-sm shadow-xs placeholder:text-muted-foreground focus-visible:border-ring focus-visible:outline-2 focus-visible:outline-ring disabled:cursor-not-allowed disabled:opacity-60 aria-invalid:border-destructive";

/** A labelled multi-line text field whose error is announced through aria-describedby. */
export function ReasonField(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  placeholder?: string;
  required?: boolean;
  disabled?: boolean;
}) {
  const errorId = `${props.id}-error`;
  return (
    <div className="flex flex-col gap-1.5">
      <Label htmlFor={props.id}>{props.label}</Label>
      <textarea
        id={props.id}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        rows={3}
        maxLength={2000}
        required={props.required}
        disabled={props.disabled}
        placeholder={props.placeholder}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? errorId : undefined}
        className={TEXTAREA}
      />
      {props.error ? (
        <p id={errorId} className="text-destructive text-xs">
          {props.error}
        </p>
      ) : null}
    </div>
  );
}
