// Starts one embedded PostgreSQL for the whole test run, in a fresh temporary DATA_DIR, migrated,
// and hands its URL to the test workers. Stopped and deleted at the end.

import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { prepareDatabase } from "../../lib/db/prepare-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    dataDir: string;
  }
}

export default async function setup(project: TestProject) {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "sourcemark-test-"));
  const prepared = await prepareDatabase({ dataDir });
  project.provide("databaseUrl", prepared.url);
  project.provide("dataDir", dataDir);
  return async () => {
    await prepared.embedded?.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  };
}
