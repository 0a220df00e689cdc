import { describe, expect, it } from "vitest";
import { EXPORT_FORMAT_IDS, FORMAT_CATALOG, IMPORT_FORMAT_IDS, importFormatOfMediaType } from "./catalog";
import { IMPORT_READERS } from "./registry";
import { EXPORT_WRITERS } from "./writers";

describe("the formats registry", () => {
  it("has a writer for exactly the catalog's exporting formats and a reader for its importing ones", () => {
    expect(Object.keys(EXPORT_WRITERS).sort()).toEqual([...EXPORT_FORMAT_IDS].sort());
    expect(Object.keys(IMPORT_READERS).sort()).toEqual([...IMPORT_FORMAT_IDS].sort());
    for (const id of Object.keys(FORMAT_CATALOG) as (keyof typeof FORMAT_CATALOG)[]) {
      expect(FORMAT_CATALOG[id].exports, id).toBe(id in EXPORT_WRITERS);
      expect(FORMAT_CATALOG[id].imports, id).toBe(id in IMPORT_READERS);
    }
  });

  it("tells an import's format from its media type, parameters ignored", () => {
    expect(importFormatOfMediaType('application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"')).toBe("w3c");
    expect(importFormatOfMediaType("Application/X-NDJSON; charset=utf-8")).toBe("jsonl");
    expect(importFormatOfMediaType("application/json")).toBeNull(); // json or w3c: the content decides
    expect(importFormatOfMediaType(null)).toBeNull();
  });
});
