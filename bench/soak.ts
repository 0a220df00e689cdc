// Benchmark: a soak. Mixed traffic at a steady rate for N minutes against one `npm start` server —
// reads (a document's annotations, one annotation, search, the review queue), writes (create,
// edit, review, comment), exports, small imports, and live streams held open throughout — with the
// embedded PostgreSQL killed (SIGKILL) halfway. Reports requests and p50/p99 per kind, statuses,
// errors (anything but 2xx; 503 only while the database is down and 429 from the export cap are
// counted apart, as answers by design), the outage as the API saw
// it, the server's memory (start, end, slope after the first minute, least squares) — resident, and
// the heap after a full collection (bench/memory-probe.mjs, every 30 s) —, the events the streams
// received, and every acknowledged write checked afterwards. Needs `npm run build`.
// SOURCEMARK_HEAP_SNAPSHOTS=<dir> also writes a heap snapshot there at each heap sample.
//   node --import tsx bench/soak.ts [minutes=10] [requests per second=20]

import { pathToFileURL } from "node:url";
import { CodePointIndex } from "../lib/text/code-points";
import { analystSpan, apiJson, benchServer, disposeBenchServer, machine, percentile, rssMb } from "./lib";
import { postgresPid, waitForExit } from "../tests/helpers/server";

const MINUTES = Number(process.argv[2] ?? 10);
const RATE = Number(process.argv[3] ?? 20);
const STREAMS = 4;

const TEXT = [
  "🚢 Japan has joined NATO's cyber defence centre, the Japanese Ministry of Defense said on Friday.",
  "“Japan should learn lessons from history,” Zhao Lijian, the spokesman of the Chinese Foreign Ministry, said.",
  "Analyst Jiro Minier called it “just one of many milestones during a busy period”. 中国外交部 مرحبا e\u0301",
]
  .join("\n")
  .repeat(40);

// The probe prints the heap after a full collection on SIGUSR2 (bench-only; nothing in the product).
const probe = pathToFileURL(`${import.meta.dirname}/memory-probe.mjs`).href;
const bench = await benchServer({ NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import ${probe}`.trim() });
const { server, token } = bench;
const url = server.url;
const project = (await apiJson(`${url}/api/v1/projects`, { method: "POST", token, json: { name: "Soak" } })).body;
const document = (
  await apiJson(`${url}/api/v1/projects/${project.id}/documents`, { method: "POST", token, json: { title: "Soak article", text: TEXT } })
).body;
const speaker = (await apiJson(`${url}/api/v1/projects/${project.id}/speakers`, { method: "POST", token, json: { name: "Zhao Lijian" } }))
  .body;
const length = [...TEXT].length;
const index = new CodePointIndex(TEXT);

// Live streams, held open for the whole run (reconnecting with Last-Event-ID after the outage).
let eventsReceived = 0;
let streamReconnects = 0;
let running = true;
async function holdStream(): Promise<void> {
  let last = "";
  while (running) {
    try {
      const response = await fetch(`${url}/api/v1/projects/${project.id}/events${last ? `?since=${last}` : ""}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      if (response.status !== 200 || !response.body) throw new Error(String(response.status));
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      let buffer = "";
      while (running) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const id = /^id: ?(\d+)$/m.exec(block)?.[1];
          if (id) {
            last = id;
            eventsReceived++;
          }
        }
      }
      await reader.cancel().catch(() => undefined);
    } catch {
      // refused or dropped (the outage): reconnect after a moment, where it left off
    }
    if (running) {
      streamReconnects++;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}
const streams = Array.from({ length: STREAMS }, () => holdStream());

// The traffic mix, by weight.
const acknowledged: string[] = [];
const created: { id: string; version: number }[] = [];
type Kind = "list" | "get" | "search" | "queue" | "create" | "edit" | "review" | "comment" | "export" | "import";
const MIX: [Kind, number][] = [
  ["list", 20],
  ["get", 15],
  ["search", 10],
  ["queue", 5],
  ["create", 25],
  ["edit", 8],
  ["review", 7],
  ["comment", 5],
  ["export", 3],
  ["import", 2],
];
const WEIGHT = MIX.reduce((sum, [, w]) => sum + w, 0);
function pick(): Kind {
  let r = Math.random() * WEIGHT;
  for (const [kind, w] of MIX) if ((r -= w) < 0) return kind;
  return "list";
}
const anyCreated = () => created[Math.floor(Math.random() * created.length)];

async function raw(path: string, init: RequestInit = {}): Promise<number> {
  const response = await fetch(`${url}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, ...init.headers } });
  await response.arrayBuffer();
  return response.status;
}

async function run(kind: Kind): Promise<number> {
  switch (kind) {
    case "list":
      return raw(`/api/v1/documents/${document.id}/annotations`);
    case "get": {
      const a = anyCreated();
      return a ? raw(`/api/v1/annotations/${a.id}`) : raw(`/api/v1/documents/${document.id}`);
    }
    case "search":
      return raw(`/api/v1/projects/${project.id}/search?q=${["lessons", "Zhao", "milestones", "japan"][Math.floor(Math.random() * 4)]}`);
    case "queue":
      return raw(`/api/v1/projects/${project.id}/review-queue?limit=20`);
    case "create": {
      const from = Math.floor(Math.random() * (length - 40));
      const { start, end } = analystSpan(index, from, from + 5 + Math.floor(Math.random() * 30));
      const response = await apiJson(`${url}/api/v1/documents/${document.id}/annotations`, {
        method: "POST",
        token,
        json: {
          label: Math.random() < 0.5 ? "claim" : "quote",
          start,
          end,
          speakerId: speaker.id,
        },
      });
      if (response.status === 201) {
        acknowledged.push(response.body.id);
        created.push({ id: response.body.id, version: response.body.version });
      }
      return response.status;
    }
    case "edit": {
      const a = anyCreated();
      if (!a) return raw(`/api/v1/documents/${document.id}`);
      const response = await apiJson(`${url}/api/v1/annotations/${a.id}`, {
        method: "PATCH",
        token,
        json: { version: a.version, note: `soak ${Date.now()}` },
      });
      if (response.status === 200) a.version = response.body.version;
      // A concurrent edit of the same annotation is an expected 409, not an error.
      return response.status === 409 ? 200 : response.status;
    }
    case "review": {
      const a = anyCreated();
      if (!a) return raw(`/api/v1/documents/${document.id}`);
      return (await apiJson(`${url}/api/v1/annotations/${a.id}/review`, { method: "POST", token, json: { status: "accepted" } })).status;
    }
    case "comment": {
      const a = anyCreated();
      if (!a) return raw(`/api/v1/documents/${document.id}`);
      return (await apiJson(`${url}/api/v1/annotations/${a.id}/comments`, { method: "POST", token, json: { body: "Checked 👍🏽" } })).status;
    }
    case "export":
      return raw(`/api/v1/projects/${project.id}/export?format=jsonl`);
    case "import": {
      const from = Math.floor(Math.random() * (length - 40));
      const { start, end } = analystSpan(index, from, from + 10);
      const line = JSON.stringify({ documentId: document.id, label: "claim", start, end, text: index.slice(start, end) });
      return raw(`/api/v1/projects/${project.id}/import?format=jsonl`, {
        method: "POST",
        headers: { "content-type": "application/x-ndjson" },
        body: `${line}\n`,
      });
    }
  }
}

const latencies = new Map<Kind, number[]>();
const statuses = new Map<string, number>();
let errors = 0;
let outage: { killedAt: number; healthyAt: number | null } | null = null;
const inOutage = () => outage !== null && outage.healthyAt === null;
const memory: [minutes: number, mb: number][] = [];
const pid = server.process.pid as number;
const started = performance.now();
const endAt = started + MINUTES * 60_000;
const inFlight = new Set<Promise<void>>();

const startedAt = Date.now();
const sampler = setInterval(() => {
  void rssMb(pid).then((mb) => memory.push([(performance.now() - started) / 60_000, mb]));
}, 5000);
const heapSampler = setInterval(() => process.kill(pid, "SIGUSR2"), 30_000);

console.log(`soak (${machine()}): ${MINUTES} min at ${RATE} requests/s, ${STREAMS} live streams, PostgreSQL killed at half time`);
let next = performance.now();
let killed = false;
while (performance.now() < endAt) {
  if (!killed && performance.now() > started + (MINUTES * 60_000) / 2) {
    killed = true;
    const pg = (await postgresPid(bench.dataDir)) as number;
    process.kill(pg, "SIGKILL");
    outage = { killedAt: performance.now(), healthyAt: null };
    void (async () => {
      await waitForExit(pg);
      while (outage.healthyAt === null) {
        const health = await apiJson(`${url}/api/health`).catch(() => null);
        if (health?.status === 200) outage.healthyAt = performance.now();
        else await new Promise((r) => setTimeout(r, 100));
      }
    })();
  }
  const kind = pick();
  const t0 = performance.now();
  const request = run(kind)
    .then((status) => {
      const ms = performance.now() - t0;
      if (!latencies.has(kind)) latencies.set(kind, []);
      latencies.get(kind)?.push(ms);
      statuses.set(String(status), (statuses.get(String(status)) ?? 0) + 1);
      // 503 while the database is down, and 429 from the per-user export cap, are answers by design.
      if (status >= 300 && !(status === 503 && inOutage()) && status !== 429) errors++;
    })
    .catch(() => {
      statuses.set("network", (statuses.get("network") ?? 0) + 1);
      if (!inOutage()) errors++;
    })
    .finally(() => inFlight.delete(request));
  inFlight.add(request);
  next += 1000 / RATE;
  const wait = next - performance.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
}
await Promise.all(inFlight);
clearInterval(sampler);
clearInterval(heapSampler);
running = false;
await Promise.race([Promise.all(streams), new Promise((r) => setTimeout(r, 20_000))]);

// Every acknowledged write is there.
const list = await apiJson(`${url}/api/v1/documents/${document.id}/annotations`, { token });
const present = new Set((list.body.annotations as { id: string }[]).map((a) => a.id));
const lost = acknowledged.filter((id) => !present.has(id)).length;

// Memory slopes after the first minute (least squares, MB per minute).
function slopeAfterFirstMinute(samples: [minutes: number, mb: number][]): number {
  const steady = samples.filter(([m]) => m >= 1);
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const mx = mean(steady.map(([m]) => m));
  const my = mean(steady.map(([, mb]) => mb));
  return (
    steady.reduce((s, [m, mb]) => s + (m - mx) * (mb - my), 0) /
    Math.max(
      1e-9,
      steady.reduce((s, [m]) => s + (m - mx) ** 2, 0),
    )
  );
}
type HeapSample = { at: number; heapTotal: number; heapUsed: number; external: number; arrayBuffers: number; rss: number; threads: number };
const heap = server
  .output()
  .split("\n")
  .flatMap((line) => (line.startsWith("[memory-probe] ") ? [JSON.parse(line.slice(15)) as HeapSample] : []));
const heapSeries = (field: keyof HeapSample): [number, number][] => heap.map((h) => [(h.at - startedAt) / 60_000, h[field] / 2 ** 20]);
const heapLine = (field: keyof HeapSample): string => {
  const series = heapSeries(field);
  return `${field} ${series[0]?.[1].toFixed(0)} → ${series.at(-1)?.[1].toFixed(0)} MB (slope ${slopeAfterFirstMinute(series).toFixed(2)})`;
};

const total = [...latencies.values()].reduce((s, l) => s + l.length, 0);
console.log(`  requests ${total.toLocaleString()}; statuses ${JSON.stringify(Object.fromEntries(statuses))}; errors ${errors}`);
for (const [kind, values] of latencies) {
  const sorted = [...values].sort((a, b) => a - b);
  console.log(
    `  ${kind.padEnd(8)} ${String(values.length).padStart(6)}  p50 ${percentile(sorted, 50).toFixed(0)} ms  p99 ${percentile(sorted, 99).toFixed(0)} ms`,
  );
}
const all = [...latencies.values()].flat().sort((a, b) => a - b);
console.log(`  all      p50 ${percentile(all, 50).toFixed(0)} ms, p99 ${percentile(all, 99).toFixed(0)} ms`);
if (outage?.healthyAt)
  console.log(
    `  PostgreSQL killed: healthy again after ${((outage.healthyAt - outage.killedAt) / 1000).toFixed(1)} s (503 meanwhile: ${statuses.get("503") ?? 0})`,
  );
console.log(
  `  server RSS ${memory[0]?.[1].toFixed(0)} MB → ${memory.at(-1)?.[1].toFixed(0)} MB, slope after the first minute ${slopeAfterFirstMinute(memory).toFixed(2)} MB/min`,
);
console.log(
  `  after a full GC, every 30 s (${heap.length} samples): ${heapLine("heapUsed")}, ${heapLine("external")}, ${heapLine("arrayBuffers")}; MB/min`,
);
const sampleLine = (h: HeapSample) =>
  `${((h.at - startedAt) / 60_000).toFixed(1)}: ${[h.heapTotal, h.heapUsed, h.external, h.rss].map((b) => (b / 2 ** 20).toFixed(0)).join("/")} ${h.threads}`;
console.log(`  samples (minute: heapTotal/heapUsed/external/RSS MB, threads): ${heap.map(sampleLine).join(", ")}`);
console.log(`  streams: ${eventsReceived.toLocaleString()} events received, ${streamReconnects} reconnections`);
console.log(`  acknowledged writes ${acknowledged.length.toLocaleString()}, lost ${lost}`);
// What the server logged as errors (unexpected ones are 500s: each is worth reading).
const logged = server
  .output()
  .split("\n")
  .filter((line) => /error/i.test(line));
console.log(
  `  server log: ${logged.length} error lines${logged.length ? `; first: ${logged.slice(0, 5).join(" | ").slice(0, 1500)}` : ""}`,
);
await disposeBenchServer(bench);
process.exit(lost === 0 && errors === 0 ? 0 : 1);
