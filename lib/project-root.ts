// The project's directory (where next.config.js is), for the files the server reads at run time:
// migrations, the demo article, the build. Found upwards from this module, so it holds both from
// source (lib/) and from the server's bundle (.next/sourcemark/, scripts/build-server.mjs).

import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "next.config.js"))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`Sourcemark: no next.config.js in ${from} or above it`);
  }
}

export const PROJECT_ROOT = findRoot(path.dirname(fileURLToPath(import.meta.url)));
