// Playwright: end-to-end tests in Chromium (Debian's /usr/bin/chromium when present, else
// Playwright's own) against the production build served by `npm start` on a fresh DATA_DIR.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { chromiumLaunchOptions } from "./e2e/chromium";

// Workers inherit the environment, so they all see the data directory the main process made.
process.env.E2E_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "sourcemark-e2e-"));
const port = Number(process.env.E2E_PORT ?? 3210);

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    launchOptions: chromiumLaunchOptions(),
  },
  projects: [
    // The demo project goes to the first account of a fresh install: this spec runs first, alone.
    {
      name: "first-account",
      testMatch: /first-run\.spec\.ts/,
      use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 } },
    },
    {
      name: "chromium",
      testIgnore: /first-run\.spec\.ts/,
      dependencies: ["first-account"],
      use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 } },
    },
  ],
  webServer: {
    command: "node .next/sourcemark/server/serve.mjs",
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 120_000,
    // Every test signs up its own accounts from 127.0.0.1: allow that many (limits are tested in tests/security).
    env: {
      MALLOC_ARENA_MAX: "2",
      DATA_DIR: process.env.E2E_DATA_DIR,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: "",
      SOURCEMARK_RATE_LIMIT_SCALE: "100",
      // The URL import test serves its news page from this loopback address (never opened in production).
      SOURCEMARK_URL_IMPORT_ALLOW: "127.0.0.1",
    },
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
  },
});
