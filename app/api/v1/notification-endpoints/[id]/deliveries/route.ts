import { NextResponse } from "next/server";
import { apiRoute, readQuery } from "@/lib/api/route";
import { getDb } from "@/lib/db";
import { listNotificationDeliveries } from "@/lib/notifications/list-deliveries";
import { listNotificationDeliveriesInput } from "@/lib/notifications/schemas";

type Params = { id: string };
const query = listNotificationDeliveriesInput.omit({ id: true });

/** The endpoint's delivery log, newest first: `{ items, nextCursor }`. */
export const GET = apiRoute<Params>("connections:read", async ({ request, actor, params }) => {
  const input = readQuery(request, query);
  return NextResponse.json(
    await listNotificationDeliveries({ db: await getDb(), actor }, { ...input, id: params.id }),
  );
});
