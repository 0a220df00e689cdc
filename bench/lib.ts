// Shared pieces of the benchmark scripts: a server on a throwaway DATA_DIR, credentials, stats.

import { readdirSync, readFileSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { CodePointIndex } from "../lib/text/code-points";
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
