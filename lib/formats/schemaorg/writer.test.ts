// The schemaorg export against schema.org's vocabulary (release 30.0, vendored in
// schemaorg-terms.json): every type it writes exists, every property is one of schema.org's, used on
// a type in its domain (or a subtype) with a value in its range; and its shape — what a
// fact-checking CMS reads from each Claim.

import { describe, expect, it } from "vitest";
import type { ExportAnnotation, ExportDocument, ExportSpeaker } from "../../export/export-types";
import terms from "./schemaorg-terms.json";
import { schemaOrgFormat } from "./writer";

interface Terms {
  types: Record<string, { subClassOf: string[] }>;
  properties: Record<string, { domainIncludes: string[]; rangeIncludes: string[] }>;
}
const vocabulary = terms as Terms;

/** The type and every type it is a subclass of. */
function ancestors(type: string): Set<string> {
  const out = new Set<string>();
  const visit = (t: string) => {
    if (out.has(t)) return;
    out.add(t);
    for (const parent of vocabulary.types[t]?.subClassOf ?? []) visit(parent);
  };
  visit(type);
  return out;
}

/** The data types a JSON literal can stand for. */
function literalTypes(value: unknown): string[] {
  if (typeof value === "string") return ["Text", "URL", "Date", "DateTime"];
  if (typeof value === "number") return Number.isInteger(value) ? ["Integer", "Number"] : ["Number"];
  if (typeof value === "boolean") return ["Boolean"];
  return [];
}

/** Every way a JSON-LD node breaks the vocabulary, as "path: problem". */
function vocabularyProblems(node: Record<string, unknown>, path = "$"): string[] {
  const problems: string[] = [];
  const type = node["@type"];
  if (typeof type !== "string" || !vocabulary.types[type]) return [`${path}: unknown @type ${JSON.stringify(type)}`];
  const kinds = ancestors(type);
  for (const [key, raw] of Object.entries(node)) {
    if (key.startsWith("@")) continue;
    const property = vocabulary.properties[key];
    if (!property) {
      problems.push(`${path}.${key}: not a schema.org property`);
      continue;
    }
    if (!property.domainIncludes.some((d) => kinds.has(d))) problems.push(`${path}.${key}: not a property of ${type}`);
    for (const [i, value] of (Array.isArray(raw) ? raw : [raw]).entries()) {
      const at = Array.isArray(raw) ? `${path}.${key}[${i}]` : `${path}.${key}`;
      if (typeof value === "object" && value !== null) {
        const valueType = (value as Record<string, unknown>)["@type"];
        const valueKinds = typeof valueType === "string" ? ancestors(valueType) : new Set<string>();
        if (!property.rangeIncludes.some((r) => valueKinds.has(r))) problems.push(`${at}: a ${String(valueType)} is not in its range`);
        problems.push(...vocabularyProblems(value as Record<string, unknown>, at));
      } else if (!literalTypes(value).some((t) => property.rangeIncludes.includes(t))) {
        problems.push(`${at}: ${JSON.stringify(value)} is not in its range (${property.rangeIncludes.join(", ")})`);
      }
    }
  }
  return problems;
}

const TEXT = "👍🏽 The mayor said 40% of roads are repaired. “We did it,” the city added.";
const document: ExportDocument = {
  id: "d0c0d0c0-0000-4000-8000-000000000001",
  title: "Roads, repaired?",
  sourceUrl: "https://news.example.org/roads",
  publishedAt: "2026-11-02T08:00:00.000Z",
  byline: "Hana Sato",
  text: TEXT,
  length: Array.from(TEXT).length,
};
const mayor: ExportSpeaker = {
  id: "5be4e000-0000-4000-8000-000000000002",
  name: "Mayor Ana Ruiz",
  aliases: ["Ana Ruiz", "the mayor"],
  kind: "person",
  description: "Mayor since 2024",
};
const city: ExportSpeaker = {
  id: "5be4e000-0000-4000-8000-000000000003",
  name: "City of Vela",
  aliases: [],
  kind: "organization",
  description: null,
};

function annotation(label: "claim" | "quote", exact: string, speaker: ExportSpeaker | null, id: string): ExportAnnotation {
  const at = TEXT.indexOf(exact);
  const start = Array.from(TEXT.slice(0, at)).length;
  return {
    id,
    documentId: document.id,
    documentTitle: document.title,
    label,
    quoteKind: label === "quote" ? "direct" : null,
    start,
    end: start + Array.from(exact).length,
    exact,
    prefix: "",
    suffix: "",
    speakerId: speaker?.id ?? null,
    speaker: speaker ? { id: speaker.id, name: speaker.name } : null,
    cueStart: null,
    cueEnd: null,
    note: null,
    status: "accepted",
    reviewedBy: null,
    reviewedAt: null,
    reviewReason: null,
    author: { id: "u", name: "Analyst" },
    version: 1,
    createdAt: "2026-11-03T10:00:00.000Z",
    updatedAt: "2026-11-03T10:00:00.000Z",
  };
}

function exportOf(annotations: ExportAnnotation[], speakers: ExportSpeaker[]) {
  const writer = schemaOrgFormat.createWriter();
  const meta = { project: { id: "p", name: "P" }, exportedAt: "2026-11-29T00:00:00.000Z", filter: {} };
  const chunks = [writer.begin(meta, speakers), writer.document(document)];
  for (const a of annotations) chunks.push(writer.annotation(a, document));
  chunks.push(writer.endDocument(document), writer.end(speakers));
  return JSON.parse(chunks.join("")) as { "@context": string; "@graph": Record<string, unknown>[] };
}

// Its cue: "said".
const claim = {
  ...annotation("claim", "40% of roads are repaired", mayor, "a0000000-0000-4000-8000-00000000000a"),
  cueStart: 13,
  cueEnd: 17,
};
const quote = annotation("quote", "“We did it,”", city, "a0000000-0000-4000-8000-00000000000b");
const unattributed = annotation("claim", "The mayor said", null, "a0000000-0000-4000-8000-00000000000c");

describe("schemaorg export", () => {
  const output = exportOf([claim, quote, unattributed], [mayor, city]);

  it("uses only schema.org terms, each on a type of its domain with a value in its range", () => {
    expect(output["@context"]).toBe("https://schema.org");
    expect(output["@graph"]).toHaveLength(3);
    for (const [i, node] of output["@graph"].entries()) expect(vocabularyProblems(node, `@graph[${i}]`)).toEqual([]);
  });

  it("the checker refuses what schema.org does not have", () => {
    expect(vocabularyProblems({ "@type": "Claim", claimant: "x" })).toEqual(["$.claimant: not a schema.org property"]);
    expect(vocabularyProblems({ "@type": "Person", headline: "x" })).toEqual(["$.headline: not a property of Person"]);
    expect(vocabularyProblems({ "@type": "Claim", appearance: { "@type": "Person", name: "x" } })).toEqual([
      "$.appearance: a Person is not in its range",
    ]);
    expect(vocabularyProblems({ "@type": "ClaimReviewed" })).toEqual(['$: unknown @type "ClaimReviewed"']);
  });

  it("writes a claim as a Claim with its text, speaker, article, and Sourcemark's id and code point offsets", () => {
    const node = output["@graph"][0]!;
    expect(node).toEqual({
      "@type": "Claim",
      "@id": `urn:uuid:${claim.id}`,
      text: "40% of roads are repaired",
      author: {
        "@type": "Person",
        "@id": `urn:uuid:${mayor.id}`,
        name: "Mayor Ana Ruiz",
        alternateName: ["Ana Ruiz", "the mayor"],
        description: "Mayor since 2024",
      },
      appearance: {
        "@type": "NewsArticle",
        headline: "Roads, repaired?",
        url: "https://news.example.org/roads",
        datePublished: "2026-11-02T08:00:00.000Z",
        author: { "@type": "Person", name: "Hana Sato" },
        identifier: [{ "@type": "PropertyValue", propertyID: "sourcemark:documentId", value: document.id }],
      },
      identifier: [
        { "@type": "PropertyValue", propertyID: "sourcemark:annotationId", value: claim.id },
        { "@type": "PropertyValue", propertyID: "sourcemark:start", value: claim.start, unitText: "Unicode code points" },
        { "@type": "PropertyValue", propertyID: "sourcemark:end", value: claim.end, unitText: "Unicode code points" },
        { "@type": "PropertyValue", propertyID: "sourcemark:cueStart", value: claim.cueStart, unitText: "Unicode code points" },
        { "@type": "PropertyValue", propertyID: "sourcemark:cueEnd", value: claim.cueEnd, unitText: "Unicode code points" },
      ],
    });
    // The offsets slice the document's text in code points (after the emoji with its skin tone).
    const offset = (name: string) => (node.identifier as { propertyID: string; value: number }[]).find((v) => v.propertyID === name)!.value;
    expect(Array.from(TEXT).slice(offset("sourcemark:start"), offset("sourcemark:end")).join("")).toBe(node.text);
  });

  it("writes a quote as a Quotation spoken by its speaker, and a claim without speaker without author", () => {
    const [, quotation, bare] = output["@graph"];
    expect(quotation).toMatchObject({
      "@type": "Quotation",
      text: "“We did it,”",
      spokenByCharacter: { "@type": "Organization", name: "City of Vela" },
      isPartOf: { "@type": "NewsArticle", headline: "Roads, repaired?" },
    });
    expect(quotation).not.toHaveProperty("spokenByCharacter.alternateName");
    expect(bare).toMatchObject({ "@type": "Claim", text: "The mayor said" });
    expect(bare).not.toHaveProperty("author");
  });

  it("is an empty graph when nothing matches", () => {
    expect(exportOf([], [])).toEqual({ "@context": "https://schema.org", "@graph": [] });
  });
});
