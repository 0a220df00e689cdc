// Benchmark: time to interactive in headless Chromium for two server-rendered pages —
// (a) a speaker's page for a speaker with 5,000 annotations, in a project of 100,000 (issue 9:
//     ≤ 1 s), seeded as bench/review.ts does;
// (b) the agreement page over 1,000 documents × 3 annotators × 50 spans (issue 10: interactive
//     ≤ 1 s after the agreement's server time), seeded as bench/agreement-api.ts does, with the
//     API's time measured in the same run.
// "Interactive", measured in the page from navigation start (performance.now() = 0):
//   (a) the speaker's heading and the first annotation card are visible, the page is hydrated (its
//       "Load 100 more" button, disabled until React has hydrated, is enabled), and a click on the
//       first card's "Select" checkbox has been answered: the "Selected annotations" bar is painted;
//   (b) the heat map and the first row of "Documents, least agreement first" are visible (its
//       links are plain links, working without script), and the label filter's "Claims" link is
//       hydrated (React's props are attached to it, so a click is handled by the client router) and
//       takes the keyboard focus.
// Also (c): the dashboard of project (b), whose agreement summary is streamed in after the rest
// (interactive = the "Progress" heading visible and the documents table's first link hydrated).
// Each tab waits out Chromium's own start-up first (see bench/workspace-load.ts). Needs `npm run build`.
//   node --import tsx bench/page-tti.ts [rounds]

import type { Page } from "@playwright/test";
import pg from "pg";
import {
  apiJson,
  BENCH_SENTENCE,
  benchServer,
  disposeBenchServer,
  launchChromium,
  machine,
  median,
  seedAgreement,
  settledPage,
} from "./lib";

const ROUNDS = Number(process.argv[2] ?? 3);
const sentence = BENCH_SENTENCE;
const sentenceLength = Array.from(sentence).length;

const bench = await benchServer();
const { server, token } = bench;
const db = new pg.Pool({ connectionString: bench.databaseUrl, max: 4 });
const newProject = async (name: string) =>
  (await apiJson(`${server.url}/api/v1/projects`, { method: "POST", token, json: { name } })).body.id as string;

// (a) 100,000 pending quotes over 1,000 documents; "Wang Wenbin" has 5,000 of them (as bench/review.ts).
const reviewProject = await newProject("Speaker page bench");
const speakerId = (
  await apiJson(`${server.url}/api/v1/projects/${reviewProject}/speakers`, { method: "POST", token, json: { name: "Wang Wenbin" } })
).body.id as string;
await apiJson(`${server.url}/api/v1/projects/${reviewProject}/speakers`, { method: "POST", token, json: { name: "Zhao Lijian" } });
const { rows: members } = await db.query<{ id: string }>("SELECT user_id AS id FROM memberships WHERE project_id = $1", [reviewProject]);
const benchUser = members[0]!.id;
console.log("seeding 100,000 annotations (speaker page)…");
await db.query(
  `INSERT INTO documents (project_id, title, text, length)
   SELECT $1, 'Article ' || i, $2, char_length($2) FROM generate_series(1, 1000) AS i`,
  [reviewProject, sentence.repeat(100)],
);
const quote = "“Japan should learn the lessons of history”";
await db.query(
  `INSERT INTO annotations (id, project_id, document_id, label, quote_kind, start, "end", exact, prefix, suffix, speaker_id, author_id)
   SELECT gen_random_uuid()::text, $1, d.id, 'quote', 'direct', k * $2 + $3, k * $2 + $3 + $4, $5, '', '',
          CASE WHEN (d.rn - 1) * 100 + k < 5000 THEN $6 END, $7
     FROM (SELECT d.id, row_number() OVER (ORDER BY d.created_at, d.id) AS rn FROM documents d WHERE d.project_id = $1) d
     CROSS JOIN generate_series(0, 99) AS k`,
  [
    reviewProject,
    sentenceLength,
    Array.from(sentence.slice(0, sentence.indexOf("“"))).length,
    Array.from(quote).length,
    quote,
    speakerId,
    benchUser,
  ],
);

// (b) 1,000 documents × 3 annotators × 50 spans, all done (as bench/agreement-api.ts).
const agreementProject = await newProject("Agreement page bench");
console.log("seeding 1,000 documents × 3 annotators × 50 spans (agreement page)…");
await seedAgreement(db, agreementProject, 1000, 3, 50);

const browser = await launchChromium();
const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, baseURL: server.url });
const signUp = await context.request.post("/api/v1/auth/sign-up", {
  data: { email: "reviewer@example.org", password: "reviewer password" },
});
if (signUp.status() !== 201) throw new Error("sign-up failed");
// The browser's user joins both projects as a reviewer (invited, then accepting from the app's origin).
for (const projectId of [reviewProject, agreementProject]) {
  const invited = await apiJson(`${server.url}/api/v1/projects/${projectId}/members`, {
    method: "POST",
    token,
    json: { email: "reviewer@example.org", role: "reviewer" },
  });
  if (invited.body.userId) continue;
  const accepted = await context.request.post(`/api/v1/invitations/${invited.body.id}/accept`, { headers: { origin: server.url } });
  if (accepted.status() >= 300) throw new Error(`invitation not accepted: ${accepted.status()} ${await accepted.text()}`);
}

interface Timing {
  /** Navigation start → the page's last HTML byte (Navigation Timing responseEnd). */
  html: number;
  /** Navigation start → the main content visible. */
  visible: number;
  /** Navigation start → interactive, as defined at the top. */
  interactive: number;
}

async function speakerPageTiming(page: Page): Promise<Timing> {
  await page.goto(`/projects/${reviewProject}/speakers/${speakerId}`, { waitUntil: "commit" });
  await page.waitForFunction(
    () => {
      const w = window as unknown as { __visible?: number };
      const card = document.querySelector("ol article");
      const heading = Array.from(document.querySelectorAll("h2")).find((h) => h.textContent === "Wang Wenbin");
      if (!card || !heading) return false;
      w.__visible ??= performance.now();
      const more = Array.from(document.querySelectorAll("button")).find((b) => b.textContent?.startsWith("Load "));
      return Boolean(more && !more.disabled);
    },
    undefined,
    { polling: "raf", timeout: 60_000 },
  );
  // Hydrated: click the first Select checkbox and time until the selection bar is painted.
  const interactive = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const observer = new MutationObserver(() => {
          if (document.querySelector('[role="region"][aria-label="Selected annotations"]')) {
            observer.disconnect();
            requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now())));
          }
        });
        observer.observe(document.body, { subtree: true, childList: true });
        (document.querySelector('ol article input[type="checkbox"]') as HTMLInputElement).click();
      }),
  );
  return { ...(await pageTimes(page)), interactive };
}

async function agreementPageTiming(page: Page): Promise<Timing> {
  await page.goto(`/projects/${agreementProject}/agreement`, { waitUntil: "commit", timeout: 60_000 });
  const handle = await page.waitForFunction(
    () => {
      const w = window as unknown as { __visible?: number; __labels?: number };
      const labels = Array.from(document.querySelectorAll("table")).find((t) => t.caption?.textContent === "By label");
      if (labels && !labels.hasAttribute("aria-busy")) w.__labels ??= performance.now();
      const heat = document.querySelector('svg[aria-label="Heat map of pairwise overlap F1"]');
      const table = Array.from(document.querySelectorAll("table")).find(
        (t) => t.caption?.textContent === "Documents, least agreement first",
      );
      const row = table?.querySelector("tbody a");
      if (!heat || !row) return false;
      w.__visible ??= performance.now();
      // Hydrated: React's props are attached to the label filter's link (a click goes to the client router).
      const link = Array.from(document.querySelectorAll<HTMLAnchorElement>('nav[aria-label="Label"] a')).find(
        (a) => a.textContent === "Claims",
      );
      if (!link || !Object.keys(link).some((key) => key.startsWith("__reactProps$"))) return false;
      link.focus();
      return document.activeElement === link ? performance.now() : false;
    },
    undefined,
    { polling: "raf", timeout: 60_000 },
  );
  const interactive = (await handle.jsonValue()) as number;
  const times = await pageTimes(page);
  // When the label table's streamed scores arrived: before "visible" means the stream did not let the rest through first.
  const labels = await page.evaluate(() => (window as unknown as { __labels?: number }).__labels ?? NaN);
  console.log(`    label scores in ${labels.toFixed(0)} ms`);
  return { ...times, interactive };
}

/** The agreement project's dashboard: visible without the summary, then the summary streamed in. */
async function dashboardTiming(page: Page): Promise<Timing & { summary: number; streamed: boolean }> {
  await page.goto(`/projects/${agreementProject}`, { waitUntil: "commit", timeout: 60_000 });
  const handle = await page.waitForFunction(
    () => {
      const w = window as unknown as { __visible?: number; __interactive?: number; __loadingSeen?: boolean };
      const progress = Array.from(document.querySelectorAll("h2")).find((h) => h.textContent === "Progress");
      if (document.querySelector('[aria-busy="true"]')?.textContent?.includes("Computing agreement")) w.__loadingSeen = true;
      if (progress) w.__visible ??= performance.now();
      // Hydrated: the document table's first link has React's props (the live table is a client component).
      const link = document.querySelector("table a");
      if (w.__visible && link && Object.keys(link).some((key) => key.startsWith("__reactProps$"))) w.__interactive ??= performance.now();
      const summary = document.querySelector('[data-testid="agreement-summary"]');
      if (!w.__interactive || !summary) return false;
      return { summary: performance.now(), interactive: w.__interactive, streamed: Boolean(w.__loadingSeen) };
    },
    undefined,
    { polling: "raf", timeout: 60_000 },
  );
  const found = (await handle.jsonValue()) as { summary: number; interactive: number; streamed: boolean };
  return { ...(await pageTimes(page)), ...found };
}

async function pageTimes(page: Page): Promise<Omit<Timing, "interactive">> {
  // responseEnd is 0 until a streamed page's last chunk has arrived.
  await page.waitForLoadState("load", { timeout: 60_000 });
  return page.evaluate(() => {
    const navigation = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
    return { html: navigation.responseEnd, visible: (window as unknown as { __visible: number }).__visible };
  });
}

async function measure(name: string, timing: (page: Page) => Promise<Timing>): Promise<Timing[]> {
  const runs: Timing[] = [];
  // One warm-up visit (the server's first render of a route compiles and caches its modules).
  for (let i = 0; i <= ROUNDS; i++) {
    const page = await settledPage(context);
    const t = await timing(page);
    await page.close();
    if (i > 0) runs.push(t);
    console.log(
      `  ${name}${i === 0 ? " (warm-up)" : ""}: html ${t.html.toFixed(0)} ms, visible ${t.visible.toFixed(0)} ms, interactive ${t.interactive.toFixed(0)} ms`,
    );
  }
  return runs;
}

const summary = (runs: Timing[]) =>
  `html ${median(runs.map((r) => r.html)).toFixed(0)} ms, visible ${median(runs.map((r) => r.visible)).toFixed(0)} ms, ` +
  `interactive ${median(runs.map((r) => r.interactive)).toFixed(0)} ms (all: ${runs.map((r) => r.interactive.toFixed(0)).join(", ")})`;

const speakerRuns = await measure("speaker page", speakerPageTiming);
const agreementRuns = await measure("agreement page", agreementPageTiming);
const dashboardRuns = (await measure("dashboard", dashboardTiming)) as Awaited<ReturnType<typeof dashboardTiming>>[];
const api: number[] = [];
for (let i = 0; i < ROUNDS; i++) {
  const started = performance.now();
  const response = await apiJson(`${server.url}/api/v1/projects/${agreementProject}/agreement`, { token });
  if (response.status !== 200) throw new Error(`agreement: ${response.status}`);
  api.push(performance.now() - started);
}
const apiMs = median(api);
const agreementInteractive = median(agreementRuns.map((r) => r.interactive));

console.log(`pages in headless Chromium (${machine()}), medians of ${ROUNDS}:`);
console.log(`  (a) speaker page, 5,000 of 100,000 annotations: ${summary(speakerRuns)} — target interactive ≤ 1000 ms`);
console.log(`  (b) agreement page, 1,000 × 3 × 50: ${summary(agreementRuns)}`);
console.log(
  `      GET …/agreement ${apiMs.toFixed(0)} ms; interactive − API = ${(agreementInteractive - apiMs).toFixed(0)} ms — target ≤ 1000 ms`,
);

console.log(
  `  (c) the agreement project's dashboard: ${summary(dashboardRuns)}; agreement summary shown ` +
    `${median(dashboardRuns.map((r) => r.summary)).toFixed(0)} ms, loading state seen first in ${dashboardRuns.filter((r) => r.streamed).length} of ${ROUNDS}`,
);

await browser.close();
await db.end();
await disposeBenchServer(bench);
process.exit(0);
