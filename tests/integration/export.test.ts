// Export as json, jsonl and csv: right code point offsets in every format (checked in TypeScript and
// by Python slicing), filters, csv formula neutralisation, headers.

import { describe, expect, it } from "vitest";
import { parseCsv, CSV_HEADER } from "@/lib/formats/csv/writer";
import { addMember, call, newUser } from "../helpers/api";
import { TRICKY_SPANS, TRICKY_TEXT, trickyProject } from "../helpers/fixtures";
import { python } from "../helpers/python";

const owner = await newUser("exporter");
const fixture = await trickyProject(owner);

function exportUrl(query: string) {
  return `/api/v1/projects/${fixture.projectId}/export?${query}`;
}

function cp(text: string, start: number, end: number) {
  return Array.from(text).slice(start, end).join("");
}

describe("json export", () => {
  it("holds the project, documents with text and annotations, speakers, offsetUnit codepoint", async () => {
    const result = await call("GET", exportUrl("format=json"), { token: owner.token });
    expect(result.status).toBe(200);
    expect(result.headers.get("content-type")).toMatch(/^application\/json/);
    expect(result.headers.get("content-disposition")).toMatch(/^attachment; filename="Project-Tricky-article-\d{4}-\d\d-\d\d\.json"/);
    const body = result.body;
    expect(Object.keys(body)).toEqual(["project", "exportedAt", "offsetUnit", "documents", "speakers"]);
    expect(body.project).toEqual({ id: fixture.projectId, name: "Project Tricky 🚢 article" });
    expect(body.offsetUnit).toBe("codepoint");
    expect(body.documents).toHaveLength(1);
    const [document] = body.documents;
    expect(document.text).toBe(TRICKY_TEXT);
    expect(document.annotations).toHaveLength(TRICKY_SPANS.length);
    for (const a of document.annotations) expect(a.exact).toBe(cp(document.text, a.start, a.end));
    expect(body.speakers.map((s: { name: string }) => s.name).sort()).toEqual([
      "Japanese Ministry of Defense",
      "Jiro Minier",
      "Zhao Lijian",
    ]);
  });

  it("slices right in Python", async () => {
    const result = await call("GET", exportUrl("format=json"), { token: owner.token });
    const out = python(
      `import json,sys
data=json.load(sys.stdin)
bad=[a["id"] for d in data["documents"] for a in d["annotations"] if d["text"][a["start"]:a["end"]]!=a["exact"]]
n=sum(len(d["annotations"]) for d in data["documents"])
print(n, len(bad))`,
      result.text,
    );
    expect(out.trim()).toBe(`${TRICKY_SPANS.length} 0`);
  });
});

describe("jsonl export", () => {
  it("writes one annotation per line with the fields of API.md, slicing right in Python", async () => {
    const result = await call("GET", exportUrl("format=jsonl"), { token: owner.token });
    expect(result.status).toBe(200);
    expect(result.headers.get("content-type")).toMatch(/ndjson/);
    const lines = result.text
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(TRICKY_SPANS.length);
    for (const line of lines) {
      expect(Object.keys(line)).toEqual([
        "id",
        "documentId",
        "documentTitle",
        "label",
        "quoteKind",
        "start",
        "end",
        "text",
        "speaker",
        "note",
        "status",
        "author",
        "createdAt",
        "updatedAt",
        "commentCount",
        "cueStart",
        "cueEnd",
        "curated",
        "curatedBy",
        "curatedAt",
      ]);
      expect(line.text).toBe(cp(TRICKY_TEXT, line.start, line.end));
      expect(line.documentTitle).toBe("Tricky 🚢 article");
    }
    const out = python(
      `import json,sys
text=json.loads(sys.stdin.readline())
rows=[json.loads(l) for l in sys.stdin if l.strip()]
print(len(rows), sum(1 for r in rows if text[r["start"]:r["end"]]!=r["text"]))`,
      `${JSON.stringify(TRICKY_TEXT)}\n${result.text}`,
    );
    expect(out.trim()).toBe(`${TRICKY_SPANS.length} 0`);
  });

  it("filters by label, speaker, status, document and author", async () => {
    const zhao = fixture.speakers.get("Zhao Lijian");
    const quotes = await call("GET", exportUrl("format=jsonl&label=quote"), { token: owner.token });
    const quoteLines = quotes.text
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(quoteLines.length).toBe(TRICKY_SPANS.filter((s) => s.label === "quote").length);
    expect(quoteLines.every((l) => l.label === "quote")).toBe(true);
    const bySpeaker = await call("GET", exportUrl(`format=jsonl&speakerId=${zhao}`), { token: owner.token });
    expect(bySpeaker.text.trimEnd().split("\n")).toHaveLength(2);
    const accepted = await call("GET", exportUrl("format=jsonl&status=accepted"), { token: owner.token });
    expect(accepted.text).toBe("");
    const byAuthor = await call("GET", exportUrl(`format=jsonl&author=${owner.id}&documentId=${fixture.documentId}`), {
      token: owner.token,
    });
    expect(byAuthor.text.trimEnd().split("\n")).toHaveLength(TRICKY_SPANS.length);
  });

  it("refuses malformed query parameters with 400", async () => {
    for (const query of ["format=xml", "format=jsonl&label=opinion", "format=csv&status=done", "format=json&colour=red"]) {
      const result = await call("GET", exportUrl(query), { token: owner.token });
      expect(result.status, query).toBe(400);
      expect(result.body.error.code).toBe("bad_request");
    }
  });
});

describe("csv export", () => {
  it("has API.md's header, RFC 4180 quoting and code point offsets", async () => {
    const result = await call("GET", exportUrl("format=csv"), { token: owner.token });
    expect(result.status).toBe(200);
    expect(result.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(result.text.split("\r\n")[0]).toBe(CSV_HEADER.join(","));
    const [header, ...records] = parseCsv(result.text);
    expect(header).toEqual([...CSV_HEADER]);
    expect(records).toHaveLength(TRICKY_SPANS.length);
    const col = (name: string) => CSV_HEADER.indexOf(name as (typeof CSV_HEADER)[number]);
    for (const record of records) {
      const start = Number(record[col("start")]);
      const end = Number(record[col("end")]);
      const text = record[col("text")] as string;
      const exact = cp(TRICKY_TEXT, start, end);
      // A formula-looking text is exported with the ' guard in front.
      expect(text === exact || text === `'${exact}`).toBe(true);
      expect(text.startsWith("'")).toBe(/^[=+\-@\t\r]/.test(exact));
    }
  });

  it("neutralises every cell a spreadsheet would run as a formula", async () => {
    const result = await call("GET", exportUrl("format=csv"), { token: owner.token });
    const cells = parseCsv(result.text).flat();
    for (const cell of cells) expect(cell, JSON.stringify(cell)).not.toMatch(/^[=+\-@\t\r]/);
    expect(cells).toContain('\'=HYPERLINK("x")');
    expect(cells).toContain("'-1 for the plan");
    expect(cells).toContain("'@everyone +1 e\u0301te\u0301");
    expect(cells).toContain("'\rcarriage");
    expect(cells).toContain("'@mention\ttab");
    expect(cells).toContain("'+emoji at the very start");
  });
});

describe("export access", () => {
  it("is open to viewers", async () => {
    const viewer = await newUser("viewer");
    await addMember(owner, fixture.projectId, viewer, "viewer");
    const result = await call("GET", exportUrl("format=csv"), { token: viewer.token });
    expect(result.status).toBe(200);
  });
});
