// API tokens for scripts. The token is shown once, at creation; only its digest is stored.

import { db } from "../db/client";
import { digestSecret, newSecret } from "./secret-token";

export const API_TOKEN_PREFIX = "smk_";

export async function createApiToken(userId: string, label?: string): Promise<{ id: string; token: string }> {
  const token = newSecret(API_TOKEN_PREFIX);
  const row = await db().apiToken.create({
    data: { userId, tokenHash: digestSecret(token), label: label ?? null },
    select: { id: true },
  });
  return { id: row.id, token };
}
