// How the end-to-end tests and the browser benchmarks launch Chromium: Debian's /usr/bin/chromium
// where installed (else Playwright's own), without background traffic or first-run work.

import fs from "node:fs";
import type { LaunchOptions } from "@playwright/test";

const SYSTEM_CHROMIUM = "/usr/bin/chromium";

export function chromiumLaunchOptions(): LaunchOptions {
  return {
    executablePath: fs.existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  };
}
