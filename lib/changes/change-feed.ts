// The process's one reader of the change log, for live streams. While any stream is open it looks
// for new events every LIVE_POLL_MS (one indexed read, nothing found most times), reads them in
// delivery order (change-log.ts) and hands each to the subscribers whose scope it is in. Any number
// of app processes on one database each run one feed and so each see every change, whichever
// process wrote it. Writers do not notify it: a NOTIFY in a writing transaction makes PostgreSQL
// serialise the commits of all such transactions behind one lock, held through each commit's
// flush to disk, which halved annotation writes (migration 20261130100000). It also carries
// presence and ended credentials between processes (LISTEN, on one dedicated connection). Started
// with the server (or by the first subscriber); stopped at shutdown.

import pg from "pg";
import { forgetCredential } from "../auth/credential-cache";
import { pool } from "../db/client";
import { headPosition, inScope, readChanges, type Position, type StoredChange, type StreamScope } from "./change-log";

export const PRESENCE_CHANNEL = "sourcemark_presence";
/** A credential (token or session digest) ended: every process drops it from its cache. */
export const CREDENTIALS_CHANNEL = "sourcemark_credentials";

const READ_BATCH = 500;
/** While a stream is open, look for new events this often: half of it is the average added delay. */
const LIVE_POLL_MS = 20;
/** With no stream open, follow the log this often, so a stream opening later starts from near its head. */
const IDLE_POLL_MS = 2_000;
const RECONNECT_MS = 500;

export interface FeedSubscriber {
  scope: StreamScope;
  deliver(change: StoredChange): void;
}

type PresenceListener = (documentId: string) => void;

export class ChangeFeed {
  private listener: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private position: Position | null = null;
  private readonly subscribers = new Set<FeedSubscriber>();
  private readonly presenceListeners = new Set<PresenceListener>();
  private reading: Promise<void> | null = null;
  private readAgain = false;
  private readonly idleTimer: NodeJS.Timeout;
  private liveTimer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(private readonly connectionString: string) {
    this.idleTimer = setInterval(() => void this.read(), IDLE_POLL_MS);
    this.idleTimer.unref();
  }

  /** Starts listening (once); resolves when presence and credential notifications reach it and the head is known. */
  ready(): Promise<void> {
    this.connecting ??= this.connect().catch((error: unknown) => {
      this.connecting = null;
      throw error;
    });
    return this.connecting;
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString, application_name: "sourcemark-feed" });
    client.on("notification", (message) => {
      if (message.channel === PRESENCE_CHANNEL && message.payload) {
        for (const listener of this.presenceListeners) listener(message.payload);
      } else if (message.channel === CREDENTIALS_CHANNEL && message.payload) {
        forgetCredential(message.payload);
      }
    });
    client.on("error", (error) => {
      console.error("[sourcemark] change feed connection failed:", error.message);
      this.reconnect(client);
    });
    client.on("end", () => this.reconnect(client));
    await client.connect();
    await client.query(`LISTEN ${PRESENCE_CHANNEL}`);
    await client.query(`LISTEN ${CREDENTIALS_CHANNEL}`);
    this.listener = client;
    // Only events after this point are live; earlier ones are for replays to read.
    this.position ??= await headPosition(pool());
    void this.read();
  }

  private reconnect(client: pg.Client): void {
    if (this.listener !== client || this.stopped) return;
    this.listener = null;
    client.end().catch(() => undefined);
    setTimeout(() => {
      if (this.stopped) return;
      // The position is kept: the log is read on from where it was.
      this.connecting = this.connect().catch((error: unknown) => {
        console.error("[sourcemark] change feed could not reconnect:", (error as Error).message);
        this.connecting = null;
        this.reconnect(client);
      });
    }, RECONNECT_MS).unref();
  }

  subscribe(subscriber: FeedSubscriber): () => void {
    this.subscribers.add(subscriber);
    if (!this.liveTimer && !this.stopped) {
      this.liveTimer = setInterval(() => void this.read(), LIVE_POLL_MS);
      this.liveTimer.unref();
    }
    return () => {
      this.subscribers.delete(subscriber);
      if (this.subscribers.size === 0 && this.liveTimer) {
        clearInterval(this.liveTimer);
        this.liveTimer = null;
      }
    };
  }

  onPresence(listener: PresenceListener): () => void {
    this.presenceListeners.add(listener);
    return () => this.presenceListeners.delete(listener);
  }

  /** The position the feed has delivered up to (null before it is ready). */
  get delivered(): Position | null {
    return this.position;
  }

  /** Reads and delivers new events; concurrent calls coalesce into one more read. */
  read(): Promise<void> {
    if (this.reading) {
      this.readAgain = true;
      return this.reading;
    }
    if (this.position === null || this.stopped) return Promise.resolve();
    this.reading = (async () => {
      try {
        do {
          this.readAgain = false;
          for (;;) {
            const changes = await readChanges(pool(), this.position as Position, READ_BATCH);
            for (const change of changes) {
              this.position = change.position;
              for (const subscriber of this.subscribers) {
                if (inScope(subscriber.scope, change)) subscriber.deliver(change);
              }
            }
            if (changes.length < READ_BATCH) break;
          }
        } while (this.readAgain);
      } catch (error) {
        console.error("[sourcemark] change feed read failed:", (error as Error).message);
      } finally {
        this.reading = null;
      }
    })();
    return this.reading;
  }

  /** Sends a presence notification (delivered to every process's feed, this one included). */
  async notifyPresence(documentId: string): Promise<void> {
    await pool().query("SELECT pg_notify($1, $2)", [PRESENCE_CHANNEL, documentId]);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.idleTimer);
    if (this.liveTimer) clearInterval(this.liveTimer);
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => undefined);
  }
}

const holder = globalThis as unknown as { __sourcemarkFeed?: ChangeFeed };

/** The process's feed, started on first use. */
export async function changeFeed(): Promise<ChangeFeed> {
  if (!holder.__sourcemarkFeed) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set");
    holder.__sourcemarkFeed = new ChangeFeed(url);
  }
  await holder.__sourcemarkFeed.ready();
  return holder.__sourcemarkFeed;
}

/** Stops the feed, if one runs (shutdown, tests). */
export async function stopChangeFeed(): Promise<void> {
  const feed = holder.__sourcemarkFeed;
  holder.__sourcemarkFeed = undefined;
  await feed?.stop();
}
