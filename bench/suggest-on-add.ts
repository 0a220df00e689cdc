// Benchmark: what suggestions cost when documents are added, against a real server (`npm start`'s
// serve.ts on a throwaway DATA_DIR). A 100,000-word article (the gold articles of
// bench/suggest-gold repeated) created without and with `suggest: true`, and POST …/suggestions on
// it (computing and storing them: the server time the analyst waits for); and a json import of 50
// articles without and with ?suggest=true.
//   node --import tsx bench/suggest-on-add.ts [rounds]

import { apiJson, benchServer, disposeBenchServer, goldTexts, longRead, machine, median } from "./lib";

const rounds = Number(process.argv[2] ?? 3);
const articles = goldTexts();
const { text: bigText, words } = longRead(articles.flatMap((text) => text.split("\n")));

async function timed<T>(work: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const result = await work();
  return [performance.now() - started, result];
}

const bench = await benchServer();
try {
  const origin = bench.server.url;
  const token = bench.token;
  const project = await apiJson<{ id: string }>(`${origin}/api/v1/projects`, { method: "POST", token, json: { name: "Bench" } });
  const documentsUrl = `${origin}/api/v1/projects/${project.body.id}/documents`;
  const create = (suggest: boolean) =>
    timed(() =>
      apiJson<{ id: string }>(documentsUrl, { method: "POST", token, json: { title: `Big ${Math.random()}`, text: bigText, suggest } }),
    );

  const plain: number[] = [];
  const suggested: number[] = [];
  const computed: number[] = [];
  let found = 0;
  for (let round = 0; round < rounds; round++) {
    plain.push((await create(false))[0]);
    const [ms, created] = await create(true);
    if (created.status !== 201) throw new Error(`create: ${created.status}`);
    suggested.push(ms);
    const [computeMs, answer] = await timed(() =>
      apiJson<{ suggestions: unknown[] }>(`${origin}/api/v1/documents/${created.body.id}/suggestions`, { method: "POST", token }),
    );
    computed.push(computeMs);
    found = answer.body.suggestions.length;
  }
  console.log(machine());
  console.log(`100,000-word article (${words} words, ${found} suggestions), median of ${rounds}:`);
  console.log(`  POST …/documents                 ${(median(plain) / 1000).toFixed(2)} s`);
  console.log(`  POST …/documents, suggest: true  ${(median(suggested) / 1000).toFixed(2)} s`);
  console.log(`  POST …/suggestions (recompute)   ${(median(computed) / 1000).toFixed(2)} s`);

  // A json import of 50 articles (the gold set's, each a new document).
  const exportBody = {
    documents: Array.from({ length: 50 }, (_, i) => ({
      title: `Imported ${i}`,
      text: articles[i % articles.length],
      annotations: [],
    })),
    speakers: [],
  };
  for (const suggest of [false, true]) {
    const target = await apiJson<{ id: string }>(`${origin}/api/v1/projects`, {
      method: "POST",
      token,
      json: { name: `Import ${suggest}` },
    });
    const [ms, report] = await timed(() =>
      apiJson<{ documents: { created: number; suggested?: number } }>(
        `${origin}/api/v1/projects/${target.body.id}/import?format=json${suggest ? "&suggest=true" : ""}`,
        { method: "POST", token, json: exportBody },
      ),
    );
    console.log(
      `json import of 50 articles${suggest ? ", suggest=true" : ""}: ${(ms / 1000).toFixed(2)} s (${JSON.stringify(report.body.documents)})`,
    );
  }
} finally {
  await disposeBenchServer(bench);
}
