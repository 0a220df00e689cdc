import pg from "pg";
import { apiJson, benchServer, disposeBenchServer } from "./lib";
const bench = await benchServer();
const { server, token } = bench;
const project = await apiJson(`${server.url}/api/v1/projects`, { method: "POST", token, json: { name: "T" } });
const doc = await apiJson(`${server.url}/api/v1/projects/${project.body.id}/documents`, { method: "POST", token, json: { title: "S", text: "x".repeat(3000) } });
const a = await apiJson(`${server.url}/api/v1/documents/${doc.body.id}/annotations`, { method: "POST", token, json: { label: "claim", start: 1, end: 100 } });
const db = new pg.Pool({ connectionString: bench.databaseUrl, max: 16 });
const projectId = project.body.id, documentId = doc.body.id, actor = a.body.author.id;
async function measure(name: string, q: () => Promise<unknown>) {
  let n = 0; const end = performance.now() + 4000;
  await Promise.all(Array.from({ length: 16 }, async () => { while (performance.now() < end) { await q(); n++; } }));
  console.log(name, (n / 4).toFixed(0), "/s");
}
const exact = "x".repeat(99);
await measure("bare insert", () => db.query(`INSERT INTO annotations (project_id, document_id, label, start, "end", exact, prefix, suffix, author_id) VALUES ($1,$2,'claim',1,100,$3,'','',$4)`, [projectId, documentId, exact, actor]));
await measure("insert+history CTE", () => db.query(`WITH ins AS (INSERT INTO annotations (project_id, document_id, label, start, "end", exact, prefix, suffix, author_id) VALUES ($1,$2,'claim',1,100,$3,'','',$4) RETURNING *), h AS (INSERT INTO annotation_history (annotation_id, project_id, actor_id, action, after) SELECT id, project_id, $4, 'create', to_jsonb(ins) FROM ins) SELECT * FROM ins`, [projectId, documentId, exact, actor]));
await measure("select token", () => db.query(`SELECT u.id FROM api_tokens t JOIN users u ON u.id=t.user_id WHERE t.token_hash=$1`, ["abc"]));
await db.end();
await disposeBenchServer(bench);
