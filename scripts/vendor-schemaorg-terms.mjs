// Writes lib/formats/schemaorg/schemaorg-terms.json: the schema.org terms the `schemaorg` export uses
// (types with their ancestors, properties with their domains and ranges), taken from a release of
// schema.org's vocabulary, so the export's test checks every term without the network.
// Usage: node scripts/vendor-schemaorg-terms.mjs <schemaorg-current-https.jsonld> <release, e.g. 30.0>
// (the file is data/releases/<release>/schemaorg-current-https.jsonld of github.com/schemaorg/schemaorg).

import fs from "node:fs";

const [file, release] = process.argv.slice(2);
if (!file || !release) throw new Error("usage: vendor-schemaorg-terms.mjs <schemaorg-current-https.jsonld> <release>");

const TYPES = ["Claim", "Quotation", "NewsArticle", "Person", "Organization", "PropertyValue"];
const DATA_TYPES = ["Text", "URL", "Date", "DateTime", "Number", "Integer", "Boolean"];
const PROPERTIES = [
  "name",
  "alternateName",
  "description",
  "identifier",
  "url",
  "text",
  "author",
  "appearance",
  "spokenByCharacter",
  "isPartOf",
  "headline",
  "datePublished",
  "inLanguage",
  "propertyID",
  "value",
  "unitText",
];

const graph = JSON.parse(fs.readFileSync(file, "utf8"))["@graph"];
const byId = new Map(graph.map((node) => [node["@id"], node]));
const ids = (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]).map((v) => v["@id"].replace(/^schema:/, ""));
const pending = (node) => ids(node["schema:isPartOf"]).includes("https://pending.schema.org");
const nodeOf = (name) => {
  const node = byId.get(`schema:${name}`);
  if (!node) throw new Error(`schema:${name} is not in ${file}`);
  return node;
};

const types = {};
const addType = (name) => {
  if (types[name]) return;
  const node = nodeOf(name);
  const subClassOf = ids(node["rdfs:subClassOf"]).filter((id) => !id.includes(":"));
  types[name] = { subClassOf, ...(pending(node) ? { pending: true } : {}) };
  subClassOf.forEach(addType);
};
[...TYPES, ...DATA_TYPES].forEach(addType);

const properties = {};
for (const name of PROPERTIES) {
  const node = nodeOf(name);
  properties[name] = {
    domainIncludes: ids(node["schema:domainIncludes"]),
    rangeIncludes: ids(node["schema:rangeIncludes"]),
    ...(pending(node) ? { pending: true } : {}),
  };
}

const out = {
  source: `https://github.com/schemaorg/schemaorg/blob/main/data/releases/${release}/schemaorg-current-https.jsonld`,
  release,
  note: "A subset of schema.org's vocabulary (CC BY-SA 3.0, schema.org): the terms the schemaorg export uses. Regenerate with scripts/vendor-schemaorg-terms.mjs.",
  types,
  properties,
};
fs.writeFileSync(new URL("../lib/formats/schemaorg/schemaorg-terms.json", import.meta.url), `${JSON.stringify(out, null, 2)}\n`);
