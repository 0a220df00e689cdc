// Moving in from peers: Label Studio and doccano files as those tools write them (offsets in UTF-16
// units, emoji before the spans), our exports in both formats read back without loss, offsets'
// unit told per file, regions that fit neither reading refused by name, re-imports idempotent.

import { describe, expect, it } from "vitest";
import { call, newUser } from "../helpers/api";
import { codePointSpan, TRICKY_SPANS, TRICKY_TEXT, trickyProject } from "../helpers/fixtures";
import { python } from "../helpers/python";
import { unzip } from "../helpers/unzip";

const owner = await newUser("interop");
const source = await trickyProject(owner, "Interop 🚢 article");

async function emptyProject(): Promise<string> {
  return (await call("POST", "/api/v1/projects", { token: owner.token, body: { name: "Moved in" } })).body.id;
}

async function importInto(projectId: string, body: string, format?: string, contentType = "application/json") {
  return call("POST", `/api/v1/projects/${projectId}/import${format ? `?format=${format}` : ""}`, {
    token: owner.token,
    raw: body,
    headers: { "content-type": contentType },
  });
}

/** Every annotation of the project as "label start..end exact | speaker | quoteKind | note", sorted. */
async function spansOf(projectId: string): Promise<string[]> {
  const exported = (await call("GET", `/api/v1/projects/${projectId}/export?format=json`, { token: owner.token })).body;
  return exported.documents
    .flatMap((d: any) => d.annotations)
    .map((a: any) => `${a.label} ${a.start}..${a.end} ${a.exact} | ${a.speaker?.name ?? "-"} | ${a.quoteKind ?? "-"} | ${a.note ?? "-"}`)
    .sort();
}

const ARTICLE = "🚢🚢 Tokyo 🇯🇵: the ministry 👍🏽 said “we will join, 👨‍👩‍👧 together.”\nAnalysts doubt it.";
// What the tools count: JavaScript string offsets, UTF-16 units.
const units = (exact: string) => ({ start: ARTICLE.indexOf(exact), end: ARTICLE.indexOf(exact) + exact.length });

/** A Label Studio (1.x) JSON export of one task, field for field as it writes one. */
function labelStudioExport(regions: { id: string; exact: string; label: string; speaker?: string; start?: number; end?: number }[]) {
  return [
    {
      id: 7,
      annotations: [
        {
          id: 12,
          completed_by: 1,
          result: regions.flatMap((r) => {
            const { start, end } = r.start === undefined ? units(r.exact) : { start: r.start, end: r.end as number };
            const region = {
              value: { start, end, text: r.exact, labels: [r.label] },
              id: r.id,
              from_name: "label",
              to_name: "text",
              type: "labels",
              origin: "manual",
            };
            const speaker = {
              value: { start, end, text: [r.speaker] },
              id: r.id,
              from_name: "speaker",
              to_name: "text",
              type: "textarea",
              origin: "manual",
            };
            return r.speaker ? [region, speaker] : [region];
          }),
          was_cancelled: false,
          ground_truth: false,
          created_at: "2026-05-02T10:11:12.345678Z",
          updated_at: "2026-05-02T10:11:12.345678Z",
          draft_created_at: null,
          lead_time: 18.2,
          prediction: {},
          result_count: 0,
          unique_id: "9d1b6c54-2f1c-4a55-8f4e-0f4c1d2b3a4e",
          import_id: null,
          last_action: null,
          task: 7,
          project: 3,
          updated_by: 1,
          parent_prediction: null,
          parent_annotation: null,
          last_created_by: null,
        },
      ],
      file_upload: "a1b2c3d4-articles.json",
      drafts: [],
      predictions: [],
      data: { text: ARTICLE },
      meta: {},
      created_at: "2026-05-02T10:00:00.000000Z",
      updated_at: "2026-05-02T10:11:12.400000Z",
      inner_id: 1,
      total_annotations: 1,
      cancelled_annotations: 0,
      total_predictions: 0,
      comment_count: 0,
      unresolved_comment_count: 0,
      last_comment_updated_at: null,
      project: 3,
      updated_by: 1,
      comment_authors: [],
    },
  ];
}

const cpSpan = (exact: string) => codePointSpan(ARTICLE, exact);

describe("labelstudio import", () => {
  const regions = [
    { id: "vT5x2Ahd1Q", exact: "“we will join, 👨‍👩‍👧 together.”", label: "Quote", speaker: "Japanese Ministry of Defense" },
    { id: "b8Kq0LmZ3r", exact: "Tokyo 🇯🇵", label: "Claim" },
    { id: "Xy7Pq2Wn4s", exact: "Analysts doubt it.", label: "claim" },
  ];

  it("reads a Label Studio export without ?format: UTF-16 offsets after emoji, labels in any case, speakers per region", async () => {
    const projectId = await emptyProject();
    const result = await importInto(projectId, JSON.stringify(labelStudioExport(regions)));
    expect(result.body).toMatchObject({
      format: "labelstudio",
      documents: { created: 1, failed: 0 },
      annotations: { created: 3, failed: 0 },
      errors: [],
    });
    expect(result.body.notices).toContainEqual({ ref: "(file)", reason: "offsets read as UTF-16 units" });
    const q = cpSpan(regions[0]!.exact);
    const t = cpSpan("Tokyo 🇯🇵");
    const a = cpSpan("Analysts doubt it.");
    expect(await spansOf(projectId)).toEqual(
      [
        `quote ${q.start}..${q.end} ${regions[0]!.exact} | Japanese Ministry of Defense | - | -`,
        `claim ${t.start}..${t.end} Tokyo 🇯🇵 | - | - | -`,
        `claim ${a.start}..${a.end} Analysts doubt it. | - | - | -`,
      ].sort(),
    );
    const documents = (await call("GET", `/api/v1/projects/${projectId}/documents`, { token: owner.token })).body.documents;
    expect(documents[0].title).toBe("🚢🚢 Tokyo 🇯🇵: the ministry 👍🏽 said “we will join, 👨‍👩‍👧 together.”"); // its first line
    // The same file again: nothing new.
    const again = await importInto(projectId, JSON.stringify(labelStudioExport(regions)));
    expect(again.body.annotations).toEqual({ created: 0, failed: 0, alreadyPresent: 3, reanchored: 0 });
    expect(again.body.documents).toEqual({ created: 0, failed: 0, alreadyPresent: 1 });
  });

  it("reads code point offsets (older Label Studio) too, and refuses a region that fits neither reading, naming it", async () => {
    const projectId = await emptyProject();
    const byPoints = regions.map((r) => ({ ...r, ...cpSpan(r.exact) }));
    const wrong = { id: "Zz9Zz9Zz9Z", exact: "the ministry", label: "Claim", start: 3, end: 15 };
    const result = await importInto(projectId, JSON.stringify(labelStudioExport([...byPoints, wrong])), "labelstudio");
    expect(result.body.annotations).toMatchObject({ created: 3, failed: 1 });
    expect(result.body.notices).toContainEqual({ ref: "(file)", reason: "offsets read as code points" });
    expect(result.body.errors).toEqual([
      {
        ref: "[0].annotations[0].result[4]",
        reason: 'region "the ministry" at 3..15 matches the text neither in UTF-16 units nor in code points',
      },
    ]);
  });

  it("round-trips: export labelstudio → import into an empty project gives the same spans, labels, speakers, kinds, notes", async () => {
    const exported = await call("GET", `/api/v1/projects/${source.projectId}/export?format=labelstudio`, { token: owner.token });
    expect(exported.status).toBe(200);
    const tasks = JSON.parse(exported.text);
    expect(tasks).toHaveLength(1);
    // Label Studio reads its offsets as JavaScript string offsets: they slice the region's text so.
    for (const r of tasks[0].annotations[0].result.filter((x: any) => x.type === "labels")) {
      expect(tasks[0].data.text.slice(r.value.start, r.value.end)).toBe(r.value.text);
    }
    const out = python(
      `import json,sys
t=json.load(sys.stdin)[0]
b=t["data"]["text"].encode("utf-16-le")
bad=[r["id"] for r in t["annotations"][0]["result"] if r["type"]=="labels" and b[2*r["value"]["start"]:2*r["value"]["end"]].decode("utf-16-le")!=r["value"]["text"]]
print(len(bad))`,
      exported.text,
    );
    expect(out.trim()).toBe("0");
    const target = await emptyProject();
    const result = await importInto(target, exported.text);
    expect(result.body.annotations).toMatchObject({ created: TRICKY_SPANS.length, failed: 0 });
    expect(await spansOf(target)).toEqual(await spansOf(source.projectId));
  });
});

describe("doccano import", () => {
  /** doccano's JSONL export of a sequence-labeling project, as it writes each line. */
  const doccanoLine = (id: number, text: string, label: [number, number, string][]) => JSON.stringify({ id, text, label, Comments: [] });

  it("reads a doccano export: UTF-16 offsets told from code points by which reading splits no character", async () => {
    const projectId = await emptyProject();
    const second = "Plain 😀 text, 👍🏽 then a claim here.";
    const u = (text: string, exact: string): [number, number] => [text.indexOf(exact), text.indexOf(exact) + exact.length];
    const body = [
      doccanoLine(1, ARTICLE, [
        [...u(ARTICLE, "“we will join, 👨‍👩‍👧 together.”"), "Quote"],
        [...u(ARTICLE, "Tokyo 🇯🇵"), "Claim"],
      ]),
      doccanoLine(2, second, [[...u(second, "a claim here"), "CLAIM"]]),
    ].join("\n");
    const result = await importInto(projectId, `${body}\n`, "doccano", "application/x-ndjson");
    expect(result.body).toMatchObject({ format: "doccano", documents: { created: 2 }, annotations: { created: 3, failed: 0 } });
    expect(result.body.notices).toContainEqual({ ref: "(file)", reason: "offsets read as UTF-16 units" });
    const q = cpSpan("“we will join, 👨‍👩‍👧 together.”");
    const spans = await spansOf(projectId);
    expect(spans).toContain(`quote ${q.start}..${q.end} “we will join, 👨‍👩‍👧 together.” | - | - | -`);
    const c = codePointSpan(second, "a claim here");
    expect(spans).toContain(`claim ${c.start}..${c.end} a claim here | - | - | -`);
    const again = await importInto(projectId, `${body}\n`, "doccano", "application/x-ndjson");
    expect(again.body.annotations).toMatchObject({ created: 0, alreadyPresent: 3 });
  });

  it("refuses a span that splits a character in both readings, naming it", async () => {
    const projectId = await emptyProject();
    const thumbs = ARTICLE.indexOf("👍🏽");
    // Code point offset of the skin tone (inside 👍🏽 either way it is read).
    const inside = Array.from(ARTICLE.slice(0, thumbs)).length + 1;
    const body = doccanoLine(3, ARTICLE, [[inside, inside + 4, "Claim"]]);
    const result = await importInto(projectId, body, "doccano");
    expect(result.body.annotations).toMatchObject({ created: 0, failed: 1 });
    expect(result.body.errors[0]).toEqual({
      ref: "line 1: label[0]",
      reason: `region at ${inside}..${inside + 4} matches the text neither in UTF-16 units nor in code points`,
    });
  });

  it("round-trips: export doccano → import into an empty project gives the same spans, labels and speakers", async () => {
    const exported = await call("GET", `/api/v1/projects/${source.projectId}/export?format=doccano`, { token: owner.token });
    expect(exported.status).toBe(200);
    const line = JSON.parse(exported.text.trim());
    expect(line.text).toBe(TRICKY_TEXT);
    expect(line.label).toHaveLength(TRICKY_SPANS.length);
    const target = await emptyProject();
    const result = await importInto(target, exported.text, "doccano");
    expect(result.body.annotations).toMatchObject({ created: TRICKY_SPANS.length, failed: 0 });
    // doccano keeps label and speaker; quote kinds and notes are not carried.
    const keep = (s: string) => s.split(" | ").slice(0, 2).join(" | ");
    expect((await spansOf(target)).map(keep)).toEqual((await spansOf(source.projectId)).map(keep));
  });
});

describe("files with Windows line endings and a byte order mark", () => {
  // What a file written on Windows holds: CRLF in the text, offsets counted on it.
  const CRLF_TEXT = "🚢 The mayor said “we act”.\r\nSecond 👍🏽 line: the claim here.\r\nThird line.";
  const LF_TEXT = CRLF_TEXT.replace(/\r\n/g, "\n");
  const BOM = "\ufeff";
  const crlfUnits = (exact: string) => ({ start: CRLF_TEXT.indexOf(exact), end: CRLF_TEXT.indexOf(exact) + exact.length });
  const crlfPoints = (exact: string) => codePointSpan(CRLF_TEXT, exact);
  const stored = (label: string, exact: string) => {
    const lf = exact.replace(/\r\n/g, "\n");
    const { start, end } = codePointSpan(LF_TEXT, lf);
    return `${label} ${start}..${end} ${lf}`;
  };
  const spans = async (projectId: string) => (await spansOf(projectId)).map((s) => s.split(" | ")[0]);
  const ACROSS = "the claim here.\r\nThird line.";

  it("labelstudio: offsets on the CRLF text (UTF-16 units) land on the stored LF text", async () => {
    const projectId = await emptyProject();
    const quote = "“we act”.";
    const task = {
      id: 1,
      data: { text: CRLF_TEXT },
      annotations: [
        {
          result: [
            {
              id: "r1",
              from_name: "label",
              to_name: "text",
              type: "labels",
              value: { ...crlfUnits(quote), text: quote, labels: ["Quote"] },
            },
            {
              id: "r2",
              from_name: "label",
              to_name: "text",
              type: "labels",
              value: { ...crlfUnits(ACROSS), text: ACROSS, labels: ["Claim"] },
            },
          ],
        },
      ],
    };
    const file = BOM + JSON.stringify([task], null, 2).replace(/\n/g, "\r\n");
    const result = await importInto(projectId, file);
    expect(result.body).toMatchObject({ format: "labelstudio", documents: { created: 1 }, annotations: { created: 2, failed: 0 } });
    expect(await spans(projectId)).toEqual([stored("quote", quote), stored("claim", ACROSS)].sort());
    const document = (await call("GET", `/api/v1/projects/${projectId}/documents`, { token: owner.token })).body.documents[0];
    expect((await call("GET", `/api/v1/documents/${document.id}`, { token: owner.token })).body.text).toBe(LF_TEXT);
  });

  it("doccano: CRLF lines, a BOM, and offsets on the CRLF text", async () => {
    const projectId = await emptyProject();
    const line = JSON.stringify({ id: 4, text: CRLF_TEXT, label: [[crlfUnits(ACROSS).start, crlfUnits(ACROSS).end, "Claim"]] });
    const result = await importInto(projectId, `${BOM}${line}\r\n`, "doccano", "application/x-ndjson");
    expect(result.body).toMatchObject({ documents: { created: 1 }, annotations: { created: 1, failed: 0 } });
    expect(await spans(projectId)).toEqual([stored("claim", ACROSS)]);
  });

  it("json: a text with CRLF and offsets on it; jsonl: CRLF lines and a BOM", async () => {
    const projectId = await emptyProject();
    const { start, end } = crlfPoints(ACROSS);
    const file = {
      documents: [{ title: "Windows", text: CRLF_TEXT, annotations: [{ label: "claim", start, end, exact: ACROSS }] }],
    };
    const result = await importInto(projectId, BOM + JSON.stringify(file, null, 2).replace(/\n/g, "\r\n"), "json");
    expect(result.body).toMatchObject({ documents: { created: 1 }, annotations: { created: 1, failed: 0 } });
    expect(await spans(projectId)).toEqual([stored("claim", ACROSS)]);
    const quote = codePointSpan(LF_TEXT, "“we act”.");
    const jsonl = `${BOM}${JSON.stringify({ documentTitle: "Windows", label: "quote", ...quote, text: "“we act”." })}\r\n`;
    const lines = await importInto(projectId, jsonl, "jsonl", "application/x-ndjson");
    expect(lines.body.annotations).toMatchObject({ created: 1, failed: 0 });
  });

  it("w3c: a CRLF file with a BOM whose quote spans a CRLF and whose positions count it", async () => {
    const projectId = await emptyProject();
    await call("POST", `/api/v1/projects/${projectId}/documents`, { token: owner.token, body: { title: "Windows", text: CRLF_TEXT } });
    const annotation = {
      "@context": "http://www.w3.org/ns/anno.jsonld",
      id: "https://annotations.example/a/1",
      type: "Annotation",
      body: [{ type: "TextualBody", purpose: "tagging", value: "Claim" }],
      target: {
        source: { id: "https://news.example/windows", label: "Windows" },
        selector: [
          { type: "TextQuoteSelector", exact: ACROSS, prefix: "Second 👍🏽 line: ", suffix: "" },
          { type: "TextPositionSelector", ...crlfPoints(ACROSS) },
        ],
      },
    };
    const file = BOM + JSON.stringify(annotation, null, 2).replace(/\n/g, "\r\n");
    const result = await importInto(projectId, file, undefined, 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"');
    expect(result.body).toMatchObject({ format: "w3c", annotations: { created: 1, failed: 0 } });
    expect(await spans(projectId)).toEqual([stored("claim", ACROSS)]);
  });
});

describe("cues in every format", () => {
  const TEXT = "🚢 The mayor said “we act now”.\nAnalysts 👍🏽 argued that the plan fails.";
  const quote = codePointSpan(TEXT, "“we act now”.");
  const said = codePointSpan(TEXT, "said");
  const claim = codePointSpan(TEXT, "the plan fails");
  const argued = codePointSpan(TEXT, "argued");
  const EXPECTED = [
    `quote ${quote.start}..${quote.end} cue ${said.start}..${said.end}`,
    `claim ${claim.start}..${claim.end} cue ${argued.start}..${argued.end}`,
  ].sort();

  /** Every annotation of the project as "label start..end cue cueStart..cueEnd", sorted. */
  async function cuesOf(projectId: string): Promise<string[]> {
    const exported = (await call("GET", `/api/v1/projects/${projectId}/export?format=json`, { token: owner.token })).body;
    return exported.documents
      .flatMap((d: any) => d.annotations)
      .map((a: any) => `${a.label} ${a.start}..${a.end} cue ${a.cueStart}..${a.cueEnd}`)
      .sort();
  }

  async function sourceProject(): Promise<string> {
    const projectId = await emptyProject();
    const file = {
      documents: [
        {
          title: "Cues",
          text: TEXT,
          annotations: [
            { label: "quote", ...quote, exact: "“we act now”.", cueStart: said.start, cueEnd: said.end },
            { label: "claim", ...claim, exact: "the plan fails", cueStart: argued.start, cueEnd: argued.end },
          ],
        },
      ],
    };
    const result = await importInto(projectId, JSON.stringify(file), "json");
    expect(result.body.annotations).toMatchObject({ created: 2, failed: 0 });
    return projectId;
  }

  it("json import takes cues and refuses a cue that breaks the span rules, naming it", async () => {
    const projectId = await sourceProject();
    expect(await cuesOf(projectId)).toEqual(EXPECTED);
    const bad = {
      documents: [
        {
          title: "Cues",
          text: TEXT,
          annotations: [
            { label: "claim", ...claim, exact: "the plan fails", cueStart: argued.start, cueEnd: argued.end + 1 },
            { label: "claim", ...claim, exact: "the plan fails", cueStart: argued.start },
          ],
        },
      ],
    };
    const result = await importInto(await emptyProject(), JSON.stringify(bad), "json");
    expect(result.body.annotations).toMatchObject({ created: 0, failed: 2 });
    expect(result.body.errors[0].reason).toMatch(/^cue: end \d+: the span ends with whitespace/);
    expect(result.body.errors[1].reason).toBe("cue: cueStart and cueEnd go together");
  });

  it.each([
    ["json", "application/json", false],
    ["jsonl", "application/x-ndjson", true],
    ["w3c", "application/ld+json", true],
    ["labelstudio", "application/json", false],
    ["doccano", "application/x-ndjson", false],
  ] as const)("survive export → import in %s", async (format, contentType, needsDocument) => {
    const source = await sourceProject();
    const file = await call("GET", `/api/v1/projects/${source}/export?format=${format}`, { token: owner.token });
    expect(file.status).toBe(200);
    const target = await emptyProject();
    if (needsDocument)
      await call("POST", `/api/v1/projects/${target}/documents`, { token: owner.token, body: { title: "Cues", text: TEXT } });
    const result = await importInto(target, file.text, format, contentType);
    expect(result.body.annotations, JSON.stringify(result.body.errors)).toMatchObject({ created: 2, failed: 0 });
    expect(await cuesOf(target)).toEqual(EXPECTED);
  });

  it("brat writes a Cue and a CueOf relation, declared in annotation.conf; spaCy a cues list", async () => {
    const source = await sourceProject();
    const zip = await call("GET", `/api/v1/projects/${source}/export?format=brat`, { token: owner.token });
    const files = unzip(zip.bytes);
    const conf = files.get("annotation.conf")!.toString("utf8");
    expect(conf).toContain("\nCue\n");
    expect(conf).toContain("CueOf Arg1:Cue, Arg2:Claim|Quote");
    expect(conf).toContain("<OVERLAP> Arg1:Claim|Quote|Cue, Arg2:Claim|Quote|Cue, <OVL-TYPE>:<ANY>");
    const ann = [...files.entries()].find(([name]) => name.endsWith(".ann"))![1].toString("utf8");
    const lines = ann.trim().split("\n");
    const byText = (type: string, text: string) => lines.find((l) => l.split("\t")[1]?.startsWith(`${type} `) && l.endsWith(`\t${text}`))!;
    const cueLine = byText("Cue", "said");
    expect(cueLine.split("\t")[1]).toBe(`Cue ${said.start} ${said.end}`);
    const quoteId = byText("Quote", "“we act now”.").split("\t")[0];
    expect(lines).toContain(`R1\tCueOf Arg1:${cueLine.split("\t")[0]} Arg2:${quoteId}`);
    const spacy = JSON.parse((await call("GET", `/api/v1/projects/${source}/export?format=spacy`, { token: owner.token })).text);
    const quoteSpan = spacy.spans.find((s: any) => s.label === "quote");
    expect(spacy.cues).toContainEqual({ ...said, text: "said", label: "Cue", of: quoteSpan.id });
  });
});

describe("restoring an imported annotation", () => {
  const regions = [
    { id: "rA1", exact: "Tokyo 🇯🇵", label: "Claim" },
    { id: "rB2", exact: "Analysts doubt it.", label: "Claim" },
  ];

  it("keeps the id it was imported with, so importing the file again still changes nothing", async () => {
    const projectId = await emptyProject();
    const file = JSON.stringify(labelStudioExport(regions));
    expect((await importInto(projectId, file)).body.annotations).toMatchObject({ created: 2 });
    const exported = (await call("GET", `/api/v1/projects/${projectId}/export?format=json`, { token: owner.token })).body;
    const victim = exported.documents[0].annotations[0];
    expect((await call("DELETE", `/api/v1/annotations/${victim.id}`, { token: owner.token })).status).toBe(204);
    // Deleted: a re-import brings it back as a new annotation…
    const restored = await call("POST", `/api/v1/annotations/${victim.id}/restore`, { token: owner.token });
    expect(restored.status).toBe(201);
    // …but restored, it is the one the file names.
    const again = await importInto(projectId, file);
    expect(again.body.annotations).toEqual({ created: 0, failed: 0, alreadyPresent: 2, reanchored: 0 });
    expect(await spansOf(projectId)).toHaveLength(2);
  });

  it("is a 409 when the same record was imported again meanwhile, and changes nothing", async () => {
    const projectId = await emptyProject();
    const file = JSON.stringify(labelStudioExport(regions));
    await importInto(projectId, file);
    const exported = (await call("GET", `/api/v1/projects/${projectId}/export?format=json`, { token: owner.token })).body;
    const victim = exported.documents[0].annotations[0];
    await call("DELETE", `/api/v1/annotations/${victim.id}`, { token: owner.token });
    expect((await importInto(projectId, file)).body.annotations).toMatchObject({ created: 1, alreadyPresent: 1 });
    const restored = await call("POST", `/api/v1/annotations/${victim.id}/restore`, { token: owner.token });
    expect(restored.status).toBe(409);
    expect(restored.body.error.message).toMatch(/imported from the same record/);
    expect(await spansOf(projectId)).toHaveLength(2);
  });

  it("keeps its cue", async () => {
    const projectId = await emptyProject();
    const text = "The mayor said the plan fails.";
    const claim = codePointSpan(text, "the plan fails");
    const said = codePointSpan(text, "said");
    const file = {
      documents: [
        {
          title: "Cue kept",
          text,
          annotations: [{ label: "claim", ...claim, exact: "the plan fails", cueStart: said.start, cueEnd: said.end }],
        },
      ],
    };
    await importInto(projectId, JSON.stringify(file), "json");
    const [annotation] = (await call("GET", `/api/v1/projects/${projectId}/export?format=json`, { token: owner.token })).body.documents[0]
      .annotations;
    await call("DELETE", `/api/v1/annotations/${annotation.id}`, { token: owner.token });
    const restored = await call("POST", `/api/v1/annotations/${annotation.id}/restore`, { token: owner.token });
    expect(restored.body).toMatchObject({ id: annotation.id, cueStart: said.start, cueEnd: said.end });
  });
});
