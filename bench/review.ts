// Benchmark: reviewing at scale. A project of 100,000 annotations over 1,000 documents (seeded with
// SQL), one speaker with 10,000 of them. Measures, as the client sees it over HTTP on loopback:
// the review queue's first page and a next page by cursor (targets ≤ 150 ms each), a speaker's
// page of annotations for a speaker with 5,000 (the page's data; target ≤ 1 s to interactive),
// and merging the 10,000-annotation speaker into another (target ≤ 3 s). Needs `npm run build`.
//   node --import tsx bench/review.ts [annotations] [rounds]

import pg from "pg";
import { apiJson, benchServer, disposeBenchServer, machine, median } from "./lib";

const TOTAL = Number(process.argv[2] ?? 100_000);
const ROUNDS = Number(process.argv[3] ?? 5);
const DOCUMENTS = 1000;

const bench = await benchServer();
const { server, token } = bench;
const db = new pg.Pool({ connectionString: bench.databaseUrl, max: 4 });

const project = await apiJson(`${server.url}/api/v1/projects`, { method: "POST", token, json: { name: "Review bench" } });
const projectId = project.body.id as string;
const sentence = "The spokesman of the ministry said that “Japan should learn the lessons of history” on Tuesday. ";
// Long enough for every seeded annotation: one quote per sentence.
const text = sentence.repeat(Math.max(40, Math.ceil(TOTAL / DOCUMENTS)));
const speaker = async (name: string) =>
  (await apiJson(`${server.url}/api/v1/projects/${projectId}/speakers`, { method: "POST", token, json: { name } })).body.id as string;
const big = await speaker("Zhao");
const target = await speaker("Zhao Lijian");
const mid = await speaker("Wang Wenbin");

console.log(`seeding ${TOTAL.toLocaleString()} annotations over ${DOCUMENTS} documents…`);
const { rows: users } = await db.query<{ id: string }>("SELECT user_id AS id FROM memberships WHERE project_id = $1", [projectId]);
const author = users[0]?.id as string;
await db.query(
  `INSERT INTO documents (project_id, title, text, length)
   SELECT $1, 'Article ' || i, $2, char_length($2) FROM generate_series(1, $3) AS i`,
  [projectId, text, DOCUMENTS],
);
const quote = "“Japan should learn the lessons of history”";
const offset = sentence.indexOf("“");
await db.query(
  `INSERT INTO annotations (id, project_id, document_id, label, quote_kind, start, "end", exact, prefix, suffix, speaker_id, author_id)
   SELECT gen_random_uuid()::text, $1, d.id, 'quote', 'direct', k * $2 + $3, k * $2 + $3 + $4, $5, '', '',
          CASE WHEN n <= 10000 THEN $6 WHEN n <= 15000 THEN $7 ELSE NULL END, $8
     FROM (SELECT d.id, row_number() OVER () AS rn FROM documents d WHERE d.project_id = $1) d
     CROSS JOIN generate_series(0, $9 - 1) AS k
     CROSS JOIN LATERAL (SELECT (d.rn - 1) * $9 + k + 1 AS n) numbered`,
  [
    projectId,
    Array.from(sentence).length,
    Array.from(sentence.slice(0, offset)).length,
    Array.from(quote).length,
    quote,
    big,
    mid,
    author,
    Math.ceil(TOTAL / DOCUMENTS),
  ],
);
await db.query("ANALYZE annotations");

async function timed(url: string, init: Parameters<typeof apiJson>[1] = {}): Promise<{ ms: number; body: any }> {
  const started = performance.now();
  const response = await apiJson(url, { token, ...init });
  if (response.status >= 300) throw new Error(`${url}: ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`);
  return { ms: performance.now() - started, body: response.body };
}

const first: number[] = [];
const next: number[] = [];
const speakerPage: number[] = [];
for (let i = 0; i < ROUNDS; i++) {
  const page = await timed(`${server.url}/api/v1/projects/${projectId}/review-queue?limit=50`);
  first.push(page.ms);
  next.push((await timed(`${server.url}/api/v1/projects/${projectId}/review-queue?limit=50&cursor=${page.body.nextCursor}`)).ms);
  speakerPage.push((await timed(`${server.url}/api/v1/speakers/${mid}/annotations?limit=100`)).ms);
}
const queueTotal = (await timed(`${server.url}/api/v1/projects/${projectId}/review-queue?limit=1`)).body.total;
const merge = await timed(`${server.url}/api/v1/speakers/${big}/merge`, { method: "POST", json: { into: target } });

console.log(`reviewing at scale (${machine()}): ${TOTAL.toLocaleString()} annotations, ${DOCUMENTS} documents; medians of ${ROUNDS}`);
console.log(`  review queue (${queueTotal.toLocaleString()} pending), first page of 50: ${median(first).toFixed(0)} ms (target ≤ 150 ms)`);
console.log(`  review queue, next page by cursor: ${median(next).toFixed(0)} ms (target ≤ 150 ms)`);
console.log(`  speaker with 5,000 annotations, first page of 100 in context: ${median(speakerPage).toFixed(0)} ms`);
console.log(`  merge of a speaker with 10,000 annotations: ${merge.ms.toFixed(0)} ms, moved ${merge.body.moved} (target ≤ 3 s)`);

await db.end();
await disposeBenchServer(bench);
process.exit(0);
