// Gets a migrated database ready before the app serves: the embedded PostgreSQL under DATA_DIR by
// default, or the server named by DATABASE_URL (then nothing is started).

import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./embedded-postgres";
import { refreshSpeakerKeys } from "../speakers/speaker-keys";
import { migrate } from "./migrate";

export interface DatabaseConfig {
  /** External server; when absent the embedded one under `dataDir` is used. */
  databaseUrl?: string;
  dataDir: string;
}

export interface PreparedDatabase {
  url: string;
  /** The embedded server, when it is the one in use. */
  embedded: EmbeddedPostgres | null;
  /** Migrations applied by this call. */
  applied: string[];
}

export function databaseConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  return { databaseUrl, dataDir: path.resolve(env.DATA_DIR?.trim() || ".data") };
}

export async function prepareDatabase(config: DatabaseConfig): Promise<PreparedDatabase> {
  const embedded = config.databaseUrl ? null : await startEmbeddedPostgres(config.dataDir);
  const url = config.databaseUrl ?? (embedded as EmbeddedPostgres).url;
  const client = new pg.Client({ connectionString: url, application_name: "sourcemark-migrate" });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_encoding: string }>("SHOW server_encoding");
    if (rows[0]?.server_encoding !== "UTF8") {
      throw new Error(
        `The database must use UTF8 encoding (it uses ${rows[0]?.server_encoding}): texts and code point offsets depend on it.`,
      );
    }
    const applied = await migrate(client);
    await refreshSpeakerKeys(client);
    return { url, embedded, applied };
  } finally {
    await client.end();
  }
}
