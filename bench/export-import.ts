// Benchmark: exporting 1,000,000 annotations over 2,000 documents as jsonl and csv, against a bare
// `pg` cursor reading the same rows and JSON-encoding them, in the same run; and importing 100,000
// annotations as jsonl. Targets: first byte ≤ 1 s; export total ≤ 2× the bare cursor; server
// resident memory grows ≤ 150 MB during an export; import ≤ 60 s. Needs `npm run build`.
//   node --import tsx bench/export-import.ts [annotations] [documents]

import pg from "pg";
import { annotationJoins } from "../lib/annotations/annotation-view";
import { apiJson, benchServer, disposeBenchServer, machine, rssMb } from "./lib";

const TOTAL = Number(process.argv[2] ?? 1_000_000);
const DOCUMENTS = Number(process.argv[3] ?? 2000);
const PER_DOCUMENT = Math.ceil(TOTAL / DOCUMENTS);
const IMPORT = Math.min(100_000, TOTAL);

const bench = await benchServer();
const { server, token } = bench;
const db = new pg.Pool({ connectionString: bench.databaseUrl, max: 4 });
const t = () => performance.now();
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

// --- seed ---------------------------------------------------------------------------------
let started = t();
const project = await apiJson(`${server.url}/api/v1/projects`, { method: "POST", token, json: { name: "Export benchmark" } });
const projectId = project.body.id as string;
const speaker = await apiJson(`${server.url}/api/v1/projects/${projectId}/speakers`, {
  method: "POST",
  token,
  json: { name: "Zhao Lijian" },
});
const paragraph = "The ministry said “we will formally join” 🚢 and analysts in 東京 disagreed, calling it a =risky +step. ";
const text = paragraph.repeat(Math.ceil((PER_DOCUMENT * 6 + 200) / paragraph.length));
const {
  rows: [owner],
} = await db.query<{ author_id: string }>("SELECT user_id AS author_id FROM memberships WHERE project_id = $1", [projectId]);
await db.query(
  `INSERT INTO documents (project_id, title, text, length)
   SELECT $1, 'Article ' || g, $2, char_length($2) FROM generate_series(1, $3) g`,
  [projectId, text, DOCUMENTS],
);
// Spans of about 40 characters every 6, with the spaces at their ends left out (the API refuses
// spans that start or end with whitespace, so the import that reads them back would too).
await db.query(
  `INSERT INTO annotations (project_id, document_id, label, quote_kind, start, "end", exact, prefix, suffix, speaker_id, note, author_id)
   SELECT d.project_id, d.id, CASE WHEN g % 3 = 0 THEN 'quote' ELSE 'claim' END::"Label", CASE WHEN g % 3 = 0 THEN 'direct' END::"QuoteKind",
          s.start, s."end", substr(d.text, s.start + 1, s."end" - s.start), substr(d.text, greatest(1, s.start - 31), least(s.start, 32)),
          substr(d.text, s."end" + 1, 32), CASE WHEN g % 2 = 0 THEN $2 END, CASE WHEN g % 10 = 0 THEN '-check, "source"' END, $3
     FROM documents d, generate_series(0, $4 - 1) g,
          LATERAL (SELECT substr(d.text, g * 6 + 1, 40) AS raw) r,
          LATERAL (SELECT g * 6 + length(r.raw) - length(ltrim(r.raw)) AS start, g * 6 + length(rtrim(r.raw)) AS "end") s
    WHERE d.project_id = $1`,
  [projectId, speaker.body.id, owner!.author_id, PER_DOCUMENT],
);
await db.query("VACUUM ANALYZE annotations");
const n = (await db.query<{ n: number }>("SELECT count(*)::int AS n FROM annotations WHERE project_id = $1", [projectId])).rows[0]?.n ?? 0;
console.log(`seeded ${n.toLocaleString()} annotations over ${DOCUMENTS} documents in ${seconds(t() - started)}`);

// --- bare cursor --------------------------------------------------------------------------
async function bareCursor(): Promise<{ ms: number; rows: number; bytes: number }> {
  const client = await db.connect();
  const start = t();
  let rows = 0;
  let bytes = 0;
  await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  await client.query(
    // The baseline reads the raw rows (no view built in SQL) and serialises each as it comes.
    `DECLARE c NO SCROLL CURSOR FOR SELECT a.*, s.name AS speaker_name, u.name AS author_name, d.title AS document_title
       FROM ${annotationJoins()} JOIN documents d ON d.id = a.document_id
      WHERE a.project_id = $1 ORDER BY a.document_id, a.start, a."end", a.id`,
    [projectId],
  );
  for (;;) {
    const batch = await client.query("FETCH 5000 FROM c");
    if (batch.rows.length === 0) break;
    for (const row of batch.rows) bytes += JSON.stringify(row).length + 1;
    rows += batch.rows.length;
  }
  await client.query("COMMIT");
  client.release();
  return { ms: t() - start, rows, bytes };
}

// --- HTTP export --------------------------------------------------------------------------
async function httpExport(format: string): Promise<{ firstByte: number; ms: number; bytes: number; lines: number; rssGrowth: number }> {
  const pid = server.process.pid as number;
  const baseline = await rssMb(pid);
  let peak = baseline;
  const sampler = setInterval(
    () =>
      void rssMb(pid)
        .then((mb) => (peak = Math.max(peak, mb)))
        .catch(() => undefined),
    50,
  );
  const start = t();
  const response = await fetch(`${server.url}/api/v1/projects/${projectId}/export?format=${format}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  let firstByte = 0;
  let bytes = 0;
  let lines = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!firstByte) firstByte = t() - start;
    bytes += value.byteLength;
    for (let i = 0; i < value.length; i++) if (value[i] === 10) lines++;
  }
  const ms = t() - start;
  clearInterval(sampler);
  peak = Math.max(peak, await rssMb(pid));
  return { firstByte, ms, bytes, lines, rssGrowth: peak - baseline };
}

await bareCursor(); // warm the cache for everyone
const results: string[] = [];
for (const format of ["jsonl", "csv"]) {
  const bare = await bareCursor();
  const http = await httpExport(format);
  results.push(
    `  ${format.padEnd(5)}: first byte ${Math.round(http.firstByte)} ms, total ${seconds(http.ms)} (${(http.bytes / 1e6).toFixed(0)} MB, ${http.lines.toLocaleString()} lines); ` +
      `bare cursor ${seconds(bare.ms)} for ${bare.rows.toLocaleString()} rows → ${(http.ms / bare.ms).toFixed(2)}×; server RSS +${http.rssGrowth.toFixed(0)} MB`,
  );
  console.log(results.at(-1)); // as measured, in case a later step fails
}

// --- import -------------------------------------------------------------------------------
/** The first `count` lines of a response, read no further (a whole export is longer than a string may be). */
async function firstLines(response: Response, count: number): Promise<string[]> {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  const lines: string[] = [];
  let rest = "";
  while (lines.length < count) {
    const { done, value } = await reader.read();
    if (done) break;
    const parts = (rest + decoder.decode(value, { stream: true })).split("\n");
    rest = parts.pop() as string;
    lines.push(...parts);
  }
  await reader.cancel();
  return lines.slice(0, count);
}

const target = await apiJson(`${server.url}/api/v1/projects`, { method: "POST", token, json: { name: "Import benchmark" } });
const targetId = target.body.id as string;
const firstDocs = await db.query<{ id: string; title: string }>(
  "SELECT id, title FROM documents WHERE project_id = $1 ORDER BY id LIMIT $2",
  [projectId, Math.ceil(IMPORT / PER_DOCUMENT)],
);
await db.query(
  `INSERT INTO documents (project_id, title, text, length) SELECT $1, title, text, length FROM documents WHERE id = ANY($2::text[])`,
  [targetId, firstDocs.rows.map((r) => r.id)],
);
const source = await fetch(`${server.url}/api/v1/projects/${projectId}/export?format=jsonl`, {
  headers: { authorization: `Bearer ${token}` },
});
// Lines attach to the target project's copies by title (their documentIds belong to the source project).
const body = `${(await firstLines(source, IMPORT)).join("\n")}\n`;
started = t();
const imported = await fetch(`${server.url}/api/v1/projects/${targetId}/import?format=jsonl`, {
  method: "POST",
  headers: { authorization: `Bearer ${token}`, "content-type": "application/x-ndjson" },
  body,
});
const report = (await imported.json()) as { annotations: { created: number; failed: number } };
const importMs = t() - started;

await db.end();
await disposeBenchServer(bench);
console.log(`export and import (${machine()}):`);
console.log(results.join("\n"));
console.log(
  `  import ${IMPORT.toLocaleString()} annotations as jsonl (${(body.length / 1e6).toFixed(0)} MB): ${seconds(importMs)}, created ${report.annotations.created.toLocaleString()}, failed ${report.annotations.failed}`,
);
console.log("  targets: first byte ≤ 1 s; total ≤ 2× bare cursor; RSS growth ≤ 150 MB; import ≤ 60 s");
