// Keeps the embedded PostgreSQL running under the server: if it dies (a crash, kill -9), it is
// started again on the same data directory — PostgreSQL's own recovery replays its WAL, so no
// committed write is lost — and the server's connections follow. Meanwhile the API answers 503
// (lib/http/api-route.ts) and /api/health says the database is unavailable.

import { isAlive, startEmbeddedPostgres, type EmbeddedPostgres } from "./embedded-postgres";

const CHECK_MS = 500;
/** After a failed restart, wait this long before the next try, doubling up to MAX_BACKOFF_MS. */
const FIRST_BACKOFF_MS = 1000;
const MAX_BACKOFF_MS = 60_000;

export interface Supervisor {
  current(): EmbeddedPostgres;
  stop(): void;
}

export function superviseEmbeddedPostgres(
  dataDir: string,
  first: EmbeddedPostgres,
  onRestart: (restarted: EmbeddedPostgres) => Promise<void> | void,
): Supervisor {
  let current = first;
  let restarting = false;
  let stopped = false;
  let backoff = 0;
  let nextTry = 0;
  const timer = setInterval(async () => {
    if (stopped || restarting || isAlive(current.pid) || Date.now() < nextTry) return;
    restarting = true;
    console.error(`[sourcemark] the embedded PostgreSQL (pid ${current.pid}) stopped; starting it again`);
    try {
      const restarted = await startEmbeddedPostgres(dataDir);
      if (stopped) return;
      current = restarted;
      backoff = 0;
      await onRestart(restarted);
      console.log(`[sourcemark] the embedded PostgreSQL is back (pid ${restarted.pid}, port ${restarted.port})`);
    } catch (error) {
      // Its data directory gone, the disk full…: keep trying, ever less often, without burning the CPU.
      backoff = Math.min(MAX_BACKOFF_MS, backoff ? backoff * 2 : FIRST_BACKOFF_MS);
      nextTry = Date.now() + backoff;
      console.error(`[sourcemark] could not restart the embedded PostgreSQL (next try in ${backoff / 1000} s):`, (error as Error).message);
    } finally {
      restarting = false;
    }
  }, CHECK_MS);
  timer.unref();
  return {
    current: () => current,
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}
