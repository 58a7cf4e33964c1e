"use client";

import { useId } from "react";
import { Field } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";

export type PullAuthState = {
  type: "none" | "bearer" | "basic";
  token: string;
  username: string;
  password: string;
};
export const emptyPullAuth: PullAuthState = { type: "none", token: "", username: "", password: "" };

/** The `auth` of a create request: only the fields of the chosen sign-in. */
export function pullAuthInput(state: PullAuthState) {
  if (state.type === "bearer") return { type: "bearer" as const, token: state.token };
  if (state.type === "basic")
    return { type: "basic" as const, username: state.username, password: state.password };
  return { type: "none" as const };
}

/** How Tandem signs in to MLflow or Prometheus: nothing, a bearer token, or user and password. */
export function PullAuthFields(props: {
  value: PullAuthState;
  onChange: (next: PullAuthState) => void;
  error?: string;
}) {
  const id = useId();
  const { value, onChange } = props;
  const set = (change: Partial<PullAuthState>) => onChange({ ...value, ...change });
  return (
    <div className="flex flex-col gap-3">
      <Field
        id={`${id}-type`}
        label="Sign-in"
        hint="Stored encrypted; never shown again."
        error={value.type === "none" ? props.error : undefined}
      >
        {(describedBy) => (
          <NativeSelect
            id={`${id}-type`}
            value={value.type}
            onChange={(event) => set({ type: event.target.value as PullAuthState["type"] })}
            aria-describedby={describedBy}
          >
            <option value="none">None (open server or private network)</option>
            <option value="bearer">Bearer token</option>
            <option value="basic">User name and password</option>
          </NativeSelect>
        )}
      </Field>
      {value.type === "bearer" ? (
        <Field id={`${id}-token`} label="Token" error={props.error}>
          {(describedBy) => (
            <Input
              id={`${id}-token`}
              type="password"
              autoComplete="off"
              value={value.token}
              onChange={(event) => set({ token: event.target.value })}
              aria-describedby={describedBy}
            />
          )}
        </Field>
      ) : null}
      {value.type === "basic" ? (
        <div className="grid grid-cols-2 gap-2">
          <Field id={`${id}-user`} label="User name" error={props.error}>
            {(describedBy) => (
              <Input
                id={`${id}-user`}
                autoComplete="off"
                value={value.username}
                onChange={(event) => set({ username: event.target.value })}
                aria-describedby={describedBy}
              />
            )}
          </Field>
          <Field id={`${id}-password`} label="Password">
            {(describedBy) => (
              <Input
                id={`${id}-password`}
                type="password"
                autoComplete="off"
                value={value.password}
                onChange={(event) => set({ password: event.target.value })}
                aria-describedby={describedBy}
              />
            )}
          </Field>
        </div>
      ) : null}
    </div>
  );
}
