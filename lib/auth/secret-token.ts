// Random bearer secrets (session cookies, API tokens) and the digest under which they are stored.
// They carry 256 bits of entropy, so a plain SHA-256 is the right storage hash (a slow password hash
// would add latency to every request and no security).

import { createHash, randomBytes } from "node:crypto";

export function newSecret(prefix = ""): string {
  return `${prefix}${randomBytes(32).toString("base64url")}`;
}

export function digestSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}
