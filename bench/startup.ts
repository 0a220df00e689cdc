// Benchmark: time from `npm start` (the bundle of scripts/serve.ts) to the first answered request, from an empty
// DATA_DIR and again on the existing one. Target: ≤ 10 s and ≤ 3 s. Needs `npm run build`.
//   node --import tsx bench/startup.ts [rounds]

import fs from "node:fs/promises";
import { machine, median, startServer, tempDataDir } from "./lib";

const rounds = Number(process.argv[2] ?? 3);
const fresh: number[] = [];
const restart: number[] = [];
for (let i = 0; i < rounds; i++) {
  const dataDir = await tempDataDir();
  let t = performance.now();
  let server = await startServer(dataDir);
  fresh.push(performance.now() - t);
  await server.stop("SIGTERM");
  t = performance.now();
  server = await startServer(dataDir);
  restart.push(performance.now() - t);
  await server.stop("SIGTERM");
  await fs.rm(dataDir, { recursive: true, force: true });
}
const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
console.log(`startup (${machine()}), ${rounds} rounds, time from spawn to first HTTP 200 on /:`);
console.log(`  empty DATA_DIR:    median ${fmt(median(fresh))}  (all: ${fresh.map(fmt).join(", ")})  target ≤ 10 s`);
console.log(`  existing DATA_DIR: median ${fmt(median(restart))}  (all: ${restart.map(fmt).join(", ")})  target ≤ 3 s`);
