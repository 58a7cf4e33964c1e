import { randomBytes } from "node:crypto";
import { resetSecretBoxKeys } from "@/lib/crypto/secret-box";
import { resetEnv } from "@/lib/env";

/**
 * Gives this test process its own encryption key, so sealing never falls back to the demo
 * key file under TANDEM_DATA_DIR. Call in beforeAll. Test code only.
 */
export function useTestEncryptionKey(): void {
  process.env.TANDEM_ENCRYPTION_KEY = randomBytes(32).toString("base64url");
  resetEnv();
  resetSecretBoxKeys();
}
