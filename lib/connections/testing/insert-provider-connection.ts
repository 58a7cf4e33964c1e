import { seal } from "@/lib/crypto/secret-box";
import type { Executor } from "@/lib/db/client";
import { connections } from "@/lib/db/schema";
import { FAKE_TOKEN } from "./fake-deploy-providers";

/** A CI connection row with the fake providers' token sealed, straight into the table. Test only. */
export async function insertProviderConnection(
  db: Executor,
  kind: "github" | "gitlab" | "azure_devops",
  baseUrl: string,
  options: { token?: string | null; webhookSecret?: string; config?: Record<string, unknown> } = {},
) {
  const token = options.token === undefined ? FAKE_TOKEN : options.token;
  const [row] = await db
    .insert(connections)
    .values({
      kind,
      name: `${kind} deploys`,
      baseUrl,
      credentialsEncrypted: token ? seal(token) : null,
      webhookSecretEncrypted: seal(options.webhookSecret ?? "webhook-secret"),
      config: options.config ?? { repositories: [] },
    })
    .returning();
  return row!;
}
