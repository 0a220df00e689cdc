// Keeps the embedded PostgreSQL running under the server: if it dies (a crash, kill -9), it is
// started again on the same data directory — PostgreSQL's own recovery replays its WAL, so no
// committed write is lost — and the server's connections follow. Meanwhile the API answers 503
// (lib/http/api-route.ts) and /api/health says the database is unavailable.

import { isAlive, startEmbeddedPostgres, type EmbeddedPostgres } from "./embedded-postgres";

const CHECK_MS = 500;

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
  const timer = setInterval(async () => {
    if (stopped || restarting || isAlive(current.pid)) return;
    restarting = true;
    console.error(`[sourcemark] the embedded PostgreSQL (pid ${current.pid}) stopped; starting it again`);
    try {
      const restarted = await startEmbeddedPostgres(dataDir);
      if (stopped) return;
      current = restarted;
      await onRestart(restarted);
      console.log(`[sourcemark] the embedded PostgreSQL is back (pid ${restarted.pid}, port ${restarted.port})`);
    } catch (error) {
      console.error("[sourcemark] could not restart the embedded PostgreSQL:", (error as Error).message);
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
