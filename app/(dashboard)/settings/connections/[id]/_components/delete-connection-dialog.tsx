"use client";

import { Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { toast } from "@/components/ui/toast";
import { deleteConnectionAction } from "../../actions";

/** "Delete" asks first: webhooks pointed at this connection start failing at once. */
export function DeleteConnectionDialog({ id, name }: { id: string; name: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();

  function remove() {
    startTransition(async () => {
      const result = await deleteConnectionAction({ id });
      if (!result.ok) {
        toast.error(`Could not delete “${name}”`, { description: result.error });
        return;
      }
      toast.success(`Deleted “${name}”.`);
      setOpen(false);
      router.push("/settings/connections");
    });
  }

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="outline">
          <Trash2 aria-hidden="true" />
          Delete
        </Button>
      </DialogTrigger>
      <DialogContent
        title={`Delete “${name}”?`}
        description="Its token, webhook secret and delivery log are removed and its webhooks start failing. Runs already gathered stay."
      >
        <DialogFooter>
          <Button variant="outline" onClick={() => setOpen(false)} disabled={pending}>
            Cancel
          </Button>
          <Button variant="destructive" onClick={remove} disabled={pending}>
            {pending ? "Deleting…" : "Delete connection"}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
