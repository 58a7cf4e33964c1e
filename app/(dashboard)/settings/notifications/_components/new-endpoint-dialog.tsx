"use client";

import { Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import type * as React from "react";
import { useId, useState, useTransition } from "react";
import { CopyButton } from "@/components/connections/copy-button";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";
import { NOTIFICATION_EVENTS, type NotificationEvent } from "@/lib/queries/notifications";
import { createEndpointAction } from "../actions";

/** "Add endpoint": name, URL and events; afterwards shows the signing secret once. */
export function NewEndpointDialog() {
  const router = useRouter();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [url, setUrl] = useState("");
  const [events, setEvents] = useState<NotificationEvent[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [secret, setSecret] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function reset() {
    setName("");
    setUrl("");
    setEvents([]);
    setErrors({});
    setSecret(null);
  }

  function toggle(event: NotificationEvent, on: boolean) {
    setEvents((current) => (on ? [...current, event] : current.filter((e) => e !== event)));
  }

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    startTransition(async () => {
      const result = await createEndpointAction({ name, url, events });
      if (!result.ok) {
        setErrors(result.fieldErrors ?? { form: result.error });
        toast.error("Could not add the endpoint", { description: result.error });
        return;
      }
      setSecret(result.secret);
      router.refresh();
    });
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) reset();
      }}
    >
      <DialogTrigger asChild>
        <Button>
          <Plus aria-hidden="true" />
          Add endpoint
        </Button>
      </DialogTrigger>
      <DialogContent
        title={secret ? "Endpoint added" : "Add notification endpoint"}
        description={
          secret
            ? "Copy the signing secret now: it is not shown again."
            : "Tandem POSTs signed JSON to this URL when the chosen events happen."
        }
        className="max-w-xl"
      >
        {secret ? (
          <div className="flex flex-col gap-4">
            <div className="flex flex-col gap-1.5">
              <p className="font-medium text-sm" id={`${id}-secret-label`}>
                Signing secret
              </p>
              <div className="flex items-center gap-2">
                <code
                  className="flex-1 break-all rounded-md bg-muted px-3 py-2 font-mono text-xs"
                  data-testid="endpoint-secret"
                >
                  {secret}
                </code>
                <CopyButton value={secret} what="signing secret" />
              </div>
              <p className="text-muted-foreground text-xs">
                Verify each request: X-Tandem-Signature-256 is sha256= and the hex HMAC-SHA256 of the raw body
                with this secret.
              </p>
            </div>
            <DialogFooter>
              <Button onClick={() => setOpen(false)}>Done</Button>
            </DialogFooter>
          </div>
        ) : (
          <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
            <Field id={`${id}-name`} label="Name" error={errors.name}>
              {(describedBy) => (
                <Input
                  id={`${id}-name`}
                  value={name}
                  maxLength={100}
                  required
                  onChange={(e) => setName(e.target.value)}
                  aria-invalid={errors.name ? true : undefined}
                  aria-describedby={describedBy}
                />
              )}
            </Field>
            <Field
              id={`${id}-url`}
              label="URL"
              hint="http or https; answer 2xx within 10 seconds."
              error={errors.url}
            >
              {(describedBy) => (
                <Input
                  id={`${id}-url`}
                  type="url"
                  value={url}
                  required
                  placeholder="https://chat.example.com/hooks/tandem"
                  onChange={(e) => setUrl(e.target.value)}
                  aria-invalid={errors.url ? true : undefined}
                  aria-describedby={describedBy}
                />
              )}
            </Field>
            <fieldset className="flex flex-col gap-2">
              <legend className="mb-1 font-medium text-sm">Events (none ticked: every event)</legend>
              <div className="grid grid-cols-2 gap-2">
                {NOTIFICATION_EVENTS.map((e) => (
                  <label key={e} className="flex items-center gap-2 text-sm">
                    <input
                      type="checkbox"
                      checked={events.includes(e)}
                      onChange={(ev) => toggle(e, ev.target.checked)}
                    />
                    <code className="font-mono text-xs">{e}</code>
                  </label>
                ))}
              </div>
              {errors.events ? <p className="text-destructive text-xs">{errors.events}</p> : null}
            </fieldset>
            {errors.form ? <p className="text-destructive text-sm">{errors.form}</p> : null}
            <DialogFooter>
              <Button type="submit" disabled={pending}>
                {pending ? "Adding…" : "Add endpoint"}
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
