// `npm start`: gets the database ready (embedded PostgreSQL under DATA_DIR unless DATABASE_URL is
// set), then serves the built Next.js app from this same process. It runs from its bundle,
// .next/sourcemark/server/serve.mjs, which `npm run build` makes (scripts/build-server.mjs). On
// SIGINT/SIGTERM it stops taking requests, closes its connections and stops the embedded server it
// runs.

import { existsSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import pg from "pg";
import { changeFeed, stopChangeFeed } from "../lib/changes/change-feed";
import { closeAllStreams } from "../lib/changes/live-streams";
import { SERVER_APPLICATION_NAME, closeDb } from "../lib/db/client";
import { bootDatabase, serverConnections } from "../lib/db/boot";
import { databaseConfigFromEnv } from "../lib/db/prepare-database";
import { superviseEmbeddedPostgres } from "../lib/db/supervise";
import { serveApiRequest } from "../lib/http/node-adapter";
import { loadRouteTable } from "../lib/http/route-table";
import { PROJECT_ROOT } from "../lib/project-root";

const started = performance.now();
(process.env as Record<string, string>).NODE_ENV = "production";
process.env.NEXT_TELEMETRY_DISABLED = "1";
const root = PROJECT_ROOT;
// Exports run in worker threads from the bundle `npm run build` makes (see export-stream.ts).
const exportWorker = path.join(root, ".next", "sourcemark", "export-worker.mjs");
if (process.env.SOURCEMARK_EXPORT_WORKER === undefined && existsSync(exportWorker)) process.env.SOURCEMARK_EXPORT_WORKER = exportWorker;

// Next.js and the API's route modules load while PostgreSQL starts (a process of its own, waited
// for here): neither needs the database until a request comes. They used to load one after the
// other, the database first.
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? (databaseConfigFromEnv(process.env).databaseUrl ? "0.0.0.0" : "127.0.0.1");
const nextHandler = loadNext();
const apiRoutes = loadRouteTable(path.join(root, "app"));
// Whichever fails first ends the start; the other's rejection is not left unhandled.
nextHandler.catch(() => undefined);
apiRoutes.catch(() => undefined);

const database = await bootDatabase(process.env);
process.env.DATABASE_URL = database.url;
const embedded = database.embedded;
// A server left running by a crashed process or by the admin command is adopted, unless another
// Sourcemark server is using it.
const ownsDatabase = embedded !== null && (embedded.startedHere || (await serverConnections(database.url)) === 0);
// Held for the server's lifetime: tells the admin command that a server uses this database.
let presence = await holdPresence(database.url);
async function holdPresence(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, application_name: SERVER_APPLICATION_NAME });
  client.on("error", (error) => console.error("[sourcemark] database connection lost:", error.message));
  await client.connect();
  return client;
}

// The embedded PostgreSQL is restarted if it dies; connections follow it.
const supervisor = embedded
  ? superviseEmbeddedPostgres(databaseConfigFromEnv(process.env).dataDir, embedded, async (restarted) => {
      if (restarted.url !== process.env.DATABASE_URL) {
        process.env.DATABASE_URL = restarted.url;
        await closeDb();
        await stopChangeFeed();
        await changeFeed();
      }
      presence = await holdPresence(restarted.url).catch(() => presence);
    })
  : null;

// One LISTEN connection: live streams, presence, and credentials ended in another process.
await changeFeed();

async function loadNext() {
  const { default: next } = await import("next");
  const app = next({ dev: false, dir: root, hostname: host, port });
  await app.prepare();
  return app.getRequestHandler();
}
const handle = await nextHandler;
// API requests go straight to the App Router's route handlers (the same app/api/**/route.ts files
// Next would run): Next's page pipeline costs more per request than the whole annotation write.
const routes = await apiRoutes;
const origin = `http://${host}:${port}`;
const server = http.createServer((req, res) => {
  const work = (req.url ?? "/").startsWith("/api/") ? serveApiRequest(req, res, routes, origin) : handle(req, res);
  work.catch((error: unknown) => {
    console.error("[sourcemark] request failed:", error);
    if (!res.headersSent) res.writeHead(500).end();
    else res.destroy();
  });
});
server.keepAliveTimeout = 65_000;

await new Promise<void>((resolve, reject) => {
  server.once("error", reject);
  server.listen(port, host, resolve);
});
const where = embedded ? `embedded PostgreSQL on port ${embedded.port} (${process.env.DATA_DIR ?? ".data"})` : "DATABASE_URL";
console.log(
  `Sourcemark ready on http://${host}:${port} in ${Math.round(performance.now() - started)} ms — database: ${where}` +
    (database.applied.length ? `, applied ${database.applied.join(", ")}` : ""),
);

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`Sourcemark: ${signal} received, shutting down`);
  // Whatever hangs (a database that is gone, a stuck connection), the process ends.
  setTimeout(() => {
    console.error("Sourcemark: shutdown took too long; exiting");
    process.exit(1);
  }, 20_000).unref();
  const within = (work: Promise<unknown>, ms: number) => Promise.race([work, new Promise((r) => setTimeout(r, ms).unref())]);
  // Live streams never end by themselves: end them (their clients reconnect), then stop listening.
  supervisor?.stop();
  closeAllStreams();
  await within(stopChangeFeed(), 2_000);
  const force = setTimeout(() => server.closeAllConnections(), 5_000);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  clearTimeout(force);
  // A connection still checked out (a stuck request) must not keep the process alive forever.
  await within(closeDb(), 5_000);
  await within(
    presence.end().catch(() => undefined),
    2_000,
  );
  const running = supervisor?.current() ?? embedded;
  const others = running
    ? await Promise.race([serverConnections(running.url).catch(() => 0), new Promise<number>((r) => setTimeout(() => r(0), 3_000).unref())])
    : 0;
  if (running && (ownsDatabase || running !== embedded) && others === 0) await running.stop();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
