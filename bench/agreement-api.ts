// Benchmark: GET /api/v1/projects/{id}/agreement over 1,000 documents × 3 annotators × 50 spans,
// all marked done, seeded with SQL; timed as the client sees it over HTTP on loopback (the server's
// time plus a loopback round trip). Target ≤ 2 s. Needs `npm run build`.
//   node --import tsx bench/agreement-api.ts [documents] [spans per annotator] [rounds]

import pg from "pg";
import { apiJson, benchServer, disposeBenchServer, machine, median, seedAgreement } from "./lib";

const DOCUMENTS = Number(process.argv[2] ?? 1000);
const SPANS = Number(process.argv[3] ?? 50);
const ROUNDS = Number(process.argv[4] ?? 5);
const ANNOTATORS = 3;

const bench = await benchServer();
const { server, token } = bench;
const db = new pg.Pool({ connectionString: bench.databaseUrl, max: 4 });

const project = await apiJson(`${server.url}/api/v1/projects`, { method: "POST", token, json: { name: "Agreement bench" } });
const projectId = project.body.id as string;
console.log(`seeding ${DOCUMENTS} documents × ${ANNOTATORS} annotators × ${SPANS} spans…`);
await seedAgreement(db, projectId, DOCUMENTS, ANNOTATORS, SPANS);

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
