// Benchmark: search at scale. A project of 1,000,000 annotations over 20,000 documents and 2,000
// speakers (seeded with SQL: texts drawn from a 5,000-word vocabulary with a Zipf-like spread, so
// that some words match hundreds of thousands of annotations and most a few hundred). Then 100
// varied queries of each kind, timed as the client sees them over HTTP on loopback (an upper
// bound on server time), each the first page of 20 (the total and facets, which the search page
// loads after the results, are timed apart as "facets"):
//   word       ?q=<one word>                           (target p95 ≤ 100 ms)
//   phrase     ?q="<two words in a row>"               (target p95 ≤ 200 ms)
//   speaker    ?q=<word>&speakerId=<speaker>           (a click on the speaker facet; p95 ≤ 200 ms)
// and, for information, a next page by cursor, the word queries by relevance and a document
// search. Needs `npm run build`.
//   node --import tsx bench/search.ts [annotations] [documents] [queries]
// BENCH_SEARCH_DIR=<dir>: seed into <dir> and keep it; a later run with the same <dir> (and sizes)
// measures again without seeding (15 min for a million annotations on 2 cores).

import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { apiJson, benchServer, disposeBenchServer, machine, median, percentile, startServer } from "./lib";

const TOTAL = Number(process.argv[2] ?? 1_000_000);
const DOCUMENTS = Number(process.argv[3] ?? 20_000);
const QUERIES = Number(process.argv[4] ?? 100);
const SPEAKERS = 2000;

/** A deterministic pseudo-random sequence (mulberry32), so every run seeds the same corpus. */
function randomSequence(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = randomSequence(42);

// Real news words first (the most frequent), then made-up words of syllables.
const NEWS = (
  "said minister ministry spokesman government nato alliance japan china tokyo beijing defence cyber centre history lessons " +
  "reflect peace security foreign president election war talks agreement sanctions economy trade market inflation report " +
  "police court judge law vote parliament party leader policy crisis climate energy oil gas border troops missile attack " +
  "statement press conference official officials analyst expert minister's country countries region regional military"
).split(" ");
const SYLLABLES = "ka ro men tis la vo dar pen su ri mo nel ta gu fi zan ber col de hal".split(" ");
const vocabulary = [...NEWS];
while (vocabulary.length < 5000) {
  const length = 2 + Math.floor(random() * 3);
  const word = Array.from({ length }, () => SYLLABLES[Math.floor(random() * SYLLABLES.length)]).join("");
  if (!vocabulary.includes(word)) vocabulary.push(word);
}
const FIRST = "Zhao Wang Li Chen Anna John Maria Ahmed Yuki Olga Pierre Sofia Jiro Fatima Lars".split(" ");

const KEEP = process.env.BENCH_SEARCH_DIR;
const SEEDED = KEEP ? path.join(KEEP, "seeded.json") : null;
const reused = SEEDED && existsSync(SEEDED) ? (JSON.parse(readFileSync(SEEDED, "utf8")) as { projectId: string; total: number }) : null;
if (reused && reused.total !== TOTAL) throw new Error(`${KEEP} holds ${reused.total} annotations, not ${TOTAL}`);
if (KEEP && !reused) mkdirSync(KEEP, { recursive: true });
const bench = await benchServer({}, reused ? KEEP : undefined);
if (KEEP && !reused) {
  // Seed where it will be kept: the new data directory moves under KEEP.
  await bench.server.stop("SIGTERM");
  rmSync(KEEP, { recursive: true, force: true });
  renameSync(bench.dataDir, KEEP);
  bench.dataDir = KEEP;
  bench.server = await startServer(KEEP, { SOURCEMARK_RATE_LIMIT_SCALE: "1000" });
}
const { token } = bench;
let db = new pg.Pool({ connectionString: bench.databaseUrl, max: 4 });
// BENCH_EXPLAIN=1: log the plan of every statement slower than 50 ms to DATA_DIR/postgres.log (kept).
if (process.env.BENCH_EXPLAIN) {
  const database = new URL(bench.databaseUrl).pathname.slice(1);
  await db.query(`ALTER DATABASE "${database}" SET session_preload_libraries = 'auto_explain'`);
  await db.query(`ALTER DATABASE "${database}" SET auto_explain.log_min_duration = '50ms'`);
  await db.query(`ALTER DATABASE "${database}" SET auto_explain.log_analyze = on`);
  await db.end();
  await bench.server.stop("SIGTERM");
  bench.server = await startServer(bench.dataDir, { SOURCEMARK_RATE_LIMIT_SCALE: "1000" });
  db = new pg.Pool({ connectionString: bench.databaseUrl, max: 4 });
}
const { server } = bench;
const projectId = reused
  ? reused.projectId
  : ((await apiJson(`${server.url}/api/v1/projects`, { method: "POST", token, json: { name: "Search bench" } })).body.id as string);
if (!reused) await seed();
if (SEEDED && !reused) writeFileSync(SEEDED, JSON.stringify({ projectId, total: TOTAL }));

async function seed(): Promise<void> {
  const { rows: users } = await db.query<{ id: string }>("SELECT user_id AS id FROM memberships WHERE project_id = $1", [projectId]);
  const author = users[0]?.id as string;

  console.log(`seeding ${SPEAKERS} speakers, ${DOCUMENTS.toLocaleString()} documents, ${TOTAL.toLocaleString()} annotations…`);
  const seedStarted = performance.now();
  const surnames = vocabulary.slice(NEWS.length, NEWS.length + SPEAKERS).map((w) => w[0]?.toUpperCase() + w.slice(1));
  await db.query(
    `INSERT INTO speakers (project_id, name, name_key, kind)
   SELECT $1, n, lower(n), 'person' FROM unnest($2::text[]) AS n`,
    [projectId, surnames.map((surname, i) => `${FIRST[i % FIRST.length]} ${surname}`)],
  );
  const { rows: speakerRows } = await db.query<{ id: string; name: string }>(
    "SELECT id, name FROM speakers WHERE project_id = $1 ORDER BY name",
    [projectId],
  );
  // words(n): n words drawn with a Zipf-like spread (word i with weight about 1/i), in SQL.
  const words = (count: string) =>
    `(SELECT string_agg(($2::text[])[1 + floor(power(random(), 3) * array_length($2::text[], 1))::int], ' ') FROM generate_series(1, ${count}))`;
  await db.query(
    `INSERT INTO documents (project_id, title, text, length, published_at)
   SELECT $1, t.title, t.text, char_length(t.text), timestamptz '2020-01-01' + (i % 1800) * interval '1 day'
     FROM generate_series(1, $3) AS i
     CROSS JOIN LATERAL (SELECT initcap(${words("4 + i % 5")}) AS title, ${words("300 + i % 200")} || '.' AS text) t`,
    [projectId, vocabulary, DOCUMENTS],
  );
  const { rows: documentRows } = await db.query<{ id: string }>("SELECT id FROM documents WHERE project_id = $1 ORDER BY id", [projectId]);
  const BATCH = 100_000;
  for (let done = 0; done < TOTAL; done += BATCH) {
    const size = Math.min(BATCH, TOTAL - done);
    await db.query(
      `INSERT INTO annotations (id, project_id, document_id, label, quote_kind, start, "end", exact, prefix, suffix, speaker_id, author_id)
     SELECT gen_random_uuid()::text, $1, ($3::text[])[1 + (k % array_length($3::text[], 1))], CASE WHEN k % 3 = 0 THEN 'claim'::"Label" ELSE 'quote'::"Label" END,
            NULL, (k % 50) * 40, (k % 50) * 40 + char_length(w.exact), w.exact, w.prefix, w.suffix,
            CASE WHEN k % 5 = 0 THEN NULL ELSE ($4::text[])[1 + floor(power(random(), 2) * array_length($4::text[], 1))::int] END, $5
       FROM generate_series($6::int, $7::int) AS k
       CROSS JOIN LATERAL (SELECT ${words("6 + k % 12")} AS exact, ${words("3 + k % 3")} AS prefix, ${words("3 + k % 4")} AS suffix) w`,
      [projectId, vocabulary, documentRows.map((d) => d.id), speakerRows.map((s) => s.id), author, done, done + size - 1],
    );
    process.stdout.write(`  ${(done + size).toLocaleString()} annotations (${((performance.now() - seedStarted) / 1000).toFixed(0)} s)\n`);
  }
  await db.query("VACUUM ANALYZE annotations");
  await db.query("VACUUM ANALYZE documents");
  await db.query("VACUUM ANALYZE speakers");
  console.log(`seeded in ${((performance.now() - seedStarted) / 1000).toFixed(0)} s`);
}

async function timed(query: string): Promise<{ ms: number; body: any }> {
  const started = performance.now();
  const response = await apiJson(`${server.url}/api/v1/projects/${projectId}/search?${query}`, { token });
  if (response.status !== 200) throw new Error(`${query}: ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`);
  return { ms: performance.now() - started, body: response.body };
}

// Queries: words across the frequency ranks; phrases and speakers taken from the data, so each finds something.
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
const wordQueries = Array.from({ length: QUERIES }, (_, i) => vocabulary[Math.floor(Math.pow(i / QUERIES, 2) * 3000)] as string);
const { rows: samples } = await db.query<{ exact: string; speaker_id: string }>(
  "SELECT exact, speaker_id FROM annotations TABLESAMPLE SYSTEM (1) WHERE speaker_id IS NOT NULL LIMIT $1",
  [QUERIES],
);
const phraseQueries = samples.map((s) => {
  const w = s.exact.split(" ");
  const at = Math.floor(random() * (w.length - 1));
  return `"${w[at]} ${w[at + 1]}"`;
});
const speakerQueries = samples.map((s) => ({ speakerId: s.speaker_id, q: pick(s.exact.split(" ")) }));

// Warm up (plans, caches), as a server in use would be.
for (const q of wordQueries.slice(0, 5)) await timed(`q=${encodeURIComponent(q)}`);

const results: Record<string, number[]> = { word: [], phrase: [], speaker: [], nextPage: [], facets: [], relevance: [], documents: [] };
const totals: number[] = [];
for (let i = 0; i < QUERIES; i++) {
  const word = await timed(`q=${encodeURIComponent(wordQueries[i] as string)}`);
  results.word?.push(word.ms);
  // The total and facets, which the search page loads after the results.
  const counted = await timed(`q=${encodeURIComponent(wordQueries[i] as string)}&facets=true&limit=1`);
  results.facets?.push(counted.ms);
  totals.push(counted.body.total);
  if (word.body.nextCursor)
    results.nextPage?.push((await timed(`q=${encodeURIComponent(wordQueries[i] as string)}&cursor=${word.body.nextCursor}`)).ms);
  results.phrase?.push((await timed(`q=${encodeURIComponent(phraseQueries[i % phraseQueries.length] as string)}`)).ms);
  const speaker = speakerQueries[i % speakerQueries.length] as { speakerId: string; q: string };
  results.speaker?.push((await timed(`q=${encodeURIComponent(speaker.q)}&speakerId=${speaker.speakerId}`)).ms);
  results.relevance?.push((await timed(`sort=relevance&q=${encodeURIComponent(wordQueries[i] as string)}`)).ms);
  results.documents?.push((await timed(`in=documents&q=${encodeURIComponent(wordQueries[i] as string)}`)).ms);
}

const sortedTotals = [...totals].sort((a, b) => a - b);
console.log(
  `search at scale (${machine()}): ${TOTAL.toLocaleString()} annotations, ${DOCUMENTS.toLocaleString()} documents, ${SPEAKERS} speakers; ` +
    `${QUERIES} queries of each kind; word queries matched ${sortedTotals[0]?.toLocaleString()}–${sortedTotals.at(-1)?.toLocaleString()} annotations (median ${median(totals).toLocaleString()})`,
);
const targets: Record<string, string> = { word: "≤ 100 ms", phrase: "≤ 200 ms", speaker: "≤ 200 ms" };
for (const [kind, values] of Object.entries(results)) {
  const sorted = [...values].sort((a, b) => a - b);
  console.log(
    `  ${kind.padEnd(9)} median ${median(values).toFixed(0)} ms, p95 ${percentile(sorted, 95).toFixed(0)} ms, max ${sorted.at(-1)?.toFixed(0)} ms` +
      (targets[kind] ? ` (target p95 ${targets[kind]})` : ""),
  );
}
await db.end();
if (process.env.BENCH_EXPLAIN) console.log(`plans in ${bench.dataDir}/postgres.log`);
if (KEEP || process.env.BENCH_EXPLAIN) await bench.server.stop("SIGTERM");
else await disposeBenchServer(bench);
