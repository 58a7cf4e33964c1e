import { randomUUID } from "node:crypto";
import { NextResponse } from "next/server";
import { errorResponse } from "@/lib/api/route";
import { getDb } from "@/lib/db";
import { receiveAzureCheck } from "@/lib/gates/receive-azure-check";

export const dynamic = "force-dynamic";

/**
 * Azure DevOps "Invoke REST API" check (callback mode): opens a Tandem promotion request
 * for the run and answers 200 at once; the decision goes back as the TaskCompleted event.
 * Verified like the connection's webhook; see lib/gates/receive-azure-check.ts.
 */
export async function POST(request: Request, context: { params: Promise<{ connectionId: string }> }) {
  const requestId = request.headers.get("x-request-id") ?? randomUUID();
  try {
    const { connectionId } = await context.params;
    const result = await receiveAzureCheck(await getDb(), request, connectionId);
    return NextResponse.json(result, { status: 200, headers: { "x-request-id": requestId } });
  } catch (error) {
    return errorResponse(error, requestId);
  }
}
