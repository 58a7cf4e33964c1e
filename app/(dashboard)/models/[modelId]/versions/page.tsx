import { redirect } from "next/navigation";
import { requirePageActor } from "@/lib/auth/require";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ modelId: string }> };

/** The breadcrumb "Versions" lands here; a model's versions are listed on the model page. */
export default async function ModelVersionsPage({ params }: Props) {
  await requirePageActor("models:read");
  const { modelId } = await params;
  redirect(`/models/${encodeURIComponent(modelId)}`);
}
