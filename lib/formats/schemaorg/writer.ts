// `schemaorg`: schema.org JSON-LD for fact-checkers, one `@graph` whose items a fact-checking CMS can
// wrap in a `ClaimReview` (`itemReviewed`). A claim is a `Claim`: its `text`, its speaker as
// `author` (a `Person` or `Organization` with aliases as `alternateName` and the description), and
// the article it appears in as `appearance` (a `NewsArticle` with `url`, `headline`,
// `datePublished`, the byline as `author`, `inLanguage`). A quote is a `Quotation` (its speaker as
// `spokenByCharacter`, the article as `isPartOf`): the filters choose (`?label=claim` for claims
// only), as in every format. Sourcemark's ids and offsets (code points, half-open) are `identifier`
// PropertyValues with `propertyID` "sourcemark:…" — schema.org's own way to carry a foreign id.
// Claim, Quotation, appearance and spokenByCharacter are in schema.org's "pending" area (release
// 30.0); every term used is checked against lib/formats/schemaorg/schemaorg-terms.json by the test.

import type { ExportAnnotation, ExportDocument, ExportFormat, ExportSpeaker, ExportWriter } from "../../export/export-types";

export const SCHEMA_ORG_CONTEXT = "https://schema.org";

export interface SchemaPropertyValue {
  "@type": "PropertyValue";
  propertyID: string;
  value: string | number;
  unitText?: string;
}

export interface SchemaAgent {
  "@type": "Person" | "Organization";
  "@id"?: string;
  name: string;
  alternateName?: string[];
  description?: string;
}

export interface SchemaNewsArticle {
  "@type": "NewsArticle";
  headline: string;
  url?: string;
  datePublished?: string;
  author?: SchemaAgent;
  inLanguage?: string;
  identifier: SchemaPropertyValue[];
}

export interface SchemaClaim {
  "@type": "Claim";
  "@id": string;
  text: string;
  author?: SchemaAgent;
  appearance: SchemaNewsArticle;
  inLanguage?: string;
  identifier: SchemaPropertyValue[];
}

export interface SchemaQuotation {
  "@type": "Quotation";
  "@id": string;
  text: string;
  spokenByCharacter?: SchemaAgent;
  isPartOf: SchemaNewsArticle;
  inLanguage?: string;
  identifier: SchemaPropertyValue[];
}

export type SchemaItem = SchemaClaim | SchemaQuotation;

const CODE_POINTS = "Unicode code points";

const idValue = (propertyID: string, value: string): SchemaPropertyValue => ({ "@type": "PropertyValue", propertyID, value });
const offsetValue = (propertyID: string, value: number): SchemaPropertyValue => ({
  "@type": "PropertyValue",
  propertyID,
  value,
  unitText: CODE_POINTS,
});

/** The speaker as a schema.org agent; a speaker the export did not read (none) is a Person by its name. */
export function toSchemaAgent(speaker: { id: string; name: string }, known?: ExportSpeaker): SchemaAgent {
  return {
    "@type": known?.kind === "organization" ? "Organization" : "Person",
    "@id": `urn:uuid:${speaker.id}`,
    name: speaker.name,
    ...(known?.aliases.length ? { alternateName: known.aliases } : {}),
    ...(known?.description ? { description: known.description } : {}),
  };
}

/** The document as the NewsArticle a claim appears in. */
export function toSchemaArticle(d: ExportDocument): SchemaNewsArticle {
  return {
    "@type": "NewsArticle",
    headline: d.title,
    ...(d.sourceUrl ? { url: d.sourceUrl } : {}),
    ...(d.publishedAt ? { datePublished: d.publishedAt } : {}),
    // A byline is a name as the article prints it: given as a Person's name (schema.org has no "byline").
    ...(d.byline ? { author: { "@type": "Person" as const, name: d.byline } } : {}),
    ...(d.language ? { inLanguage: d.language } : {}),
    identifier: [idValue("sourcemark:documentId", d.id)],
  };
}

/** One annotation as a Claim (claims) or a Quotation (quotes). */
export function toSchemaItem(a: ExportAnnotation, d: ExportDocument, speakers: ReadonlyMap<string, ExportSpeaker>): SchemaItem {
  const identifier = [
    idValue("sourcemark:annotationId", a.id),
    offsetValue("sourcemark:start", a.start),
    offsetValue("sourcemark:end", a.end),
  ];
  if (a.cueStart != null && a.cueEnd != null) {
    identifier.push(offsetValue("sourcemark:cueStart", a.cueStart), offsetValue("sourcemark:cueEnd", a.cueEnd));
  }
  const agent = a.speaker ? toSchemaAgent(a.speaker, speakers.get(a.speaker.id)) : undefined;
  const article = toSchemaArticle(d);
  const language = d.language ? { inLanguage: d.language } : {};
  if (a.label === "claim") {
    return {
      "@type": "Claim",
      "@id": `urn:uuid:${a.id}`,
      text: a.exact,
      ...(agent ? { author: agent } : {}),
      appearance: article,
      ...language,
      identifier,
    };
  }
  return {
    "@type": "Quotation",
    "@id": `urn:uuid:${a.id}`,
    text: a.exact,
    ...(agent ? { spokenByCharacter: agent } : {}),
    isPartOf: article,
    ...language,
    identifier,
  };
}

export const schemaOrgFormat: ExportFormat = {
  // Each item names its article: read with the documents (URL, date, byline, language).
  shape: "documents",
  needsSpeakers: true,
  comments: "none",
  createWriter(): ExportWriter {
    let speakers = new Map<string, ExportSpeaker>();
    let count = 0;
    return {
      begin(_meta, all) {
        speakers = new Map(all.map((s) => [s.id, s]));
        return `{"@context":${JSON.stringify(SCHEMA_ORG_CONTEXT)},"@graph":[`;
      },
      document: () => "",
      annotation(a: ExportAnnotation, d: ExportDocument) {
        return `${count++ === 0 ? "" : ","}\n${JSON.stringify(toSchemaItem(a, d, speakers))}`;
      },
      endDocument: () => "",
      end: () => "\n]}\n",
    };
  },
};
