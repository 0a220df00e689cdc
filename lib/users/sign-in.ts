// Checking an email and password. Unknown email and wrong password look the same to the caller.

import { verifyPassword } from "../auth/passwords";
import { db } from "../db/client";

export async function verifyCredentials(email: string, password: string): Promise<{ id: string } | null> {
  const user = await db().user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, passwordHash: true },
  });
  const ok = await verifyPassword(user?.passwordHash ?? null, password);
  return ok && user ? { id: user.id } : null;
}
