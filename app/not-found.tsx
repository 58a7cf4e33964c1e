import { SearchX } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-xl p-10">
      <EmptyState
        titleAs="h1"
        icon={SearchX}
        title="Nothing here"
        description="The page or item you asked for does not exist, or you cannot see it."
        action={
          <Button asChild variant="outline">
            <Link href="/overview">Back to the overview</Link>
          </Button>
        }
      />
    </div>
  );
}
