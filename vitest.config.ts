// Vitest: unit tests beside their modules (lib/**/*.test.ts), integration and system tests under
// tests/. All of them run against a real PostgreSQL: the global setup starts an embedded server in
// a throwaway data directory for the run.

import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["lib/**/*.test.ts", "components/**/*.test.ts", "tests/**/*.test.ts"],
    globalSetup: ["tests/setup/global-setup.ts"],
    setupFiles: ["tests/setup/database-env.ts"],
    // System tests start real servers and databases; on a loaded 2-core machine that takes a while.
    testTimeout: 90_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
