import { describe, expect, it } from "vitest";
import type { AnnotationView } from "@/lib/annotations/annotation-view";
import type { DocumentSummary } from "@/lib/documents/document-view";
import { documentsAfter } from "./document-events";

const doc = (id: string, annotationCount = 0): DocumentSummary => ({
  id,
  title: `Title ${id}`,
  sourceUrl: null,
  publishedAt: null,
  language: null,
  length: 100,
  annotationCount,
  createdAt: "2026-01-01T00:00:00.000Z",
});

const annotation = (documentId: string) => ({ id: "a1", documentId }) as AnnotationView;
const actor = { id: "u2", name: "Colleague" };

describe("documentsAfter", () => {
  it("adds a new document last, once", () => {
    const after = documentsAfter([doc("d1")], { kind: "document.created", data: doc("d2"), actor });
    expect(after.map((d) => d.id)).toEqual(["d1", "d2"]);
    expect(documentsAfter(after, { kind: "document.created", data: doc("d2"), actor })).toBe(after);
  });

  it("drops a deleted document", () => {
    const after = documentsAfter([doc("d1"), doc("d2")], { kind: "document.deleted", data: { id: "d1", documentId: "d1" }, actor });
    expect(after.map((d) => d.id)).toEqual(["d2"]);
  });

  it("counts annotations created, restored and deleted", () => {
    let documents = [doc("d1", 2), doc("d2", 0)];
    documents = documentsAfter(documents, { kind: "annotation.created", data: annotation("d2"), actor });
    documents = documentsAfter(documents, { kind: "annotation.restored", data: annotation("d2"), actor });
    documents = documentsAfter(documents, { kind: "annotation.deleted", data: { id: "a1", documentId: "d1" }, actor });
    expect(documents.map((d) => d.annotationCount)).toEqual([1, 2]);
  });

  it("leaves the table alone for other changes and other documents", () => {
    const documents = [doc("d1", 1)];
    expect(documentsAfter(documents, { kind: "annotation.created", data: annotation("elsewhere"), actor })).toBe(documents);
    expect(documentsAfter(documents, { kind: "annotation.updated", data: annotation("d1"), actor })).toBe(documents);
  });
});
