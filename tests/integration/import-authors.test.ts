// Imports keep authors when the importer is an owner (issue 10): a record's author (our exports'
// {id, name}, or an email) is mapped to a member of the project; otherwise the importer is the author.

import { describe, expect, it } from "vitest";
import { addMember, call, newProjectWithDocument, newUser, type TestUser } from "../helpers/api";

const TEXT = "She said “one”, he said “two”, they said “three”.";
function line(documentId: string, exact: string, author: Record<string, unknown>) {
  const start = Array.from(TEXT.slice(0, TEXT.indexOf(exact))).length;
  return JSON.stringify({ documentId, label: "quote", start, end: start + Array.from(exact).length, text: exact, ...author });
}

async function importJsonl(projectId: string, user: TestUser, lines: string[]) {
  return call("POST", `/api/v1/projects/${projectId}/import?format=jsonl`, {
    token: user.token,
    raw: lines.join("\n"),
    headers: { "content-type": "application/x-ndjson" },
  });
}

async function authors(projectId: string, documentId: string, owner: TestUser) {
  const list = await call("GET", `/api/v1/documents/${documentId}/annotations?limit=100`, { token: owner.token });
  return Object.fromEntries(list.body.annotations.map((a: { exact: string; author: { id: string } }) => [a.exact, a.author.id]));
}

describe("import keeps authors", () => {
  it("for an owner: by member id or email (any case); a stranger's work becomes the owner's", async () => {
    const owner = await newUser("owner");
    const a = await newUser("imp-a");
    const b = await newUser("imp-b");
    const { projectId, documentId } = await newProjectWithDocument(owner, TEXT);
    await addMember(owner, projectId, a, "annotator");
    await addMember(owner, projectId, b, "annotator");
    const result = await importJsonl(projectId, owner, [
      line(documentId, "“one”", { author: { id: a.id, name: "imp-a" } }),
      line(documentId, "“two”", { authorEmail: b.email.toUpperCase() }),
      line(documentId, "“three”", { author: { id: "someone-elsewhere", email: "nobody@example.org" } }),
    ]);
    expect(result.status).toBe(200);
    expect(await authors(projectId, documentId, owner)).toEqual({ "“one”": a.id, "“two”": b.id, "“three”": owner.id });
  });

  it("for anyone else: the importer is the author", async () => {
    const owner = await newUser("owner");
    const a = await newUser("imp-a");
    const { projectId, documentId } = await newProjectWithDocument(owner, TEXT);
    await addMember(owner, projectId, a, "annotator");
    const result = await importJsonl(projectId, a, [line(documentId, "“one”", { author: { id: owner.id } })]);
    expect(result.status).toBe(200);
    expect(await authors(projectId, documentId, owner)).toEqual({ "“one”": a.id });
  });
});
