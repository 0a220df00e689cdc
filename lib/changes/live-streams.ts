// Live change streams (server-sent events) for a document or a project. A stream first replays,
// in order, every change after the client's Last-Event-ID that it may see, then the live changes
// the process's feed hands it — each change exactly once, by its position in the log. It also
// carries who has a document open (presence, shared by every process through a table and
// notifications), a comment line every 15 s, and it ends when its user stops being a member
// (checked every 2 s), when it falls too far behind (the client reconnects and replays), or at
// shutdown.

import { randomUUID } from "node:crypto";
import { inVisibleLayer, layerAuthor } from "../annotations/annotation-visibility";
import { documentAccess, projectAccess } from "../auth/access";
import type { Actor } from "../auth/authenticate";
import { pool } from "../db/client";
import { badRequest, tooManyRequests } from "../errors/domain-error";
import { kindInfo } from "./change-kinds";
import { changeFeed, type ChangeFeed } from "./change-feed";
import { headPosition, isAfter, positionOf, readChanges, type Position, type StoredChange, type StreamScope } from "./change-log";

const HEARTBEAT_MS = 15_000;
const TICK_MS = 2_000;
const PRESENCE_REFRESH_MS = 15_000;
const PRESENCE_TTL_SECONDS = 45;
/** Streams one user may hold open on one document (or project) in this process. */
export const MAX_STREAMS_PER_USER_AND_SCOPE = 4;
/** A client this far behind (bytes queued) is dropped; it reconnects and replays from the log. */
const MAX_QUEUED_BYTES = 1024 * 1024;
const REPLAY_BATCH = 500;
const RECONNECT_DELAY_MS = 2_000;

/** Identifies this process's rows in the presence table. */
const PROCESS_ID = randomUUID();
const encoder = new TextEncoder();

/** What a change event's `data:` carries: the subject as the API shows it (or, once removed, its id), and who did it. */
export function eventData(change: StoredChange): Record<string, unknown> {
  const actor = change.actor ? { actor: change.actor } : {};
  if (kindInfo(change.kind).removal) {
    const before = change.before ?? {};
    const annotationId = typeof before.annotationId === "string" ? { annotationId: before.annotationId } : {};
    return { id: change.subjectId, documentId: change.documentId, ...annotationId, ...actor };
  }
  return { ...change.after, ...actor };
}

/** The author of the annotation an event is about: its own, or (a comment) the commented one's. */
function annotationAuthor(change: StoredChange): string | null {
  if (kindInfo(change.kind).subject === "comment") return change.annotationAuthorId;
  const image = (change.after ?? change.before) as { author?: { id?: unknown } } | null;
  return typeof image?.author?.id === "string" ? image.author.id : null;
}

/**
 * May a stream whose viewer sees `layer` (undefined: every layer; else one user's own — an
 * annotator in an independent project, annotation-visibility.ts) carry this change? Annotations
 * and comments only when the annotation is visible (whoever wrote the comment); speakers,
 * documents: yes.
 */
export function visibleOnStream(change: StoredChange, layer: string | undefined): boolean {
  const subject = kindInfo(change.kind).subject;
  if (subject !== "annotation" && subject !== "comment") return true;
  return inVisibleLayer(annotationAuthor(change), layer);
}

export function encodeChange(change: StoredChange): string {
  return `id: ${change.id}\nevent: ${change.kind}\ndata: ${JSON.stringify(eventData(change))}\n\n`;
}

export interface Viewer {
  userId: string;
  name: string;
}

class LiveStream {
  readonly id = randomUUID();
  readonly body: ReadableStream<Uint8Array>;
  private controller: ReadableStreamDefaultController<Uint8Array> | null = null;
  private last: Position;
  /** Live changes that arrive while the replay runs, delivered after it (once each). */
  private held: StoredChange[] | null;
  private closed = false;
  private lastWrite = Date.now();
  private lastPresence = "";

  constructor(
    readonly actor: Actor,
    readonly scope: StreamScope,
    /** The layer the actor sees (undefined: all; annotation-visibility.ts), fixed when the stream opens. */
    private readonly layer: string | undefined,
    start: Position,
    replaying: boolean,
    private readonly onClose: (stream: LiveStream) => void,
  ) {
    this.last = start;
    this.held = replaying ? [] : null;
    this.body = new ReadableStream<Uint8Array>(
      {
        start: (controller) => {
          this.controller = controller;
        },
        cancel: () => this.close(),
      },
      new ByteLengthQueuingStrategy({ highWaterMark: 64 * 1024 }),
    );
    this.write(`retry: ${RECONNECT_DELAY_MS}\n: connected\n\n`);
  }

  deliver(change: StoredChange): void {
    if (this.held) this.held.push(change);
    else this.send(change);
  }

  private send(change: StoredChange): void {
    if (!isAfter(change.position, this.last)) return; // already sent (replay and live overlap)
    this.last = change.position;
    if (!visibleOnStream(change, this.layer)) return;
    this.write(encodeChange(change));
  }

  /** Replays the log after `from`, then switches to the live changes held meanwhile. */
  async replay(from: Position): Promise<void> {
    try {
      for (let position = from; ;) {
        const batch = await readChanges(pool(), position, REPLAY_BATCH, this.scope);
        for (const change of batch) this.send(change);
        if (batch.length < REPLAY_BATCH || this.closed) break;
        position = (batch.at(-1) as StoredChange).position;
      }
    } catch (error) {
      console.error("[sourcemark] change stream replay failed:", (error as Error).message);
      this.close();
      return;
    }
    const held = this.held ?? [];
    this.held = null;
    for (const change of held) this.send(change);
  }

  sendPresence(viewers: Viewer[]): void {
    const data = JSON.stringify({ viewers });
    if (data === this.lastPresence) return;
    this.lastPresence = data;
    this.write(`event: presence\ndata: ${data}\n\n`);
  }

  heartbeat(now: number): void {
    if (now - this.lastWrite >= HEARTBEAT_MS) this.write(": keep-alive\n\n");
  }

  private write(text: string): void {
    const controller = this.controller;
    if (this.closed || !controller) return;
    if ((controller.desiredSize ?? 0) < -MAX_QUEUED_BYTES) {
      // The client reads too slowly: drop it rather than grow; it reconnects with Last-Event-ID.
      this.close();
      return;
    }
    this.lastWrite = Date.now();
    controller.enqueue(encoder.encode(text));
  }

  get isClosed(): boolean {
    return this.closed;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      this.controller?.close();
    } catch {
      // already cancelled by the client
    }
    this.onClose(this);
  }
}

/** The streams of this process, their timers and their presence rows. */
class StreamRegistry {
  private readonly streams = new Set<LiveStream>();
  private tick: NodeJS.Timeout | null = null;
  private lastPresenceRefresh = Date.now();
  private unsubscribePresence: (() => void) | null = null;
  private readonly unsubscribe = new Map<LiveStream, () => void>();

  count(actor: Actor, scope: StreamScope): number {
    let n = 0;
    for (const s of this.streams) {
      if (s.actor.id === actor.id && s.scope.projectId === scope.projectId && s.scope.documentId === scope.documentId) n++;
    }
    return n;
  }

  add(feed: ChangeFeed, stream: LiveStream): void {
    this.streams.add(stream);
    this.unsubscribe.set(stream, feed.subscribe({ scope: stream.scope, deliver: (change) => stream.deliver(change) }));
    this.unsubscribePresence ??= feed.onPresence((documentId) => void this.presenceChanged(documentId));
    this.tick ??= setInterval(() => void this.onTick(), TICK_MS);
  }

  remove(stream: LiveStream): void {
    this.streams.delete(stream);
    this.unsubscribe.get(stream)?.();
    this.unsubscribe.delete(stream);
    if (stream.scope.documentId) void this.leave(stream);
    if (this.streams.size === 0 && this.tick) {
      clearInterval(this.tick);
      this.tick = null;
    }
  }

  async join(stream: LiveStream): Promise<void> {
    const documentId = stream.scope.documentId as string;
    await pool().query("INSERT INTO presence (stream_id, process_id, document_id, user_id) VALUES ($1, $2, $3, $4)", [
      stream.id,
      PROCESS_ID,
      documentId,
      stream.actor.id,
    ]);
    if (stream.isClosed) {
      await this.leave(stream); // closed while joining: remove() ran before the row existed
      return;
    }
    stream.sendPresence(await viewersOf(documentId));
    await notifyPresence(documentId);
  }

  private async leave(stream: LiveStream): Promise<void> {
    const documentId = stream.scope.documentId as string;
    try {
      await pool().query("DELETE FROM presence WHERE stream_id = $1", [stream.id]);
      await notifyPresence(documentId);
    } catch (error) {
      console.error("[sourcemark] presence update failed:", (error as Error).message);
    }
  }

  private async presenceChanged(documentId: string): Promise<void> {
    const local = [...this.streams].filter((s) => s.scope.documentId === documentId);
    if (local.length === 0) return;
    try {
      const viewers = await viewersOf(documentId);
      for (const stream of local) stream.sendPresence(viewers);
    } catch (error) {
      console.error("[sourcemark] presence read failed:", (error as Error).message);
    }
  }

  private async onTick(): Promise<void> {
    const now = Date.now();
    for (const stream of this.streams) stream.heartbeat(now);
    try {
      await this.closeRevoked();
      if (now - this.lastPresenceRefresh >= PRESENCE_REFRESH_MS) {
        this.lastPresenceRefresh = now;
        await refreshPresence();
      }
    } catch (error) {
      console.error("[sourcemark] stream upkeep failed:", (error as Error).message);
    }
  }

  /** Ends the streams of users who are no longer members of the stream's project. */
  private async closeRevoked(): Promise<void> {
    if (this.streams.size === 0) return;
    const pairs = new Map<string, [string, string]>();
    for (const s of this.streams) pairs.set(`${s.scope.projectId}\u0000${s.actor.id}`, [s.scope.projectId, s.actor.id]);
    const list = [...pairs.values()];
    const { rows } = await pool().query<{ project_id: string; user_id: string }>(
      `SELECT m.project_id, m.user_id FROM memberships m
         JOIN unnest($1::text[], $2::text[]) AS p(project_id, user_id) ON p.project_id = m.project_id AND p.user_id = m.user_id`,
      [list.map((p) => p[0]), list.map((p) => p[1])],
    );
    const members = new Set(rows.map((r) => `${r.project_id}\u0000${r.user_id}`));
    for (const s of [...this.streams]) if (!members.has(`${s.scope.projectId}\u0000${s.actor.id}`)) s.close();
  }

  closeAll(): void {
    for (const stream of [...this.streams]) stream.close();
  }
}

async function viewersOf(documentId: string): Promise<Viewer[]> {
  const { rows } = await pool().query<Viewer>(
    `SELECT DISTINCT ON (p.user_id) p.user_id AS "userId", u.name
       FROM presence p JOIN users u ON u.id = p.user_id
      WHERE p.document_id = $1 AND p.seen_at > now() - make_interval(secs => $2)
      ORDER BY p.user_id`,
    [documentId, PRESENCE_TTL_SECONDS],
  );
  return rows.sort((a, b) => a.name.localeCompare(b.name) || a.userId.localeCompare(b.userId));
}

async function notifyPresence(documentId: string): Promise<void> {
  await (await changeFeed()).notifyPresence(documentId);
}

/** Marks this process's viewers as still there, and clears those of processes that died. */
async function refreshPresence(): Promise<void> {
  await pool().query("UPDATE presence SET seen_at = now() WHERE process_id = $1", [PROCESS_ID]);
  const { rows } = await pool().query<{ document_id: string }>(
    "DELETE FROM presence WHERE seen_at < now() - make_interval(secs => $1) RETURNING document_id",
    [PRESENCE_TTL_SECONDS],
  );
  for (const documentId of new Set(rows.map((r) => r.document_id))) await notifyPresence(documentId);
}

const holder = globalThis as unknown as { __sourcemarkStreams?: StreamRegistry };
function registry(): StreamRegistry {
  holder.__sourcemarkStreams ??= new StreamRegistry();
  return holder.__sourcemarkStreams;
}

export interface OpenChangeStreamOptions {
  actor: Actor;
  /** A document's stream (its changes, its project's speakers, presence) … */
  documentId?: string;
  /** … or a project's (every change of the project). */
  projectId?: string;
  /** Resume after this event (Last-Event-ID or ?since=): every later change is replayed first. */
  lastEventId?: string | null;
}

/** Opens a live stream of server-sent events; see the module comment. */
export async function openChangeStream({
  actor,
  documentId,
  projectId,
  lastEventId,
}: OpenChangeStreamOptions): Promise<ReadableStream<Uint8Array>> {
  const access = documentId
    ? await documentAccess(actor, documentId, "project.read")
    : await projectAccess(actor, projectId as string, "project.read");
  const scope: StreamScope = documentId ? { projectId: access.projectId, documentId } : { projectId: access.projectId };
  const streams = registry();
  if (streams.count(actor, scope) >= MAX_STREAMS_PER_USER_AND_SCOPE) {
    throw tooManyRequests(
      `At most ${MAX_STREAMS_PER_USER_AND_SCOPE} live streams per user and ${documentId ? "document" : "project"}.`,
      10,
    );
  }
  let since: Position | null = null;
  if (lastEventId !== undefined && lastEventId !== null && lastEventId !== "") {
    since = lastEventId === "0" ? { tx: 0n, id: 0n } : await positionOf(pool(), lastEventId, scope.projectId);
    if (!since) throw badRequest("Last-Event-ID (or since) is not an event of this project.", { fields: { since: "unknown event id" } });
  }
  // Fixed for the stream's life: a change of the project's mode applies to streams opened after it.
  const layer = await layerAuthor(actor, scope.projectId);
  const feed = await changeFeed();
  // Without a position to resume from, the stream starts with the changes made after it opened.
  const start = since ?? (await headPosition(pool()));
  const stream = new LiveStream(actor, scope, layer, start, since !== null, (s) => streams.remove(s));
  streams.add(feed, stream);
  if (since) void stream.replay(since);
  if (documentId) await streams.join(stream);
  return stream.body;
}

/** Ends every open stream (shutdown): their clients reconnect to another process or later. */
export function closeAllStreams(): void {
  holder.__sourcemarkStreams?.closeAll();
}
