// Imports: our json export, W3C annotations and jsonl. Round trips keep documents, spans, labels,
// kinds, speakers and notes; every span is checked against its text; bad records are reported by
// line or item and not written, good ones are kept.

import { describe, expect, it } from "vitest";
import { addMember, call, newProjectWithDocument, newUser, type TestUser } from "../helpers/api";
import { codePointSpan, TRICKY_SPANS, TRICKY_TEXT, trickyProject } from "../helpers/fixtures";
import { count, snapshotCounts } from "../helpers/db";

const owner = await newUser("importer");
const source = await trickyProject(owner, "Round trip 🚢");
await call("POST", `/api/v1/projects/${source.projectId}/speakers`, {
  token: owner.token,
  body: { name: "Abe Shinzo", aliases: ["Abe"], kind: "person", description: "former prime minister" },
});
await call("PATCH", `/api/v1/speakers/${source.speakers.get("Japanese Ministry of Defense")}`, {
  token: owner.token,
  body: { aliases: ["JMOD"], kind: "organization", description: "ministry" },
});

async function emptyProject(user: TestUser = owner): Promise<string> {
  return (await call("POST", "/api/v1/projects", { token: user.token, body: { name: "Empty" } })).body.id;
}

async function importInto(projectId: string, body: string, format?: string, user: TestUser = owner) {
  return call("POST", `/api/v1/projects/${projectId}/import${format ? `?format=${format}` : ""}`, {
    token: user.token,
    raw: body,
    headers: { "content-type": format === "jsonl" ? "application/x-ndjson" : "application/json" },
  });
}

async function exportOf(projectId: string, format: string) {
  return call("GET", `/api/v1/projects/${projectId}/export?format=${format}`, { token: owner.token });
}

/** What a json export must keep across a round trip, without ids and timestamps. */
function essence(exported: any) {
  return {
    documents: exported.documents.map((d: any) => ({
      title: d.title,
      text: d.text,
      sourceUrl: d.sourceUrl,
      publishedAt: d.publishedAt,
      annotations: d.annotations.map((a: any) => ({
        start: a.start,
        end: a.end,
        exact: a.exact,
        label: a.label,
        quoteKind: a.quoteKind,
        note: a.note,
        speaker: a.speaker?.name ?? null,
      })),
    })),
    speakers: exported.speakers.map((s: any) => ({ name: s.name, aliases: s.aliases, kind: s.kind, description: s.description })),
  };
}

describe("json import", () => {
  it("round-trips: export json → import into an empty project → export json gives the same content", async () => {
    const first = await exportOf(source.projectId, "json");
    const target = await emptyProject();
    const imported = await importInto(target, first.text);
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({
      format: "json",
      documents: { created: 1, failed: 0 },
      annotations: { created: TRICKY_SPANS.length, failed: 0 },
      errors: [],
    });
    const second = await exportOf(target, "json");
    // Speakers without annotations (Abe Shinzo) are not carried by annotations; the others must match.
    const original = essence(first.body);
    original.speakers = original.speakers.filter((s: { name: string }) => s.name !== "Abe Shinzo");
    expect(essence(second.body)).toEqual(original);
  });

  it("reports a span that does not match its text, writes nothing of it, and keeps the rest", async () => {
    const exported = (await exportOf(source.projectId, "json")).body;
    const doc = exported.documents[0];
    doc.annotations[1].start += 1; // no longer slices to its exact text
    doc.annotations[2].label = "opinion";
    exported.documents.push({ title: "", text: "no title", annotations: [{ label: "claim", start: 0, end: 2, exact: "no" }] });
    const target = await emptyProject();
    const result = await importInto(target, JSON.stringify(exported), "json");
    expect(result.status).toBe(200);
    expect(result.body.annotations).toEqual({ created: TRICKY_SPANS.length - 2, failed: 3, alreadyPresent: 0, reanchored: 0 });
    expect(result.body.documents).toEqual({ created: 1, failed: 1, alreadyPresent: 0 });
    expect(result.body.errors).toEqual([
      { ref: "documents[0].annotations[1]", reason: "exact does not equal text[start:end]" },
      { ref: "documents[0].annotations[2]", reason: 'label must be "claim" or "quote"' },
      { ref: "documents[1]", reason: "title must not be empty" },
      { ref: "documents[1].annotations[0]", reason: "its document (documents[1]) was not imported" },
    ]);
    expect(await count("SELECT count(*) FROM annotations WHERE project_id = $1", [target])).toBe(TRICKY_SPANS.length - 2);
    expect(await count("SELECT count(*) FROM change_events WHERE project_id = $1 AND kind = 'annotation.created'", [target])).toBe(
      TRICKY_SPANS.length - 2,
    );
  });
});

describe("w3c import", () => {
  it("round-trips through a project holding the same document", async () => {
    const first = JSON.parse((await exportOf(source.projectId, "w3c")).text);
    const target = await emptyProject();
    await call("POST", `/api/v1/projects/${target}/documents`, { token: owner.token, body: { title: "Round trip 🚢", text: TRICKY_TEXT } });
    const imported = await importInto(target, JSON.stringify(first));
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({ format: "w3c", annotations: { created: TRICKY_SPANS.length, failed: 0 } });
    const second = JSON.parse((await exportOf(target, "w3c")).text);
    const strip = (c: any) =>
      c.first.items
        .map((a: any) => ({
          selector: a.target.selector,
          label: a.target.source.label,
          body: a.body
            .filter((b: any) => b.purpose !== "assessing")
            .map((b: any) => (b.source ? { purpose: b.purpose, name: b.source.name, type: b.source.type } : b)),
        }))
        .sort((x: any, y: any) => x.selector[1].start - y.selector[1].start || x.selector[1].end - y.selector[1].end);
    expect(strip(second)).toEqual(strip(first));
  });

  it("accepts a plain list or a single annotation, attaching by source id or label, and reports a mismatch", async () => {
    const { projectId, documentId } = await newProjectWithDocument(owner, TRICKY_TEXT, "Target");
    const span = codePointSpan(TRICKY_TEXT, "🚢 Tokyo 🇯🇵");
    const annotation = (start: number, end: number, exact: string, source: unknown) => ({
      "@context": "http://www.w3.org/ns/anno.jsonld",
      type: "Annotation",
      body: [
        { type: "TextualBody", purpose: "tagging", value: "claim" },
        { type: "TextualBody", purpose: "identifying", value: "Tokyo desk" },
      ],
      target: {
        source,
        selector: [
          { type: "TextQuoteSelector", exact },
          { type: "TextPositionSelector", start, end },
        ],
      },
    });
    const list = [
      annotation(span.start, span.end, "🚢 Tokyo 🇯🇵", `urn:uuid:${documentId}`),
      annotation(span.start, span.end, "🚢 Tokyo 🇯🇵", { id: "https://elsewhere.example/doc/1", label: "Target" }),
      annotation(span.start + 1, span.end + 1, "🚢 Tokyo 🇯🇵", `urn:uuid:${documentId}`), // found by its quote
      annotation(span.start, span.end, "🚢 Osaka 🇯🇵 and much more than that", `urn:uuid:${documentId}`),
      annotation(span.start, span.end, "🚢 Tokyo 🇯🇵", "https://elsewhere.example/unknown"),
    ];
    const result = await importInto(projectId, JSON.stringify(list), "w3c");
    expect(result.body.annotations).toEqual({ created: 3, failed: 2, alreadyPresent: 0, reanchored: 0 });
    expect(result.body.errors.map((e: { ref: string }) => e.ref)).toEqual(["[3]", "[4]"]);
    expect(result.body.speakers.created).toBe(1);
    const single = await importInto(projectId, JSON.stringify(list[0]), "w3c");
    expect(single.body.annotations).toEqual({ created: 1, failed: 0, alreadyPresent: 0, reanchored: 0 });
  });
});

describe("w3c import anchors like an annotation client", () => {
  /** Our w3c export of the tricky project, its annotations only, and a fresh project holding the same text. */
  async function setup() {
    const exported = JSON.parse((await exportOf(source.projectId, "w3c")).text);
    const items = exported.first.items.filter((a: any) => a.motivation !== "replying");
    const { projectId } = await newProjectWithDocument(owner, TRICKY_TEXT, "Round trip 🚢");
    return { items, projectId };
  }
  const spans = async (projectId: string) => {
    const documentId = (await call("GET", `/api/v1/projects/${projectId}/documents`, { token: owner.token })).body.documents[0].id;
    const list = (await call("GET", `/api/v1/documents/${documentId}/annotations`, { token: owner.token })).body.annotations;
    return list.map((a: any) => `${a.label} ${a.start}..${a.end} ${a.exact}`).sort();
  };
  const expected = TRICKY_SPANS.map((span) => {
    const { start, end } = codePointSpan(TRICKY_TEXT, span.exact, span.occurrence);
    return `${span.label} ${start}..${end} ${span.exact}`;
  }).sort();
  const withSelectors = (a: any, keep: (selector: any) => any) => ({
    ...a,
    id: undefined,
    target: { ...a.target, selector: a.target.selector.map(keep).filter(Boolean) },
  });

  it("imports annotations with only a TextQuoteSelector, or only a TextPositionSelector", async () => {
    const { items, projectId } = await setup();
    const quoteOnly = items.map((a: any) => withSelectors(a, (s) => (s.type === "TextQuoteSelector" ? s : null)));
    const first = await importInto(projectId, JSON.stringify(quoteOnly), "w3c");
    expect(first.body.annotations).toEqual({ created: TRICKY_SPANS.length, failed: 0, alreadyPresent: 0, reanchored: 0 });
    expect(await spans(projectId)).toEqual(expected);
    const other = await setup();
    const positionOnly = other.items.map((a: any) => withSelectors(a, (s) => (s.type === "TextPositionSelector" ? s : null)));
    const second = await importInto(other.projectId, JSON.stringify(positionOnly), "w3c");
    expect(second.body.annotations).toMatchObject({ created: TRICKY_SPANS.length, failed: 0 });
    expect(await spans(other.projectId)).toEqual(expected);
  });

  it("reads Hypothesis-style annotations: target array, UTF-16 positions, type arrays, labels in any case", async () => {
    const { items, projectId } = await setup();
    const hypothesis = items.map((a: any) => {
      const quote = a.target.selector[0];
      const position = a.target.selector[1];
      const unit = (point: number) => Array.from(TRICKY_TEXT).slice(0, point).join("").length;
      return {
        ...a,
        id: undefined,
        type: ["Annotation"],
        body: a.body.map((b: any) =>
          b.purpose === "tagging" ? { ...b, value: b.value === "quote" ? "Quote" : "CLAIM", type: ["TextualBody"] } : b,
        ),
        target: [
          {
            source: a.target.source,
            selector: [
              { type: ["TextPositionSelector"], start: unit(position.start), end: unit(position.end) },
              { ...quote, type: ["TextQuoteSelector"] },
            ],
          },
        ],
      };
    });
    const result = await importInto(projectId, JSON.stringify({ type: ["AnnotationPage"], items: hypothesis }), "w3c");
    expect(result.body.annotations).toEqual({ created: TRICKY_SPANS.length, failed: 0, alreadyPresent: 0, reanchored: 0 });
    expect(await spans(projectId)).toEqual(expected);
    // Spans after the first emoji are told apart from code points by their quote.
    expect(result.body.notices.filter((n: { reason: string }) => /UTF-16/.test(n.reason)).length).toBeGreaterThan(0);
  });

  it("chooses among repeated text by prefix and suffix, and re-anchors a quote with small differences", async () => {
    const text = "The minister said the plan works. Critics said the plan works only on paper. 👍🏽 Fine.";
    const { projectId, documentId } = await newProjectWithDocument(owner, text, "Repeats");
    const second = codePointSpan(text, "the plan works", 1);
    const quote = (exact: string, prefix: string, suffix: string) => ({
      type: "Annotation",
      body: { purpose: "tagging", value: "Claim" },
      target: { source: `urn:uuid:${documentId}`, selector: { type: "TextQuoteSelector", exact, prefix, suffix } },
    });
    const result = await importInto(
      projectId,
      JSON.stringify([quote("the plan works", "Critics said ", " only"), quote("Critics said the plan work only on paper", "", "")]),
      "w3c",
    );
    expect(result.body.annotations).toEqual({ created: 2, failed: 0, alreadyPresent: 0, reanchored: 1 });
    expect(result.body.notices).toEqual([{ ref: "[1]", reason: expect.stringMatching(/^re-anchored/) }]);
    const list = (await call("GET", `/api/v1/documents/${documentId}/annotations`, { token: owner.token })).body.annotations;
    expect(list.map((a: any) => [a.start, a.end, a.exact])).toEqual([
      [...Object.values(codePointSpan(text, "Critics said the plan works only on paper")), "Critics said the plan works only on paper"],
      [second.start, second.end, "the plan works"],
    ]);
  });

  it("is idempotent: the same w3c, json or jsonl file imported twice adds nothing the second time", async () => {
    const target = await emptyProject();
    const json = (await exportOf(source.projectId, "json")).text;
    expect((await importInto(target, json)).body.annotations.created).toBe(TRICKY_SPANS.length);
    const again = await importInto(target, json);
    expect(again.body.annotations).toEqual({ created: 0, failed: 0, alreadyPresent: TRICKY_SPANS.length, reanchored: 0 });
    expect(again.body.documents).toEqual({ created: 0, failed: 0, alreadyPresent: 1 });
    expect(again.body.notices[0].reason).toMatch(/^already present \(annotation [0-9a-f-]+\)/);
    const documents = (await call("GET", `/api/v1/projects/${target}/documents`, { token: owner.token })).body.documents;
    const documentId = documents[0].id;
    // The same annotations as jsonl and as w3c (by id, or by via) are already present too.
    const lines = (await exportOf(source.projectId, "jsonl")).text;
    const jsonl = await importInto(target, lines.replaceAll(source.documentId, documentId), "jsonl");
    expect(jsonl.body.annotations).toMatchObject({ created: 0, alreadyPresent: TRICKY_SPANS.length });
    const w3c = JSON.parse((await exportOf(source.projectId, "w3c")).text);
    const viaOnly = w3c.first.items
      .filter((a: any) => a.motivation !== "replying")
      .map((a: any) => ({ ...a, id: `https://elsewhere.example/anno/${a.id.slice(9)}x`, via: a.id }));
    const w3cResult = await importInto(target, JSON.stringify(viaOnly), "w3c");
    expect(w3cResult.body.annotations).toMatchObject({ created: 0, alreadyPresent: TRICKY_SPANS.length });
    expect(await count("SELECT count(*) FROM annotations WHERE project_id = $1", [target])).toBe(TRICKY_SPANS.length);
  });

  it('takes application/ld+json; profile="…anno.jsonld" as w3c without ?format', async () => {
    const { items, projectId } = await setup();
    const result = await call("POST", `/api/v1/projects/${projectId}/import`, {
      token: owner.token,
      raw: JSON.stringify({ "@context": "http://www.w3.org/ns/anno.jsonld", type: "AnnotationPage", items }),
      headers: { "content-type": 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"' },
    });
    expect(result.body).toMatchObject({ format: "w3c", annotations: { created: TRICKY_SPANS.length } });
  });
});

describe("jsonl import", () => {
  it("attaches each line by documentId, else documentTitle; matches speakers by name or alias; reports bad lines by number", async () => {
    const all = (await exportOf(source.projectId, "jsonl")).text
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l));
    const zhaoRecord = all.find((r) => r.speaker?.name === "Zhao Lijian");
    const exported = [...all.filter((r) => r !== zhaoRecord).slice(0, 4), zhaoRecord];
    const { projectId, documentId } = await newProjectWithDocument(owner, TRICKY_TEXT, "Tricky copy");
    await call("POST", `/api/v1/projects/${projectId}/speakers`, {
      token: owner.token,
      body: { name: "Zhao Lijian (MFA)", aliases: ["Zhao Lijian"] },
    });
    const lines = [
      JSON.stringify({ ...exported[0], documentId }), // line 1: by id
      JSON.stringify({ ...exported[1], documentId: "not-here", documentTitle: "Tricky copy" }), // line 2: by title
      "", // line 3: blank, skipped
      "{not json", // line 4
      JSON.stringify({ ...exported[2], documentId, start: exported[2].start + 1 }), // line 5: mismatch
      JSON.stringify({ ...exported[3], documentId: null, documentTitle: "Nowhere" }), // line 6: no document
      JSON.stringify({ ...exported[4], documentId }), // line 7: Zhao → alias of "Zhao Lijian (MFA)"
      "[1,2]", // line 8
    ];
    const before = await count("SELECT count(*) FROM annotations WHERE project_id = $1", [projectId]);
    const result = await importInto(projectId, `${lines.join("\r\n")}\n`, "jsonl");
    expect(result.status).toBe(200);
    expect(result.body.annotations).toEqual({ created: 3, failed: 4, alreadyPresent: 0, reanchored: 0 });
    expect(result.body.errors.map((e: { ref: string }) => e.ref)).toEqual(["line 4", "line 5", "line 6", "line 8"]);
    expect(result.body.errors[0].reason).toMatch(/not valid JSON/);
    expect(result.body.errors[2].reason).toMatch(/no document/);
    expect(await count("SELECT count(*) FROM annotations WHERE project_id = $1", [projectId])).toBe(before + 3);
    const annotations = (await call("GET", `/api/v1/documents/${documentId}/annotations`, { token: owner.token })).body.annotations;
    const zhao = annotations.find((a: { exact: string }) => a.exact === exported[4].text);
    expect(zhao.speaker.name).toBe("Zhao Lijian (MFA)");
    const speakers = (await call("GET", `/api/v1/projects/${projectId}/speakers`, { token: owner.token })).body.speakers;
    expect(speakers.filter((s: { name: string }) => s.name.startsWith("Zhao"))).toHaveLength(1);
  });

  it("reports a span that splits a character as refused, and writes the whole-character one", async () => {
    const text = "Fans 👍🏽 the 🇯🇵🇫🇷 summit.";
    const { projectId, documentId } = await newProjectWithDocument(owner, text, "Graphemes");
    const thumbs = codePointSpan(text, "👍🏽");
    const flags = codePointSpan(text, "🇯🇵🇫🇷");
    const lines = [
      { documentId, label: "claim", start: thumbs.start, end: thumbs.end - 1, text: "👍" },
      { documentId, label: "claim", start: flags.start + 1, end: flags.end - 1, text: "\u{1F1F5}\u{1F1EB}" },
      { documentId, label: "claim", start: thumbs.start, end: thumbs.end, text: "👍🏽" },
    ].map((l) => JSON.stringify(l));
    const result = await importInto(projectId, lines.join("\n"), "jsonl");
    expect(result.body.annotations).toEqual({ created: 1, failed: 2, alreadyPresent: 0, reanchored: 0 });
    expect(result.body.errors).toEqual([
      { ref: "line 1", reason: expect.stringContaining(`end ${thumbs.end - 1} falls inside the character "👍🏽"`) },
      { ref: "line 2", reason: expect.stringContaining(`start ${flags.start + 1} falls inside the character "🇯🇵"`) },
    ]);
  });

  it("reports a span that starts or ends with whitespace as refused, writing nothing of it", async () => {
    const text = "The mayor said: we act now.";
    const { projectId, documentId } = await newProjectWithDocument(owner, text, "Whitespace");
    const act = codePointSpan(text, "we act now.");
    const lines = [
      { documentId, label: "claim", start: act.start - 1, end: act.end, text: " we act now." },
      { documentId, label: "claim", start: 0, end: 4, text: "The " },
      { documentId, label: "claim", ...act, text: "we act now." },
    ].map((l) => JSON.stringify(l));
    const result = await importInto(projectId, lines.join("\n"), "jsonl");
    expect(result.body.annotations).toEqual({ created: 1, failed: 2, alreadyPresent: 0, reanchored: 0 });
    expect(result.body.errors).toEqual([
      { ref: "line 1", reason: expect.stringContaining(`start ${act.start - 1}: the span starts with whitespace`) },
      { ref: "line 2", reason: expect.stringContaining("end 4: the span ends with whitespace") },
    ]);
  });

  it("keeps review status only for reviewers and owners", async () => {
    const annotator = await newUser("annotator");
    const { projectId, documentId } = await newProjectWithDocument(owner, "Plain text for status.", "Status");
    await addMember(owner, projectId, annotator, "annotator");
    const line = JSON.stringify({ documentId, label: "claim", start: 0, end: 5, text: "Plain", status: "accepted" });
    await importInto(projectId, line, "jsonl", annotator);
    await importInto(projectId, line, "jsonl", owner);
    const statuses = (await call("GET", `/api/v1/documents/${documentId}/annotations`, { token: owner.token })).body.annotations.map(
      (a: { status: string; author: { id: string } }) => [a.author.id === owner.id ? "owner" : "annotator", a.status],
    );
    expect(statuses.sort()).toEqual([
      ["annotator", "pending"],
      ["owner", "accepted"],
    ]);
  });
});

describe("import errors and access", () => {
  it("answers 400 for malformed JSON or an unknown format, 404 to non-members, 403 to viewers — writing nothing", async () => {
    const outsider = await newUser("outsider");
    const viewer = await newUser("viewer");
    const target = await emptyProject();
    await addMember(owner, target, viewer, "viewer");
    const before = await snapshotCounts();
    expect((await importInto(target, "{oops")).status).toBe(400);
    expect((await importInto(target, '{"hello": 1}')).status).toBe(400);
    expect((await importInto(target, '{"documents": 1}', "json")).status).toBe(422);
    expect((await call("POST", `/api/v1/projects/${target}/import?format=xml`, { token: owner.token, raw: "{}" })).status).toBe(400);
    expect((await importInto(target, "{}", "json", outsider)).status).toBe(404);
    expect((await importInto(target, "{}", "json", viewer)).status).toBe(403);
    expect(await snapshotCounts()).toEqual(before);
  });
});
