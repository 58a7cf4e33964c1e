import { redirect } from "next/navigation";

export const dynamic = "force-dynamic";

/** Settings has no page of its own; people management is the first tab. */
export default function SettingsPage(): never {
  redirect("/settings/users");
}
