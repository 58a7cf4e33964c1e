import { NextResponse } from "next/server";
import { apiRoute, readJson } from "@/lib/api/route";
import { getDb } from "@/lib/db";
import { addComment, addCommentInput } from "@/lib/gates/add-comment";

const body = addCommentInput.omit({ id: true });

/** Comments on a request with `{ body }`: 201 `{ comment }`; it shows on the request's timeline. */
export const POST = apiRoute<{ id: string }>("promotions:request", async ({ request, actor, params }) => {
  const input = await readJson(request, body);
  const result = await addComment({ db: await getDb(), actor }, { id: params.id, body: input.body });
  return NextResponse.json(result, { status: 201 });
});
