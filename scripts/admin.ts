// Admin command line (API.md): works on the same database as the server, whether or not the server
// is running. Prints one JSON line on success; on failure, a message on stderr and exit code 1.
//   npm run -s admin -- create-user --email E --password P [--name N]
//   npm run -s admin -- create-token --email E [--label L] [--expires-in-days N]
//   npm run -s admin -- reset-password --email E --password P   (ends every session)
//   npm run -s admin -- revoke-tokens --email E

import { parseArgs } from "node:util";
import { createApiToken, resetPassword, revokeAllTokens } from "../lib/auth/account";
import { passwordProblem } from "../lib/auth/password-policy";
import { closeDb, db } from "../lib/db/client";
import { bootDatabase, serverConnections } from "../lib/db/boot";
import { DomainError } from "../lib/errors/domain-error";
import { createUser } from "../lib/users/create-user";
import { parseInput } from "../lib/validation/parse-input";
import { signUpSchema } from "../lib/validation/schemas";

const USAGE = `Usage:
  npm run -s admin -- create-user --email E --password P [--name N]
  npm run -s admin -- create-token --email E [--label L] [--expires-in-days N]
  npm run -s admin -- reset-password --email E --password P
  npm run -s admin -- revoke-tokens --email E`;

class UsageError extends Error {}

async function userByEmail(email: string | undefined): Promise<{ id: string; email: string }> {
  if (!email) throw new UsageError("--email is required");
  const user = await db().user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true, email: true } });
  if (!user) throw new UsageError(`no account with email ${email}`);
  return user;
}

async function run(command: string | undefined, args: string[]): Promise<unknown> {
  const { values } = parseArgs({
    args,
    options: {
      email: { type: "string" },
      password: { type: "string" },
      name: { type: "string" },
      label: { type: "string" },
      "expires-in-days": { type: "string" },
    },
    strict: true,
  });
  switch (command) {
    case "create-user": {
      const input = parseInput(signUpSchema, { email: values.email, password: values.password, name: values.name });
      const user = await createUser(input);
      return { id: user.id, email: user.email };
    }
    case "create-token": {
      const user = await userByEmail(values.email);
      const days = values["expires-in-days"] === undefined ? null : Number(values["expires-in-days"]);
      if (days !== null && (!Number.isInteger(days) || days < 1)) throw new UsageError("--expires-in-days must be a whole number of days");
      const { token, expiresAt } = await createApiToken(user.id, values.label, days);
      return { token, expiresAt };
    }
    case "reset-password": {
      const user = await userByEmail(values.email);
      const problem = passwordProblem(values.password ?? "", user.email);
      if (problem) throw new UsageError(`--password: ${problem}`);
      return resetPassword(user.id, values.password as string);
    }
    case "revoke-tokens": {
      const user = await userByEmail(values.email);
      return { revoked: await revokeAllTokens(user.id) };
    }
    default:
      throw new UsageError(command ? `unknown command ${command}` : "a command is required");
  }
}

const [command, ...args] = process.argv.slice(2);
process.env.DB_APPLICATION_NAME = "sourcemark-admin";
const database = await bootDatabase(process.env);
process.env.DATABASE_URL = database.url;
let exitCode = 0;
try {
  console.log(JSON.stringify(await run(command, args)));
} catch (error) {
  exitCode = 1;
  if (error instanceof DomainError) {
    console.error(`error: ${error.message}${error.details ? ` ${JSON.stringify(error.details)}` : ""}`);
  } else if (error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
    console.error(`error: ${(error as Error).message}\n${USAGE}`);
  } else {
    console.error("error:", error);
  }
} finally {
  await closeDb();
  // Leave the embedded server running only if a Sourcemark server is using it.
  if (database.embedded?.startedHere && (await serverConnections(database.url)) === 0) {
    await database.embedded.stop();
  }
}
process.exit(exitCode);
