"use client";

import { Copy } from "lucide-react";
import { Button, type ButtonProps } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";

export type CopyButtonProps = Omit<ButtonProps, "onClick"> & {
  value: string;
  /** What was copied, for the toast and the accessible name, e.g. "webhook URL". */
  what: string;
};

/** Copies a value to the clipboard and says so; falls back to asking for a manual copy. */
export function CopyButton({ value, what, children, ...props }: CopyButtonProps) {
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      toast.success(`Copied the ${what}.`);
    } catch {
      toast.error(`Could not copy; select the ${what} and copy it by hand.`);
    }
  }
  return (
    <Button variant="outline" aria-label={`Copy the ${what}`} onClick={copy} {...props}>
      <Copy aria-hidden="true" />
      {children ?? "Copy"}
    </Button>
  );
}
