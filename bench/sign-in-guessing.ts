// Benchmark: how many password guesses per second one client gets. One client (one address)
// tries wrong passwords for one account for N seconds with 4 requests in flight; a guess counts
// when the server actually judged the password (401), not when it refused to (429).
//   node --import tsx bench/sign-in-guessing.ts [seconds]

import { benchServer, disposeBenchServer, machine } from "./lib";

const seconds = Number(process.argv[2] ?? 15);
// Real limits: not the benchmark server's relaxed ones.
const bench = await benchServer({ SOURCEMARK_RATE_LIMIT_SCALE: "1" });
const url = `${bench.server.url}/api/v1/auth/sign-in`;
const counts = new Map<number, number>();
const deadline = performance.now() + seconds * 1000;
let n = 0;
await Promise.all(
  Array.from({ length: 4 }, async () => {
    while (performance.now() < deadline) {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "bench@example.org", password: `guess number ${n++}` }),
      });
      await response.arrayBuffer();
      counts.set(response.status, (counts.get(response.status) ?? 0) + 1);
    }
  }),
);
await disposeBenchServer(bench);
const judged = counts.get(401) ?? 0;
console.log(`password guessing (${machine()}), one client, 4 in flight, ${seconds} s:`);
console.log(`  answers: ${[...counts].map(([status, c]) => `${status} × ${c}`).join(", ")}`);
console.log(`  guesses judged: ${judged} — ${(judged / seconds).toFixed(2)} per second`);
