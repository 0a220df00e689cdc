// w3c, brat and spacy exports on an article full of emoji, skin tones, ZWJ sequences, flags,
// combining marks, CJK and RTL text: every span slices right (in TypeScript and in Python), each
// format carries what its model requires, and brat's .ann parses back with a reader of its own.

import { describe, expect, it } from "vitest";
import { call, newUser } from "../helpers/api";
import { codePointSpan, TRICKY_SPANS, TRICKY_TEXT, trickyProject } from "../helpers/fixtures";
import { python } from "../helpers/python";
import { unzip } from "../helpers/unzip";

const owner = await newUser("formats");
const fixture = await trickyProject(owner, "Tricky 🚢 «article» 中国");
const exported = async (format: string) =>
  call("GET", `/api/v1/projects/${fixture.projectId}/export?format=${format}`, { token: owner.token });
const cp = (text: string, start: number, end: number) => Array.from(text).slice(start, end).join("");
const api = (await call("GET", `/api/v1/documents/${fixture.documentId}/annotations`, { token: owner.token })).body.annotations as {
  id: string;
  start: number;
  end: number;
  exact: string;
  label: string;
  quoteKind: string | null;
  speaker: { name: string } | null;
  note: string | null;
}[];

describe("w3c export", () => {
  it("is an AnnotationCollection of Annotations with the fields the model requires", async () => {
    const result = await exported("w3c");
    expect(result.status).toBe(200);
    expect(result.headers.get("content-type")).toMatch(/^application\/ld\+json/);
    const collection = JSON.parse(result.text);
    expect(collection["@context"]).toBe("http://www.w3.org/ns/anno.jsonld");
    expect(collection.type).toBe("AnnotationCollection");
    expect(typeof collection.id).toBe("string");
    expect(collection.total).toBe(TRICKY_SPANS.length);
    expect(collection.first.type).toBe("AnnotationPage");
    expect(collection.last).toBe(collection.first.id);
    expect(collection.first.partOf).toBe(collection.id);
    const items = collection.first.items;
    expect(items).toHaveLength(TRICKY_SPANS.length);
    for (const item of items) {
      expect(item.type).toBe("Annotation");
      expect(item.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
      expect(item.created).toMatch(/Z$/);
      expect(item.modified).toMatch(/Z$/);
      expect(item.creator).toMatchObject({ type: "Person", name: "formats" });
      expect(item.target.source.id).toMatch(new RegExp(`/api/v1/documents/${fixture.documentId}$`));
      const [quote, position] = item.target.selector;
      expect(quote.type).toBe("TextQuoteSelector");
      expect(position.type).toBe("TextPositionSelector");
      expect(Object.keys(quote).sort()).toEqual(["exact", "prefix", "suffix", "type"]);
      expect(cp(TRICKY_TEXT, position.start, position.end)).toBe(quote.exact);
      expect(cp(TRICKY_TEXT, position.start - Array.from(quote.prefix).length, position.start)).toBe(quote.prefix);
      expect(cp(TRICKY_TEXT, position.end, position.end + Array.from(quote.suffix).length)).toBe(quote.suffix);
      const tagging = item.body.filter((b: { purpose: string }) => b.purpose === "tagging");
      expect(tagging).toEqual([
        { type: "TextualBody", purpose: "tagging", value: expect.stringMatching(/^(claim|quote)$/), format: "text/plain" },
      ]);
      for (const b of item.body) if (b.type === "TextualBody") expect(b.format).toBe("text/plain");
      const source = api.find((a) => `urn:uuid:${a.id}` === item.id)!;
      const identifying = item.body.find((b: { purpose: string }) => b.purpose === "identifying");
      if (source.speaker) expect(identifying.source).toMatchObject({ name: source.speaker.name, type: "Person" });
      else expect(identifying).toBeUndefined();
    }
  });

  it("slices right in Python", async () => {
    const result = await exported("w3c");
    const out = python(
      `import json,sys
text=json.loads(sys.stdin.readline())
c=json.loads(sys.stdin.read())
bad=0
for a in c["first"]["items"]:
    q,p=a["target"]["selector"]
    if text[p["start"]:p["end"]]!=q["exact"]: bad+=1
print(len(c["first"]["items"]), bad)`,
      `${JSON.stringify(TRICKY_TEXT)}\n${result.text}`,
    );
    expect(out.trim()).toBe(`${TRICKY_SPANS.length} 0`);
  });
});

interface BratSpan {
  id: string;
  type: string;
  fragments: [number, number][];
  text: string;
}

/** A reader of brat standoff written for this test, independent of the exporter. */
function readAnn(ann: string) {
  const spans = new Map<string, BratSpan>();
  const attributes = new Map<string, string>();
  const notes = new Map<string, string[]>();
  for (const line of ann.split("\n").filter(Boolean)) {
    const [id, middle, text] = line.split("\t");
    if (id!.startsWith("T")) {
      const [type, ...rest] = middle!.split(" ");
      const fragments = rest
        .join(" ")
        .split(";")
        .map((f) => f.split(" ").map(Number) as [number, number]);
      spans.set(id!, { id: id!, type: type!, fragments, text: text! });
    } else if (id!.startsWith("A")) {
      const [name, target, value] = middle!.split(" ");
      expect(name).toBe("QuoteKind");
      attributes.set(target!, value!);
    } else if (id!.startsWith("#")) {
      const [kind, target] = middle!.split(" ");
      expect(kind).toBe("AnnotatorNotes");
      notes.set(target!, [...(notes.get(target!) ?? []), text!]);
    } else throw new Error(`unexpected line ${line}`);
  }
  return { spans, attributes, notes };
}

describe("one annotation as W3C", () => {
  it("GET /api/v1/annotations/{id}?format=w3c is the export's Annotation with its own @context", async () => {
    const collection = JSON.parse((await exported("w3c")).text);
    const withSpeaker = api.find((a) => a.speaker)!;
    const result = await call("GET", `/api/v1/annotations/${withSpeaker.id}?format=w3c`, { token: owner.token });
    expect(result.status).toBe(200);
    expect(result.headers.get("content-type")).toBe('application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"; charset=utf-8');
    const single = JSON.parse(result.text);
    const inExport = collection.first.items.find((item: { id: string }) => item.id === `urn:uuid:${withSpeaker.id}`);
    expect(single).toEqual({ "@context": "http://www.w3.org/ns/anno.jsonld", ...inExport });
    expect((await call("GET", `/api/v1/annotations/${withSpeaker.id}?format=xml`, { token: owner.token })).status).toBe(400);
  });
});

describe("brat export", () => {
  it("is a zip of .txt and .ann per document whose offsets slice the .txt in code points", async () => {
    const result = await exported("brat");
    expect(result.status).toBe(200);
    expect(result.headers.get("content-type")).toBe("application/zip");
    const files = unzip(result.bytes);
    const names = [...files.keys()].sort();
    expect(names).toHaveLength(3);
    expect(names[0]).toBe("annotation.conf");
    const stem = names[1]!.replace(/\.ann$/, "");
    expect(names).toEqual(["annotation.conf", `${stem}.ann`, `${stem}.txt`]);
    expect(stem).toMatch(/^tricky-article-[0-9a-f]{8}$/);
    const txt = files.get(`${stem}.txt`)!.toString("utf8");
    expect(txt).toBe(TRICKY_TEXT);
    const { spans, attributes, notes } = readAnn(files.get(`${stem}.ann`)!.toString("utf8"));
    expect(spans.size).toBe(TRICKY_SPANS.length);
    const points = Array.from(txt);
    for (const span of spans.values()) {
      const pieces = span.fragments.map(([s, e]) => points.slice(s, e).join(""));
      expect(pieces.join(" ")).toBe(span.text);
      for (const piece of pieces) expect(piece).not.toContain("\n");
      const start = span.fragments[0]![0];
      const end = span.fragments.at(-1)![1];
      const source = api.find((a) => a.start === start && a.end === end && a.label === span.type.toLowerCase());
      expect(source, `${span.id} ${span.type} ${start}-${end}`).toBeDefined();
      expect(pieces.join("\n")).toBe(source!.exact);
      expect(attributes.get(span.id) ?? null).toBe(source!.quoteKind);
      const spanNotes = notes.get(span.id) ?? [];
      expect(spanNotes.filter((n) => !n.startsWith("Note: "))).toEqual(source!.speaker ? [source!.speaker.name] : []);
    }
    // The span across a paragraph break became two fragments.
    expect([...spans.values()].some((s) => s.fragments.length === 2)).toBe(true);
    // Notes keep their tabs and carriage returns, escaped; nested claims, quotes and cues are declared legal.
    const allNotes = [...notes.values()].flat();
    expect(allNotes).toContain("Note: @mention\\ttab");
    expect(allNotes).toContain("Note: \\rcarriage");
    expect(files.get("annotation.conf")!.toString("utf8")).toContain(
      "<OVERLAP> Arg1:Claim|Quote|Cue, Arg2:Claim|Quote|Cue, <OVL-TYPE>:<ANY>",
    );
  });

  it("slices right in Python (zipfile, str indexing)", async () => {
    const result = await exported("brat");
    const out = python(
      `import io,sys,zipfile
z=zipfile.ZipFile(io.BytesIO(sys.stdin.buffer.read()))
ann=[n for n in z.namelist() if n.endswith(".ann")][0]
txt=z.read(ann[:-4]+".txt").decode("utf-8")
ok=bad=0
for line in z.read(ann).decode("utf-8").splitlines():
    if not line.startswith("T"): continue
    tid,mid,text=line.split("\\t")
    frags=[tuple(map(int,f.split())) for f in mid.split(" ",1)[1].split(";")]
    if " ".join(txt[s:e] for s,e in frags)==text: ok+=1
    else: bad+=1
print(ok,bad)`,
      result.bytes as unknown as string,
    );
    expect(out.trim()).toBe(`${TRICKY_SPANS.length} 0`);
  });
});

describe("spacy export", () => {
  it("writes one line per document with spans that slice the text as Python does", async () => {
    const result = await exported("spacy");
    expect(result.status).toBe(200);
    const lines = result.text
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(1);
    const [doc] = lines;
    expect(doc.text).toBe(TRICKY_TEXT);
    expect(doc.meta).toMatchObject({ documentId: fixture.documentId, title: "Tricky 🚢 «article» 中国" });
    expect(doc.spans).toHaveLength(TRICKY_SPANS.length);
    for (const span of doc.spans) {
      expect(Object.keys(span)).toEqual(expect.arrayContaining(["start", "end", "label", "speaker"]));
      const source = api.find((a) => a.id === span.id)!;
      expect(cp(doc.text, span.start, span.end)).toBe(source.exact);
      expect(span.text).toBe(source.exact);
      expect(span.speaker).toBe(source.speaker?.name ?? null);
    }
    const exact = Object.fromEntries(api.map((a) => [a.id, a.exact]));
    const out = python(
      `import json,sys
exact=json.loads(sys.stdin.readline())
bad=n=0
for line in sys.stdin:
    d=json.loads(line)
    for s in d["spans"]:
        n+=1
        if d["text"][s["start"]:s["end"]]!=exact[s["id"]]: bad+=1
print(n,bad)`,
      `${JSON.stringify(exact)}\n${result.text}`,
    );
    expect(out.trim()).toBe(`${TRICKY_SPANS.length} 0`);
  });
});

describe("csv export", () => {
  it("with cells=raw, reads back in Python's csv (as pandas does) with text equal to text[start:end] for every span", async () => {
    const raw = await exported("csv&cells=raw");
    expect(raw.status).toBe(200);
    const out = python(
      `import csv,io,json,sys
text=json.loads(sys.stdin.readline())
rows=list(csv.DictReader(io.StringIO(sys.stdin.read(), newline="")))
print(len(rows), sum(1 for r in rows if text[int(r["start"]):int(r["end"])]!=r["text"]), sum(1 for r in rows if r["note"].startswith("'")))`,
      `${JSON.stringify(TRICKY_TEXT)}\n${raw.text}`,
    );
    expect(out.trim()).toBe(`${TRICKY_SPANS.length} 0 0`);
    // The default protects the cells a spreadsheet would run: "-1 for the plan" starts with a minus.
    const safe = await exported("csv");
    expect(safe.text).toContain("'-1 for the plan");
    expect(raw.text).not.toContain("'-1 for the plan");
  });
});

describe("schemaorg export", () => {
  it("writes Claims and Quotations that slice the text, with speakers and the article, and honours the filters", async () => {
    const result = await exported("schemaorg");
    expect(result.status).toBe(200);
    expect(result.headers.get("content-type")).toBe("application/ld+json; charset=utf-8");
    expect(result.headers.get("content-disposition")).toContain(".schemaorg.jsonld");
    const graph = JSON.parse(result.text);
    expect(graph["@context"]).toBe("https://schema.org");
    expect(graph["@graph"]).toHaveLength(TRICKY_SPANS.length);
    for (const item of graph["@graph"]) {
      const id = (name: string) => item.identifier.find((v: { propertyID: string }) => v.propertyID === name)?.value;
      const source = api.find((a) => a.id === id("sourcemark:annotationId"))!;
      expect(item["@type"]).toBe(source.label === "claim" ? "Claim" : "Quotation");
      expect(item.text).toBe(source.exact);
      expect(cp(TRICKY_TEXT, id("sourcemark:start"), id("sourcemark:end"))).toBe(item.text);
      const article = source.label === "claim" ? item.appearance : item.isPartOf;
      expect(article).toMatchObject({ "@type": "NewsArticle", headline: "Tricky 🚢 «article» 中国" });
      const speaker = source.label === "claim" ? item.author : item.spokenByCharacter;
      if (source.speaker) expect(speaker).toMatchObject({ "@type": "Person", name: source.speaker.name });
      else expect(speaker).toBeUndefined();
    }

    // Only accepted claims: one claim accepted, the rest pending.
    const claim = api.find((a) => a.label === "claim")!;
    const other = await newUser("schemaorg-filter");
    const copy = await trickyProject(other, "Filtered");
    const copied = (await call("GET", `/api/v1/documents/${copy.documentId}/annotations`, { token: other.token })).body.annotations as {
      id: string;
      exact: string;
    }[];
    const target = copied.find((a) => a.exact === claim.exact)!;
    expect(
      (await call("POST", `/api/v1/annotations/${target.id}/review`, { token: other.token, body: { status: "accepted" } })).status,
    ).toBe(200);
    const accepted = await call("GET", `/api/v1/projects/${copy.projectId}/export?format=schemaorg&label=claim&status=accepted`, {
      token: other.token,
    });
    const items = JSON.parse(accepted.text)["@graph"];
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ "@type": "Claim", "@id": `urn:uuid:${target.id}`, text: claim.exact });
  });
});

describe("a document's language in exports", () => {
  it("is on W3C textual bodies and source, schema.org inLanguage, and survives json, labelstudio and doccano round trips", async () => {
    const user = await newUser("language-export");
    const project = (await call("POST", "/api/v1/projects", { token: user.token, body: { name: "Languages" } })).body.id as string;
    const text = "外務省は「参加する」と述べた。";
    const document = await call("POST", `/api/v1/projects/${project}/documents`, {
      token: user.token,
      body: { title: "日本語の記事", text, language: "ja" },
    });
    const span = codePointSpan(text, "「参加する」");
    const created = await call("POST", `/api/v1/documents/${document.body.id}/annotations`, {
      token: user.token,
      body: { label: "quote", ...span, note: "確認済み" },
    });
    expect(created.status).toBe(201);
    const w3c = JSON.parse((await call("GET", `/api/v1/projects/${project}/export?format=w3c`, { token: user.token })).text);
    const [item] = w3c.first.items;
    for (const body of item.body.filter((b: { type: string }) => b.type === "TextualBody")) expect(body.language).toBe("ja");
    expect(item.target.source.language).toBe("ja");
    const single = await call("GET", `/api/v1/annotations/${created.body.id}?format=w3c`, { token: user.token });
    expect(JSON.parse(single.text).body[0].language).toBe("ja");
    const schema = JSON.parse((await call("GET", `/api/v1/projects/${project}/export?format=schemaorg`, { token: user.token })).text);
    expect(schema["@graph"][0]).toMatchObject({ "@type": "Quotation", inLanguage: "ja", isPartOf: { inLanguage: "ja" } });
    for (const [format, contentType] of [
      ["json", "application/json"],
      ["labelstudio", "application/json"],
      ["doccano", "application/x-ndjson"],
    ]) {
      const file = await call("GET", `/api/v1/projects/${project}/export?format=${format}`, { token: user.token });
      const target = (await call("POST", "/api/v1/projects", { token: user.token, body: { name: `From ${format}` } })).body.id;
      const imported = await call("POST", `/api/v1/projects/${target}/import?format=${format}`, {
        token: user.token,
        raw: file.text,
        headers: { "content-type": contentType! },
      });
      expect(imported.body.documents, format).toMatchObject({ created: 1 });
      const documents = (await call("GET", `/api/v1/projects/${target}/documents`, { token: user.token })).body.documents;
      expect(documents[0].language, format).toBe("ja");
    }
  });
});
