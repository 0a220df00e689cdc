// Creating an account (web sign-up and the admin command share this), with the demo project for the
// very first account of a fresh install.

import { hashPassword } from "../auth/passwords";
import { db } from "../db/client";
import { pgErrorCode } from "../db/transaction";
import { claimDemoProject } from "../demo/demo-project";
import { conflict } from "../http/api-error";

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
  try {
    return await db().$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: normalizedEmail, name: name?.trim() || normalizedEmail.split("@")[0] || normalizedEmail, passwordHash },
        select: { id: true, email: true, name: true },
      });
      const demoProjectId = await claimDemoProject(tx, user.id);
      return { ...user, demoProjectId };
    });
  } catch (error) {
    if (pgErrorCode(error) === "23505" || (error as { code?: string }).code === "P2002") {
      throw conflict("An account with this email already exists.");
    }
    throw error;
  }
}
