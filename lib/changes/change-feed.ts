// The process's one reader of the change log, for live streams. It LISTENs on one dedicated
// connection; a notification (sent by change_events' trigger on commit, carrying the statement's
// highest event id) wakes it, and it reads the new rows itself in delivery order (change-log.ts),
// then hands each to the subscribers whose scope it is in. Any number of app processes on one
// database each run one feed and so each see every change, whichever process wrote it.
// It also carries presence and ended credentials between processes. Started with the server (or by
// the first subscriber); stopped at shutdown.

import pg from "pg";
import { forgetCredential } from "../auth/credential-cache";
import { pool } from "../db/client";
import { eventsAfter, headPosition, inScope, readChanges, type Position, type StoredChange, type StreamScope } from "./change-log";

export const CHANGES_CHANNEL = "sourcemark_changes";
export const PRESENCE_CHANNEL = "sourcemark_presence";
/** A credential (token or session digest) ended: every process drops it from its cache. */
export const CREDENTIALS_CHANNEL = "sourcemark_credentials";

const READ_BATCH = 500;
/** A notified event not yet readable (an older transaction still runs): look again after this. */
const RETRY_MS = 15;
/** Even without notifications (a lost connection), look for new events this often. */
const SAFETY_POLL_MS = 2_000;
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
  /** Event ids announced by notifications and not yet read. */
  private readonly pending = new Set<string>();
  private reading: Promise<void> | null = null;
  private readAgain = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private readonly safetyTimer: NodeJS.Timeout;
  private stopped = false;

  constructor(private readonly connectionString: string) {
    this.safetyTimer = setInterval(() => void this.read(), SAFETY_POLL_MS);
    this.safetyTimer.unref();
  }

  /** Starts listening (once); resolves when notifications will be received and the head is known. */
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
      if (message.channel === CHANGES_CHANNEL) {
        if (message.payload) this.pending.add(message.payload);
        void this.read();
      } else if (message.channel === PRESENCE_CHANNEL && message.payload) {
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
    await client.query(`LISTEN ${CHANGES_CHANNEL}`);
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
      // Whatever was notified meanwhile is read after the new LISTEN: the position is kept.
      this.connecting = this.connect().catch((error: unknown) => {
        console.error("[sourcemark] change feed could not reconnect:", (error as Error).message);
        this.connecting = null;
        this.reconnect(client);
      });
    }, RECONNECT_MS).unref();
  }

  subscribe(subscriber: FeedSubscriber): () => void {
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  onPresence(listener: PresenceListener): () => void {
    this.presenceListeners.add(listener);
    return () => this.presenceListeners.delete(listener);
  }

  /** The position the feed has delivered up to (null before it is ready). */
  get delivered(): Position | null {
    return this.position;
  }

  /** Notified events not read yet: 0 once the feed has caught up. */
  get unread(): number {
    return this.pending.size;
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
              this.pending.delete(change.id);
              for (const subscriber of this.subscribers) {
                if (inScope(subscriber.scope, change)) subscriber.deliver(change);
              }
            }
            if (changes.length < READ_BATCH) break;
          }
        } while (this.readAgain);
        // A notification can arrive after an earlier read already took its event (committed in
        // between): waiting for it would re-read every RETRY_MS for ever, and the set would grow.
        if (this.pending.size > 0) {
          const asked = [...this.pending];
          const ahead = new Set(await eventsAfter(pool(), asked, this.position as Position));
          for (const id of asked) if (!ahead.has(id)) this.pending.delete(id);
        }
      } catch (error) {
        console.error("[sourcemark] change feed read failed:", (error as Error).message);
      } finally {
        this.reading = null;
      }
      // A notified event that was not readable yet: an older transaction is still running.
      if (this.pending.size > 0 && !this.retryTimer && !this.stopped) {
        this.retryTimer = setTimeout(() => {
          this.retryTimer = null;
          void this.read();
        }, RETRY_MS);
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
    clearInterval(this.safetyTimer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
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
