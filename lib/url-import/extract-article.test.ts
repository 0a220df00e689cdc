// The page's language: <html lang>, else og:locale, as a canonical BCP 47 tag; nothing when neither
// says a valid one.

import { describe, expect, it } from "vitest";
import { extractArticle } from "./extract-article";

const page = (html: string, head = "") =>
  `<!doctype html>${html}<head><title>T</title>${head}</head><body><article><p>${"Words of the article. ".repeat(30)}</p></article></body></html>`;

describe("extractArticle: language", () => {
  it.each<[string, string, string | null]>([
    ['<html lang="pt-br">', "", "pt-BR"],
    ['<html lang="EN">', '<meta property="og:locale" content="fr_FR" />', "en"],
    ["<html>", '<meta property="og:locale" content="en_GB" />', "en-GB"],
    ['<html lang="">', '<meta property="og:locale" content="zh_Hant_TW" />', "zh-Hant-TW"],
    ['<html lang="English (UK)">', '<meta property="og:locale" content="de_DE" />', "de-DE"],
    ["<html>", '<meta property="og:locale" content="not a locale" />', null],
    ["<html>", "", null],
  ])("%s %s → %j", (html, head, language) => {
    expect(extractArticle(page(html, head), "text/html", "https://news.example/a").language).toBe(language);
  });

  it("a plain text page has none", () => {
    expect(extractArticle("Plain words", "text/plain", "https://news.example/a").language).toBeNull();
  });
});
