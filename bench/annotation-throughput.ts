// Benchmark: creating annotations through the API with 16 concurrent clients (autocannon, run in a
// second process), against bare `pg` inserts with 16 concurrent connections in the same run:
//   A. the annotation row alone;
//   B. the rows the API writes per annotation: the annotation and its history row, in one
//      statement (one transaction), as the API does.
// Target: API throughput ≥ 50% of the bare insert's, API p99 ≤ 100 ms.
//   node --import tsx bench/annotation-throughput.ts [seconds]
// Needs `npm run build`.

import { spawn } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { QUOTE_CONTEXT_LENGTH } from "../lib/text/quote-selector";
import { apiJson, benchServer, disposeBenchServer, machine, percentile } from "./lib";

const seconds = Number(process.argv[2] ?? 10);
const CONNECTIONS = 16;
const article = await fs.readFile(path.resolve(import.meta.dirname, "../prisma/seed/seed-article.txt"), "utf8");

const bench = await benchServer();
const { server, token } = bench;
const project = await apiJson(`${server.url}/api/v1/projects`, { method: "POST", token, json: { name: "Throughput" } });
const document = await apiJson(`${server.url}/api/v1/projects/${project.body.id}/documents`, {
  method: "POST",
  token,
  json: { title: "Seed", text: article },
});
const speaker = await apiJson(`${server.url}/api/v1/projects/${project.body.id}/speakers`, {
  method: "POST",
  token,
  json: { name: "Zhao Lijian" },
});
const documentId = document.body.id as string;
const body = JSON.stringify({ label: "quote", start: 2000, end: 2150, speakerId: speaker.body.id, note: "bench" });

interface CannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number };
  non2xx: number;
  errors: number;
  duration: number;
}

/** autocannon in its own process, so the load generator does not share the server's event loop. */
async function autocannon(duration: number): Promise<CannonResult> {
  const cli = path.resolve(import.meta.dirname, "../node_modules/autocannon/autocannon.js");
  const child = spawn(
    process.execPath,
    [
      cli,
      "-j",
      "-c",
      String(CONNECTIONS),
      "-d",
      String(duration),
      "-m",
      "POST",
      "-H",
      `authorization=Bearer ${token}`,
      "-H",
      "content-type=application/json",
      "-b",
      body,
      `${server.url}/api/v1/documents/${documentId}/annotations`,
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let out = "";
  child.stdout.on("data", (c: Buffer) => (out += c.toString()));
  await new Promise((resolve) => child.once("exit", resolve));
  return JSON.parse(out) as CannonResult;
}

const INSERT_ANNOTATION = `INSERT INTO annotations (project_id, document_id, label, quote_kind, start, "end", exact, prefix, suffix, speaker_id, note, author_id)
           VALUES ($1, $2, 'quote', NULL, 2000, 2150, $3, $6, $7, $4, 'bench', $5)`;
const INSERT_WITH_HISTORY = `WITH ins AS (${INSERT_ANNOTATION} RETURNING *)
  INSERT INTO change_events (project_id, document_id, subject_id, kind, actor_id, after)
  SELECT ins.project_id, ins.document_id, ins.id, 'annotation.created', $5, row_to_json(ins) FROM ins`;

/** Rows inserted with plain `pg`, 16 connections, for `duration` seconds. */
async function bareInsert(duration: number, sql: string): Promise<{ perSecond: number; p50: number; p99: number; total: number }> {
  const db = new pg.Pool({ connectionString: bench.databaseUrl, max: CONNECTIONS });
  const { rows } = await db.query<{ author_id: string; project_id: string }>(
    "SELECT author_id, project_id FROM annotations WHERE document_id = $1 LIMIT 1",
    [documentId],
  );
  const { author_id: authorId, project_id: projectId } = rows[0] as { author_id: string; project_id: string };
  // The same text, and the same words around it, as the API stores for this span: the search
  // indexes' cost grows with the words, the context's included.
  const codePoints = Array.from(article);
  const exact = codePoints.slice(2000, 2150).join("");
  const prefix = codePoints.slice(2000 - QUOTE_CONTEXT_LENGTH, 2000).join("");
  const suffix = codePoints.slice(2150, 2150 + QUOTE_CONTEXT_LENGTH).join("");
  const latencies: number[] = [];
  const deadline = performance.now() + duration * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < deadline) {
        const t = performance.now();
        await db.query(sql, [projectId, documentId, exact, speaker.body.id, authorId, prefix, suffix]);
        latencies.push(performance.now() - t);
      }
    }),
  );
  await db.end();
  latencies.sort((a, b) => a - b);
  return {
    perSecond: latencies.length / duration,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    total: latencies.length,
  };
}

await autocannon(2); // warm-up: JIT, connection pool, text cache
const api = await autocannon(seconds);
const bareA = await bareInsert(seconds, INSERT_ANNOTATION);
const bareB = await bareInsert(seconds, INSERT_WITH_HISTORY);
await disposeBenchServer(bench);

const pct = (x: number) => `${((api.requests.average / x) * 100).toFixed(0)}%`;
console.log(`annotation create throughput (${machine()}), ${CONNECTIONS} concurrent clients, ${seconds} s each:`);
console.log(
  `  API  POST /annotations:            ${api.requests.average.toFixed(0)} req/s, p50 ${api.latency.p50} ms, p99 ${api.latency.p99} ms, non-2xx ${api.non2xx}, errors ${api.errors}`,
);
console.log(
  `  A. bare pg, annotation row only:   ${bareA.perSecond.toFixed(0)} rows/s, p50 ${bareA.p50.toFixed(1)} ms, p99 ${bareA.p99.toFixed(1)} ms  → API is ${pct(bareA.perSecond)}`,
);
console.log(
  `  B. bare pg, annotation + event:    ${bareB.perSecond.toFixed(0)} /s, p50 ${bareB.p50.toFixed(1)} ms, p99 ${bareB.p99.toFixed(1)} ms  → API is ${pct(bareB.perSecond)}`,
);
console.log(`  target: ≥ 50% of the bare insert of the same rows (B); API p99 ${api.latency.p99} ms (target ≤ 100 ms)`);
