import { ShieldAlert } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export default function Forbidden() {
  return (
    <div className="mx-auto max-w-xl p-10">
      <EmptyState
        titleAs="h1"
        icon={ShieldAlert}
        title="You don't have access to this page"
        description="Your role does not include this area. Ask an admin if you need it."
        action={
          <Button asChild variant="outline">
            <Link href="/overview">Back to the overview</Link>
          </Button>
        }
      />
    </div>
  );
}
