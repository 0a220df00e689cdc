"use client";
// The comment thread of the selected annotation: its comments oldest first, live (the document
// stream's comment events), a reply box (Enter sends, Shift+Enter starts a new line), and edit or
// delete on one's own comments (an owner deletes any). Comments are plain text: shown as text,
// with http(s) links made clickable. Viewers read only.

import { useEffect, useId, useState, type KeyboardEvent } from "react";
import { api } from "@/components/ui/api-client";
import { formatDate } from "@/components/ui/format";
import { linkify } from "@/components/ui/linkify";
import { can, canDeleteComment, canEditComment, type Role } from "@/lib/auth/roles";
import type { CommentView } from "@/lib/comments/comment-view";
import { commentsAfter, type CommentEvent, type EventHub } from "./comment-events";
import { failureMessage } from "./workspace-api";

export interface CommentThreadProps {
  annotationId: string;
  actorId: string;
  role: Role;
  events: EventHub<CommentEvent>;
}

const commentsUrl = (annotationId: string) => `/api/v1/annotations/${encodeURIComponent(annotationId)}/comments`;
const commentUrl = (id: string) => `/api/v1/comments/${encodeURIComponent(id)}`;

async function loadThread(annotationId: string): Promise<CommentView[]> {
  const all: CommentView[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `?cursor=${encodeURIComponent(cursor)}` : "";
    const page: { comments: CommentView[]; nextCursor: string | null } = await api(`${commentsUrl(annotationId)}${query}`);
    all.push(...page.comments);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}

/** Enter does `run`; Shift+Enter (and Enter while composing text) types a new line. */
function onEnter(run: () => void) {
  return (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key !== "Enter" || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    run();
  };
}

export function CommentThread({ annotationId, actorId, role, events }: CommentThreadProps) {
  const headingId = useId();
  const replyId = useId();
  const [comments, setComments] = useState<readonly CommentView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reply, setReply] = useState("");
  const [sending, setSending] = useState(false);
  const [editing, setEditing] = useState<{ id: string; body: string } | null>(null);
  const mayComment = can(role, "comment.create");

  useEffect(() => {
    let live = true;
    // Events that arrive while the thread loads are applied on top of it.
    const early: CommentEvent[] = [];
    let loaded = false;
    const unsubscribe = events.subscribe((event) => {
      if (!loaded) early.push(event);
      else setComments((list) => list && commentsAfter(list, annotationId, event));
    });
    loadThread(annotationId).then(
      (list) => {
        if (!live) return;
        loaded = true;
        setComments(early.reduce<readonly CommentView[]>((acc, event) => commentsAfter(acc, annotationId, event), list));
      },
      (e: unknown) => live && setError(`Comments could not be loaded: ${failureMessage(e)}`),
    );
    return () => {
      live = false;
      unsubscribe();
    };
  }, [annotationId, events]);

  const apply = (event: CommentEvent) => setComments((list) => list && commentsAfter(list, annotationId, event));

  const send = async () => {
    const body = reply.trim();
    if (!body || sending) return;
    setSending(true);
    setError(null);
    try {
      const comment = await api<CommentView>(commentsUrl(annotationId), { method: "POST", json: { body } });
      apply({ kind: "comment.created", data: comment, actor: null });
      setReply("");
    } catch (e) {
      setError(`Not sent: ${failureMessage(e)}`);
    } finally {
      setSending(false);
    }
  };

  const saveEdit = async () => {
    if (!editing) return;
    const body = editing.body.trim();
    if (!body) return;
    setError(null);
    try {
      const comment = await api<CommentView>(commentUrl(editing.id), { method: "PATCH", json: { body } });
      apply({ kind: "comment.updated", data: comment, actor: null });
      setEditing(null);
    } catch (e) {
      setError(`Not saved: ${failureMessage(e)}`);
    }
  };

  const remove = async (comment: CommentView) => {
    setError(null);
    try {
      await api<void>(commentUrl(comment.id), { method: "DELETE" });
      apply({ kind: "comment.deleted", data: { id: comment.id, documentId: null }, actor: null });
    } catch (e) {
      setError(`Not deleted: ${failureMessage(e)}`);
    }
  };

  return (
    <section className="comment-thread" aria-labelledby={headingId}>
      <h4 id={headingId}>Comments</h4>
      {comments === null && !error && <p className="muted">Loading comments…</p>}
      {comments !== null && comments.length === 0 && <p className="muted">No comments yet.</p>}
      {comments !== null && comments.length > 0 && (
        <ol className="comments" aria-labelledby={headingId} aria-live="polite" aria-relevant="additions">
          {comments.map((comment) => {
            const mine = comment.author.id === actorId;
            return (
              <li key={comment.id} className="comment">
                <p className="comment-meta muted">
                  <strong>{mine ? "You" : comment.author.name}</strong> · {formatDate(comment.createdAt)}
                  {comment.updatedAt !== comment.createdAt && " · edited"}
                </p>
                {editing?.id === comment.id ? (
                  <div className="stack">
                    <textarea
                      aria-label="Edit comment"
                      value={editing.body}
                      rows={2}
                      autoFocus
                      maxLength={10_000}
                      onChange={(event) => setEditing({ id: comment.id, body: event.target.value })}
                      onKeyDown={(event) => {
                        if (event.key === "Escape") {
                          event.stopPropagation();
                          setEditing(null);
                        } else onEnter(() => void saveEdit())(event);
                      }}
                    />
                    <div className="row">
                      <button type="button" onClick={() => void saveEdit()}>
                        Save comment
                      </button>
                      <button type="button" className="secondary" onClick={() => setEditing(null)}>
                        Cancel
                      </button>
                    </div>
                  </div>
                ) : (
                  <p className="comment-body">
                    {linkify(comment.body).map((piece, i) =>
                      piece.kind === "link" ? (
                        <a key={i} href={piece.href} target="_blank" rel="noopener noreferrer nofollow">
                          {piece.text}
                        </a>
                      ) : (
                        piece.text
                      ),
                    )}
                  </p>
                )}
                {editing?.id !== comment.id && (
                  <div className="row comment-actions">
                    {canEditComment(role, mine) && (
                      <button type="button" className="link" onClick={() => setEditing({ id: comment.id, body: comment.body })}>
                        Edit<span className="visually-hidden"> comment</span>
                      </button>
                    )}
                    {canDeleteComment(role, mine) && (
                      <button type="button" className="link" onClick={() => void remove(comment)}>
                        Delete<span className="visually-hidden"> comment</span>
                      </button>
                    )}
                  </div>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {mayComment && (
        <div className="field">
          <label htmlFor={replyId}>Reply</label>
          <textarea
            id={replyId}
            value={reply}
            rows={2}
            maxLength={10_000}
            aria-describedby={`${replyId}-help`}
            onChange={(event) => setReply(event.target.value)}
            onKeyDown={onEnter(() => void send())}
          />
          <p id={`${replyId}-help`} className="muted">
            Enter sends, Shift+Enter starts a new line.
          </p>
          <div className="row">
            <button type="button" disabled={sending || reply.trim() === ""} onClick={() => void send()}>
              Send
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
