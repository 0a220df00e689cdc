import { describe, expect, it } from "vitest";
import { canonicalLanguageTag } from "./language-tag";

describe("canonicalLanguageTag", () => {
  it.each<[string | null | undefined, string | null]>([
    ["en", "en"],
    ["EN-us", "en-US"],
    [" pt-br ", "pt-BR"],
    ["zh-hant-tw", "zh-Hant-TW"],
    ["sr-Latn", "sr-Latn"],
    ["fr-CA", "fr-CA"],
    ["de-DE-1996", "de-DE-1996"],
    ["Français", null],
    ["en US", null],
    ["en-", null],
    ["123", null],
    ["en_US", null],
    ["e", null],
    ["", null],
    [null, null],
    [undefined, null],
  ])("%j → %j", (value, expected) => {
    expect(canonicalLanguageTag(value)).toBe(expected);
  });
});
