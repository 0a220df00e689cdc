// Start-up shared by the server and the admin command: a migrated database and, on the embedded
// default, the demo article owed to the first account.

import fs from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { offerDemoProject } from "../demo/demo-offer";
import { SERVER_APPLICATION_NAME } from "./client";
import { databaseConfigFromEnv, prepareDatabase, type PreparedDatabase } from "./prepare-database";
import { PROJECT_ROOT } from "../project-root";

export const DEMO_ARTICLE_PATH = path.join(PROJECT_ROOT, "prisma/seed/seed-article.txt");

/** Whether to offer the demo: on by default for the embedded database, off for DATABASE_URL. */
export function demoEnabled(env: NodeJS.ProcessEnv, embedded: boolean): boolean {
  const flag = env.SOURCEMARK_DEMO?.trim();
  if (flag === "0" || flag === "false") return false;
  if (flag === "1" || flag === "true") return true;
  return embedded;
}

export async function bootDatabase(env: NodeJS.ProcessEnv = process.env): Promise<PreparedDatabase> {
  const prepared = await prepareDatabase(databaseConfigFromEnv(env));
  if (demoEnabled(env, prepared.embedded !== null)) {
    const client = new pg.Client({ connectionString: prepared.url });
    await client.connect();
    try {
      await offerDemoProject(client, await fs.readFile(DEMO_ARTICLE_PATH, "utf8"));
    } finally {
      await client.end();
    }
  }
  return prepared;
}

/** Number of connections a running Sourcemark server holds, besides the caller's. */
export async function serverConnections(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1 AND pid <> pg_backend_pid()",
      [SERVER_APPLICATION_NAME],
    );
    return rows[0]?.n ?? 0;
  } finally {
    await client.end();
  }
}
