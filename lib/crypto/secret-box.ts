import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env, isDemoMode } from "@/lib/env";

/**
 * AES-256-GCM for provider credentials and webhook secrets at rest. A sealed value is
 * `v1.<keyId>.<iv>.<tag>.<ciphertext>` (base64url); the key id lets old values be opened
 * after a rotation: put the old key in TANDEM_ENCRYPTION_OLD_KEYS, the new one in
 * TANDEM_ENCRYPTION_KEY, and re-save (or run the re-seal job) to move values to the new key.
 */

export class SecretBoxError extends Error {}

type Key = { id: string; bytes: Buffer };

function parseKey(text: string): Key {
  const trimmed = text.trim();
  const bytes = /^[0-9a-fA-F]{64}$/.test(trimmed)
    ? Buffer.from(trimmed, "hex")
    : Buffer.from(trimmed, "base64url");
  if (bytes.length !== 32) throw new SecretBoxError("An encryption key must be 32 bytes (base64 or hex).");
  return { id: createHash("sha256").update(bytes).digest("hex").slice(0, 8), bytes };
}

function demoKeyText(): string {
  const file = path.resolve(env().TANDEM_DATA_DIR, "encryption-key");
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    const text = randomBytes(32).toString("base64url");
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text, { mode: 0o600 });
    return text;
  }
}

let cached: { current: Key; all: Map<string, Key> } | undefined;

function keys() {
  if (cached) return cached;
  const e = env();
  const currentText = e.TANDEM_ENCRYPTION_KEY ?? (isDemoMode(e) ? demoKeyText() : undefined);
  if (!currentText) {
    throw new SecretBoxError(
      "TANDEM_ENCRYPTION_KEY is not set: it is required to store provider credentials (openssl rand -base64 32).",
    );
  }
  const current = parseKey(currentText);
  const old = (e.TANDEM_ENCRYPTION_OLD_KEYS ?? "").split(",").filter(Boolean).map(parseKey);
  cached = { current, all: new Map([current, ...old].map((k) => [k.id, k])) };
  return cached;
}

/** Encrypts a secret with the current key. */
export function seal(plaintext: string): string {
  const { current } = keys();
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", current.bytes, iv);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [
    "v1",
    current.id,
    iv.toString("base64url"),
    cipher.getAuthTag().toString("base64url"),
    body.toString("base64url"),
  ].join(".");
}

/** Decrypts a sealed secret with whichever configured key sealed it; throws if tampered. */
export function open(sealed: string): string {
  const [version, keyId, iv, tag, body] = sealed.split(".");
  if (version !== "v1" || !keyId || !iv || !tag || body === undefined)
    throw new SecretBoxError("Not a sealed secret.");
  const key = keys().all.get(keyId);
  if (!key) throw new SecretBoxError(`The key ${keyId} that sealed this secret is not configured.`);
  const decipher = createDecipheriv("aes-256-gcm", key.bytes, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  try {
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString(
      "utf8",
    );
  } catch {
    throw new SecretBoxError("The sealed secret failed authentication (tampered or wrong key).");
  }
}

/** True when a value was sealed with an old key and should be re-sealed. */
export function needsReseal(sealed: string): boolean {
  return sealed.split(".")[1] !== keys().current.id;
}

/** For tests: forget cached keys after changing the environment. */
export function resetSecretBoxKeys(): void {
  cached = undefined;
}
