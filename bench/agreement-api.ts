// Benchmark: GET /api/v1/projects/{id}/agreement over 1,000 documents × 3 annotators × 50 spans,
// all marked done, seeded with SQL; timed as the client sees it over HTTP on loopback (the server's
// time plus a loopback round trip). Target ≤ 2 s. Needs `npm run build`.
//   node --import tsx bench/agreement-api.ts [documents] [spans per annotator] [rounds]

import pg from "pg";
import { apiJson, benchServer, disposeBenchServer, machine, median } from "./lib";

const DOCUMENTS = Number(process.argv[2] ?? 1000);
const SPANS = Number(process.argv[3] ?? 50);
const ROUNDS = Number(process.argv[4] ?? 5);
const ANNOTATORS = 3;

const bench = await benchServer();
const { server, token } = bench;
const db = new pg.Pool({ connectionString: bench.databaseUrl, max: 4 });

const project = await apiJson(`${server.url}/api/v1/projects`, { method: "POST", token, json: { name: "Agreement bench" } });
const projectId = project.body.id as string;
const sentence = "The spokesman of the ministry said that “Japan should learn the lessons of history” on Tuesday. ";
const sentenceLength = Array.from(sentence).length;
const text = sentence.repeat(SPANS + 10);

console.log(`seeding ${DOCUMENTS} documents × ${ANNOTATORS} annotators × ${SPANS} spans…`);
await db.query(
  `INSERT INTO documents (project_id, title, text, length)
   SELECT $1, 'Article ' || i, $2, char_length($2) FROM generate_series(1, $3) AS i`,
  [projectId, text, DOCUMENTS],
);
const { rows: annotators } = await db.query<{ id: string }>(
  `INSERT INTO users (email, name) SELECT 'annotator' || i || '@bench.test', 'Annotator ' || i FROM generate_series(1, $1) AS i RETURNING id`,
  [ANNOTATORS],
);
for (const { id } of annotators) {
  await db.query(`INSERT INTO memberships (project_id, user_id, role) VALUES ($1, $2, 'annotator')`, [projectId, id]);
  await db.query(
    `INSERT INTO assignments (document_id, user_id, project_id, done_at) SELECT id, $2, $1, now() FROM documents WHERE project_id = $1`,
    [projectId, id],
  );
}
// Each annotator marks one span per sentence: mostly the same quote, sometimes shifted or a claim, so
// every matching path (exact, overlap, unmatched; label and speaker) is exercised.
await db.query(
  `INSERT INTO annotations (id, project_id, document_id, label, start, "end", exact, prefix, suffix, author_id)
   SELECT gen_random_uuid()::text, $1, d.id, CASE WHEN random() < 0.15 THEN 'claim' ELSE 'quote' END::"Label",
          k * $2 + 40 + s.shift, k * $2 + 84 + s.shift, substr(d.text, k * $2 + 41 + s.shift, 44), '', '', u.id
     FROM documents d CROSS JOIN unnest($3::text[]) AS u(id) CROSS JOIN generate_series(0, $4 - 1) AS k
     CROSS JOIN LATERAL (SELECT CASE WHEN random() < 0.7 THEN 0 ELSE floor(random() * 20)::int END AS shift) s
    WHERE d.project_id = $1`,
  [projectId, sentenceLength, annotators.map((a) => a.id), SPANS],
);
await db.query("ANALYZE annotations; ANALYZE assignments");

const times: number[] = [];
let summary = "";
for (let i = 0; i < ROUNDS; i++) {
  const started = performance.now();
  const response = await apiJson(`${server.url}/api/v1/projects/${projectId}/agreement`, { token });
  times.push(performance.now() - started);
  if (response.status !== 200) throw new Error(`agreement: ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`);
  summary = `α_u ${Number(response.body.alphaU.overall).toFixed(3)} over ${response.body.alphaU.documents} documents, ${response.body.pairs.length} pairs`;
}

console.log(`agreement API (${machine()}): ${DOCUMENTS} documents × ${ANNOTATORS} annotators × ${SPANS} spans; ${summary}`);
console.log(`  GET …/agreement: median ${median(times).toFixed(0)} ms of ${ROUNDS}, first ${times[0]!.toFixed(0)} ms (target ≤ 2 s)`);

await db.end();
await disposeBenchServer(bench);
process.exit(0);
