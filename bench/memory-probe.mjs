// Bench-only preload for the server (bench/soak.ts passes it with NODE_OPTIONS=--import): on SIGUSR2
// it runs a full garbage collection and prints the memory figures as one line, so a soak can tell a
// growing heap from a growing RSS without an endpoint in the product. With SOURCEMARK_HEAP_SNAPSHOTS
// set to a directory, it also writes a heap snapshot there each time (slow: for looking into a leak).
// Plain JavaScript: NODE_OPTIONS preloads run before the server's own `--import tsx`.

import { readdirSync } from "node:fs";
import path from "node:path";
import v8 from "node:v8";
import vm from "node:vm";
import { isMainThread } from "node:worker_threads";

if (isMainThread) {
  v8.setFlagsFromString("--expose-gc");
  const gc = vm.runInNewContext("gc");
  process.on("SIGUSR2", () => {
    gc();
    const { rss, heapTotal, heapUsed, external, arrayBuffers } = process.memoryUsage();
    const at = Date.now();
    // Threads, because each running export is a worker thread with a heap of its own (in RSS, not here).
    const threads = readdirSync("/proc/self/task").length;
    process.stdout.write(`[memory-probe] ${JSON.stringify({ at, rss, heapTotal, heapUsed, external, arrayBuffers, threads })}\n`);
    const dir = process.env.SOURCEMARK_HEAP_SNAPSHOTS;
    if (dir) v8.writeHeapSnapshot(path.join(dir, `server-${at}.heapsnapshot`));
  });
}
