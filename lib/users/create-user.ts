// Creating an account (web sign-up and the admin command share this), with the demo project for the
// very first account of a fresh install, in the same transaction.

import { hashPassword } from "../auth/passwords";
import { withTransaction, pgErrorCode } from "../db/transaction";
import { claimDemoProject } from "../demo/demo-project";
import { conflict } from "../errors/domain-error";

export interface CreateUserOptions {
  email: string;
  password: string;
  name?: string;
}

export interface CreatedUser {
  id: string;
  email: string;
  name: string;
  demoProjectId: string | null;
}

export async function createUser({ email, password, name }: CreateUserOptions): Promise<CreatedUser> {
  const normalizedEmail = email.trim().toLowerCase();
  const passwordHash = await hashPassword(password);
  const displayName = name?.trim() || normalizedEmail.split("@")[0] || normalizedEmail;
  try {
    return await withTransaction(async (client) => {
      const { rows } = await client.query<{ id: string }>(
        "INSERT INTO users (email, name, password_hash) VALUES ($1, $2, $3) RETURNING id",
        [normalizedEmail, displayName, passwordHash],
      );
      const user = { id: (rows[0] as { id: string }).id, email: normalizedEmail, name: displayName };
      const demoProjectId = await claimDemoProject(client, user);
      return { ...user, demoProjectId };
    });
  } catch (error) {
    if (pgErrorCode(error) === "23505") throw conflict("An account with this email already exists.");
    throw error;
  }
}
