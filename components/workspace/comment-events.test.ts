import { describe, expect, it } from "vitest";
import type { CommentView } from "@/lib/comments/comment-view";
import { commentsAfter, createEventHub, type CommentEvent } from "./comment-events";

const BOB = { id: "u-bob", name: "Bob" };

function comment(id: string, createdAt: string, extra: Partial<CommentView> = {}): CommentView {
  return { id, annotationId: "a", author: BOB, body: `body ${id}`, createdAt, updatedAt: createdAt, ...extra };
}

const T1 = "2026-01-01T00:00:01.000Z";
const T2 = "2026-01-01T00:00:02.000Z";
const T3 = "2026-01-01T00:00:03.000Z";

describe("commentsAfter", () => {
  it("adds a new comment in time order, once, and only to its own thread", () => {
    const thread = [comment("c1", T1), comment("c3", T3)];
    const created: CommentEvent = { kind: "comment.created", data: comment("c2", T2), actor: BOB };
    const next = commentsAfter(thread, "a", created);
    expect(next.map((c) => c.id)).toEqual(["c1", "c2", "c3"]);
    // The echo of our own reply, already shown from the POST's answer.
    expect(commentsAfter(next, "a", created)).toBe(next);
    expect(commentsAfter(thread, "b", created)).toBe(thread);
  });

  it("replaces an edited comment unless the event is older than what is shown", () => {
    const thread = [comment("c1", T1, { updatedAt: T2, body: "newer" })];
    const stale: CommentEvent = { kind: "comment.updated", data: comment("c1", T1, { body: "older" }), actor: BOB };
    expect(commentsAfter(thread, "a", stale)).toBe(thread);
    const edit: CommentEvent = { kind: "comment.updated", data: comment("c1", T1, { updatedAt: T3, body: "edited" }), actor: BOB };
    expect(commentsAfter(thread, "a", edit)[0]?.body).toBe("edited");
  });

  it("removes a deleted comment; a second deletion changes nothing", () => {
    const thread = [comment("c1", T1), comment("c2", T2)];
    const deleted: CommentEvent = { kind: "comment.deleted", data: { id: "c1", documentId: "d", annotationId: "a" }, actor: BOB };
    const next = commentsAfter(thread, "a", deleted);
    expect(next.map((c) => c.id)).toEqual(["c2"]);
    expect(commentsAfter(next, "a", deleted)).toBe(next);
  });
});

describe("createEventHub", () => {
  it("hands events to current listeners only", () => {
    const hub = createEventHub<number>();
    const got: number[] = [];
    hub.emit(1);
    const unsubscribe = hub.subscribe((n) => got.push(n));
    hub.emit(2);
    unsubscribe();
    hub.emit(3);
    expect(got).toEqual([2]);
  });
});
