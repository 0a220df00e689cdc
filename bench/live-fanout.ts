// Benchmark: live change streams across two app processes on one PostgreSQL. 200 stream clients on
// one document, split between the two servers; writers create 20 annotations/s for 30 s through
// both. Measures the delay from the writer's 201 to each client's receipt of the event (p50, p99),
// counts missed and duplicated events over all clients, and the servers' memory per open stream.
// Targets: p50 ≤ 50 ms, p99 ≤ 250 ms, 0 missed, 0 duplicated. Needs `npm run build`.
//   node --import tsx bench/live-fanout.ts [clients] [perSecond] [seconds]

import { CodePointIndex } from "../lib/text/code-points";
import { analystSpan, apiJson, benchServer, disposeBenchServer, machine, percentile, rssMb, startServer, tempDataDir } from "./lib";

const CLIENTS = Number(process.argv[2] ?? 200);
const PER_SECOND = Number(process.argv[3] ?? 20);
const SECONDS = Number(process.argv[4] ?? 30);

const bench = await benchServer();
const a = bench.server;
const b = await startServer(await tempDataDir(), { DATABASE_URL: bench.databaseUrl, SOURCEMARK_RATE_LIMIT_SCALE: "1000" });
const token = bench.token;
const project = await apiJson(`${a.url}/api/v1/projects`, { method: "POST", token, json: { name: "Fan-out" } });
const text = "The spokesman said that the ministry will act. ".repeat(200);
const index = new CodePointIndex(text);
const document = await apiJson(`${a.url}/api/v1/projects/${project.body.id}/documents`, {
  method: "POST",
  token,
  json: { title: "Fan-out", text },
});
const documentId = document.body.id as string;

// One account per client (the stream limit is per user and document), signed up for a session
// cookie, invited to the project as a viewer and accepting.
const cookies: string[] = [];
for (let i = 0; i < CLIENTS; i++) {
  const email = `client-${i}@example.org`;
  const response = await fetch(`${a.url}/api/v1/auth/sign-up`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: "client password 123" }),
  });
  cookies.push((response.headers.get("set-cookie") ?? "").split(";")[0] as string);
  const invited = await apiJson(`${a.url}/api/v1/projects/${project.body.id}/members`, {
    method: "POST",
    token,
    json: { email, role: "viewer" },
  });
  // Members join by accepting (a cookie-authenticated write: from the app's own origin).
  const accepted = await fetch(`${a.url}/api/v1/invitations/${invited.body.id}/accept`, {
    method: "POST",
    headers: { cookie: cookies[i] as string, origin: a.url },
  });
  if (accepted.status >= 300) throw new Error(`invitation not accepted: ${accepted.status} ${await accepted.text()}`);
}

const rssBefore = [await rssMb(a.process.pid as number), await rssMb(b.process.pid as number)];

interface Client {
  received: Map<string, number>;
  duplicates: number;
  reader: ReadableStreamDefaultReader<Uint8Array>;
}

/** A minimal EventSource: records when each annotation.created event's annotation id arrives. */
async function connect(server: string, cookie: string): Promise<Client> {
  const response = await fetch(`${server}/api/v1/documents/${documentId}/events`, { headers: { cookie } });
  if (response.status !== 200) throw new Error(`stream refused: ${response.status} ${await response.text()}`);
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const client: Client = { received: new Map(), duplicates: 0, reader };
  const decoder = new TextDecoder();
  let buffer = "";
  void (async () => {
    for (;;) {
      const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (done) return;
      const now = performance.now();
      buffer += decoder.decode(value, { stream: true });
      for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (!block.includes("event: annotation.created")) continue;
        const data = block.split("\n").find((l) => l.startsWith("data: "));
        const id = (JSON.parse((data as string).slice(6)) as { id: string }).id;
        if (client.received.has(id)) client.duplicates++;
        else client.received.set(id, now);
      }
    }
  })();
  return client;
}

const clients: Client[] = [];
for (let i = 0; i < CLIENTS; i++) clients.push(await connect(i % 2 === 0 ? a.url : b.url, cookies[i] as string));
await new Promise((r) => setTimeout(r, 1000));
const rssStreams = [await rssMb(a.process.pid as number), await rssMb(b.process.pid as number)];

// Writers: PER_SECOND creates per second, alternating between the servers.
const acknowledged = new Map<string, number>();
let failures = 0;
const started = performance.now();
const writes: Promise<void>[] = [];
for (let i = 0; i < PER_SECOND * SECONDS; i++) {
  const due = started + (i * 1000) / PER_SECOND;
  const wait = due - performance.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  const server = i % 2 === 0 ? a.url : b.url;
  const from = (i * 7) % 9000;
  const { start, end } = analystSpan(index, from, from + 5);
  writes.push(
    apiJson(`${server}/api/v1/documents/${documentId}/annotations`, {
      method: "POST",
      token,
      json: { label: "claim", start, end },
    }).then((created) => {
      if (created.status === 201) acknowledged.set(created.body.id as string, performance.now());
      else failures++;
    }),
  );
}
await Promise.all(writes);
await new Promise((r) => setTimeout(r, 2000));

const latencies: number[] = [];
let missed = 0;
let duplicates = 0;
for (const client of clients) {
  duplicates += client.duplicates;
  for (const [id, ackedAt] of acknowledged) {
    const at = client.received.get(id);
    if (at === undefined) missed++;
    else latencies.push(at - ackedAt);
  }
}
latencies.sort((x, y) => x - y);
for (const client of clients) await client.reader.cancel().catch(() => undefined);

const perStreamKb =
  (((rssStreams[0] as number) + (rssStreams[1] as number) - (rssBefore[0] as number) - (rssBefore[1] as number)) * 1024) / CLIENTS;
console.log(`live fan-out (${machine()}): 2 app processes, ${CLIENTS} stream clients, ${PER_SECOND} creates/s for ${SECONDS} s`);
console.log(`  writes acknowledged: ${acknowledged.size}, failed: ${failures}`);
console.log(
  `  delivery after the writer's 201: p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, max ${(latencies.at(-1) ?? NaN).toFixed(1)} ms`,
);
console.log(`  deliveries: ${latencies.length} of ${acknowledged.size * CLIENTS}; missed ${missed}; duplicated ${duplicates}`);
console.log(
  `  server RSS: A ${rssBefore[0]?.toFixed(0)} → ${rssStreams[0]?.toFixed(0)} MB, B ${rssBefore[1]?.toFixed(0)} → ${rssStreams[1]?.toFixed(0)} MB with streams open: ≈ ${perStreamKb.toFixed(0)} KB per stream`,
);
console.log("  targets: p50 ≤ 50 ms, p99 ≤ 250 ms, 0 missed, 0 duplicated");

await b.stop("SIGTERM");
await disposeBenchServer(bench);
process.exit(0);
