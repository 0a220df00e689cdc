// Benchmark: which kind of request holds on to memory. One kind at a time, hammered for a while
// against one `npm start` server, with the server's heap after a full collection (and its external
// memory and RSS) sampled through bench/memory-probe.mjs. Needs `npm run build`.
//   node --import tsx bench/memory-loop.ts <kind: export|list|import|stream|create|grow|outage> [seconds=60] [concurrency=4]

import { readFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import { postgresPid, waitForExit } from "../tests/helpers/server";
import { apiJson, benchServer, disposeBenchServer, rssMb } from "./lib";

const KIND = process.argv[2] ?? "export";
const SECONDS = Number(process.argv[3] ?? 60);
const CONCURRENCY = Number(process.argv[4] ?? 4);

const probe = pathToFileURL(`${import.meta.dirname}/memory-probe.mjs`).href;
const bench = await benchServer({ NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import ${probe}`.trim() });
const { server, token } = bench;
const url = server.url;
const pid = server.process.pid as number;
const TEXT = "Japan has joined NATO's cyber defence centre, the Japanese Ministry of Defense said on Friday.\n".repeat(100);
const project = (await apiJson(`${url}/api/v1/projects`, { method: "POST", token, json: { name: "Loop" } })).body;
const document = (
  await apiJson(`${url}/api/v1/projects/${project.id}/documents`, { method: "POST", token, json: { title: "Loop", text: TEXT } })
).body;
// Some annotations, so that lists and exports carry something.
for (let i = 0; i < 200; i++) {
  await apiJson(`${url}/api/v1/documents/${document.id}/annotations`, {
    method: "POST",
    token,
    json: { label: "claim", start: (i % 90) * 95, end: (i % 90) * 95 + 5 },
  });
}

async function once(): Promise<void> {
  const headers = { authorization: `Bearer ${token}` };
  switch (KIND) {
    case "export":
      await (await fetch(`${url}/api/v1/projects/${project.id}/export?format=jsonl`, { headers })).arrayBuffer();
      return;
    case "list":
      await (await fetch(`${url}/api/v1/documents/${document.id}/annotations`, { headers })).arrayBuffer();
      return;
    case "grow":
      // A document that keeps growing, read whole after every few writes (as the soak does).
      for (let i = 0; i < 4; i++)
        await apiJson(`${url}/api/v1/documents/${document.id}/annotations`, {
          method: "POST",
          token,
          json: { label: "quote", start: 0, end: 5 },
        });
      await (await fetch(`${url}/api/v1/documents/${document.id}/annotations`, { headers })).arrayBuffer();
      return;
    case "create":
      await apiJson(`${url}/api/v1/documents/${document.id}/annotations`, {
        method: "POST",
        token,
        json: { label: "quote", start: 0, end: 5 },
      });
      return;
    case "import": {
      const line = JSON.stringify({ documentId: document.id, label: "claim", start: 0, end: 5, text: TEXT.slice(0, 5) });
      await (
        await fetch(`${url}/api/v1/projects/${project.id}/import?format=jsonl`, {
          method: "POST",
          headers: { ...headers, "content-type": "application/x-ndjson" },
          body: `${line}\n`,
        })
      ).arrayBuffer();
      return;
    }
    case "outage": {
      // The embedded PostgreSQL killed, then requests until it is back (the supervisor restarts it).
      const pg = (await postgresPid(bench.dataDir)) as number;
      process.kill(pg, "SIGKILL");
      await waitForExit(pg);
      while ((await fetch(`${url}/api/health`).catch(() => null))?.status !== 200) await new Promise((r) => setTimeout(r, 100));
      for (let i = 0; i < 20; i++) await (await fetch(`${url}/api/v1/documents/${document.id}/annotations`, { headers })).arrayBuffer();
      return;
    }
    case "stream": {
      const response = await fetch(`${url}/api/v1/documents/${document.id}/events`, { headers });
      const reader = response.body?.getReader();
      await reader?.read();
      await reader?.cancel();
      return;
    }
  }
}

// Rounds of traffic, each followed by a quiet moment (no request in flight) in which the heap is
// sampled: what is still held then is held by the server, not by a request.
const started = Date.now();
let done = 0;
const sample = async () => {
  await new Promise((r) => setTimeout(r, 1000));
  process.kill(pid, "SIGUSR2");
  await new Promise((r) => setTimeout(r, 1000));
};
await sample();
while (Date.now() - started < SECONDS * 1000) {
  const roundEnd = Math.min(Date.now() + 15_000, started + SECONDS * 1000);
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (Date.now() < roundEnd) {
        await once();
        done++;
      }
    }),
  );
  await sample();
}
// The server's CPU while nothing is asked of it: upkeep only (a stuck retry loop would show here).
const cpuSeconds = async () => {
  const fields = (await readFile(`/proc/${pid}/stat`, "utf8")).split(") ")[1]?.split(" ") ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks of 1/100 s
};
const cpuBefore = await cpuSeconds();
await new Promise((r) => setTimeout(r, 10_000));
console.log(`idle for 10 s afterwards: ${((await cpuSeconds()) - cpuBefore).toFixed(2)} s of server CPU`);
const rss = await rssMb(pid);
console.log(`${KIND}: ${done} requests in ${SECONDS} s, RSS now ${rss.toFixed(0)} MB`);
for (const line of server.output().split("\n")) {
  if (!line.startsWith("[memory-probe] ")) continue;
  const m = JSON.parse(line.slice(15)) as Record<string, number>;
  const mb = (k: string) => ((m[k] as number) / 2 ** 20).toFixed(1);
  console.log(
    `  ${(((m.at as number) - started) / 1000).toFixed(0).padStart(4)} s  heapTotal ${mb("heapTotal")}  heapUsed ${mb("heapUsed")}  external ${mb("external")}  arrayBuffers ${mb("arrayBuffers")}  rss ${mb("rss")}  threads ${m.threads}`,
  );
}
await disposeBenchServer(bench);
