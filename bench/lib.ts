// Shared pieces of the benchmark scripts: a server on a throwaway DATA_DIR, credentials, stats.

import { readdirSync, readFileSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "@playwright/test";
import type pg from "pg";
import type { CodePointIndex } from "../lib/text/code-points";
import { chromiumLaunchOptions } from "../e2e/chromium";
import { snapSpan } from "../lib/text/quote-selector";
import { admin, apiJson, freePort, startServer, tempDataDir, type RunningServer } from "../tests/helpers/server";

export { admin, apiJson, freePort, startServer, tempDataDir, type RunningServer };

/**
 * A span near `[from, to)` as an analyst selects it, which the API accepts: whole characters (never
 * half of 👍🏽) and no whitespace at its ends (lib/text/quote-selector.ts snapSpan); when that much is
 * only whitespace, the span runs on to the next characters.
 */
export function analystSpan(index: CodePointIndex, from: number, to: number): { start: number; end: number } {
  return snapSpan(index, from, to) ?? snapSpan(index, from, index.length) ?? { start: 0, end: index.length };
}

export interface BenchServer {
  server: RunningServer;
  dataDir: string;
  token: string;
  databaseUrl: string;
}

/** A running server with one account and its API token, on a new DATA_DIR. */
/**
 * A server on a fresh data directory with a bench user — or, given `existing`, on that directory as
 * a previous run left it (the user is already there): benchmarks that seed for a long time keep it.
 */
export async function benchServer(env: Record<string, string> = {}, existing?: string): Promise<BenchServer> {
  const dataDir = existing ?? (await tempDataDir());
  if (!existing) await admin(dataDir, ["create-user", "--email", "bench@example.org", "--password", "bench password"]);
  // Benchmarks sign up many clients from one address.
  const server = await startServer(dataDir, { SOURCEMARK_RATE_LIMIT_SCALE: "1000", ...env });
  const { token } = JSON.parse((await admin(dataDir, ["create-token", "--email", "bench@example.org"])).stdout) as { token: string };
  const secrets = JSON.parse(await fs.readFile(path.join(dataDir, "secrets.json"), "utf8")) as {
    user: string;
    password: string;
    database: string;
    port: number;
  };
  const databaseUrl = `postgresql://${secrets.user}:${encodeURIComponent(secrets.password)}@127.0.0.1:${secrets.port}/${secrets.database}`;
  return { server, dataDir, token, databaseUrl };
}

export async function disposeBenchServer(bench: BenchServer): Promise<void> {
  await bench.server.stop("SIGTERM");
  await fs.rm(bench.dataDir, { recursive: true, force: true });
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}

export function median(values: number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

/** Resident set size of a process in MB, from /proc (Linux). */
export async function rssMb(pid: number): Promise<number> {
  const status = await fs.readFile(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

export function machine(): string {
  return `${process.platform} ${process.arch}, Node ${process.version}, ${os.cpus().length} CPUs`;
}

/**
 * One long article made of `paragraphs` taken in turn until it has `words` words: the 100,000-word
 * read the suggestion benchmarks time (from bench/suggest-gold's articles).
 */
export function longRead(paragraphs: readonly string[], words = 100_000): { text: string; words: number } {
  const taken: string[] = [];
  let count = 0;
  for (let i = 0; count < words; i++) {
    const paragraph = paragraphs[i % paragraphs.length] as string;
    taken.push(paragraph);
    count += paragraph.split(/\s+/u).filter(Boolean).length;
  }
  return { text: taken.join("\n"), words: count };
}

/** The texts of the gold articles (bench/suggest-gold/*.txt), in file order. */
export function goldTexts(): string[] {
  const dir = path.join(import.meta.dirname, "suggest-gold");
  return readdirSync(dir)
    .filter((file) => file.endsWith(".txt"))
    .sort()
    .map((file) => readFileSync(path.join(dir, file), "utf8"));
}

/** Headless Chromium as the browser benchmarks run it: Debian's where installed, no background traffic. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions());
}

/**
 * A new tab, ready to measure. A new tab makes this Chromium (Debian's 156, new headless) start its
 * own browser UI — an omnibox WebUI renderer that burns ~1.3 s of CPU on two cores right after the
 * tab opens, measured with a trace. That is the browser's, not the page's: let it finish first.
 */
export async function settledPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.waitForTimeout(3000);
  return page;
}

/** The sentence the review and agreement benchmarks repeat; one quote per sentence. */
export const BENCH_SENTENCE = "The spokesman of the ministry said that “Japan should learn the lessons of history” on Tuesday. ";

/**
 * Seeds, with SQL, `documents` articles × `annotators` new annotators × `spans` spans each, every
 * document marked done by every annotator (bench/agreement-api.ts, bench/page-tti.ts). Each
 * annotator marks one span per sentence: mostly the same quote, sometimes shifted or a claim, so
 * every matching path (exact, overlap, unmatched; label and speaker) is exercised.
 */
export async function seedAgreement(db: pg.Pool, projectId: string, documents: number, annotators: number, spans: number): Promise<void> {
  const sentenceLength = Array.from(BENCH_SENTENCE).length;
  await db.query(
    `INSERT INTO documents (project_id, title, text, length)
     SELECT $1, 'Article ' || i, $2, char_length($2) FROM generate_series(1, $3) AS i`,
    [projectId, BENCH_SENTENCE.repeat(spans + 10), documents],
  );
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO users (email, name)
     SELECT 'annotator' || i || '.' || $2 || '@bench.test', 'Annotator ' || i FROM generate_series(1, $1) AS i RETURNING id`,
    [annotators, projectId],
  );
  for (const { id } of rows) {
    await db.query(`INSERT INTO memberships (project_id, user_id, role) VALUES ($1, $2, 'annotator')`, [projectId, id]);
    await db.query(
      `INSERT INTO assignments (document_id, user_id, project_id, done_at) SELECT id, $2, $1, now() FROM documents WHERE project_id = $1`,
      [projectId, id],
    );
  }
  await db.query(
    `INSERT INTO annotations (id, project_id, document_id, label, start, "end", exact, prefix, suffix, author_id)
     SELECT gen_random_uuid()::text, $1, d.id, CASE WHEN random() < 0.15 THEN 'claim' ELSE 'quote' END::"Label",
            k * $2 + 40 + s.shift, k * $2 + 84 + s.shift, substr(d.text, k * $2 + 41 + s.shift, 44), '', '', u.id
       FROM documents d CROSS JOIN unnest($3::text[]) AS u(id) CROSS JOIN generate_series(0, $4 - 1) AS k
       CROSS JOIN LATERAL (SELECT CASE WHEN random() < 0.7 THEN 0 ELSE floor(random() * 20)::int END AS shift) s
      WHERE d.project_id = $1`,
    [projectId, sentenceLength, rows.map((a) => a.id), spans],
  );
  await db.query("ANALYZE documents; ANALYZE annotations; ANALYZE assignments");
}
