// The article of a fetched page: @mozilla/readability (Firefox's Reader View) on a linkedom DOM
// finds the story among navigation, ads, comments and scripts; its HTML is then reduced to text by
// the HTML import's own htmlToText, so paragraphs are kept exactly as a saved page's would be.
// Title, byline and publication date come from the page's metadata (Open Graph,
// article:published_time, JSON-LD datePublished) as Readability reads it; the language from
// <html lang>, else og:locale, when it is a BCP 47 tag. Nothing is executed:
// linkedom builds a DOM without running scripts or loading resources.

import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { htmlToText } from "../text/html-to-text";
import { canonicalLanguageTag } from "../text/language-tag";
import { normalizeNewlines } from "../text/normalize";

export interface ExtractedArticle {
  title: string;
  text: string;
  byline: string | null;
  /** ISO 8601, or null when the page does not say. */
  publishedAt: string | null;
  /** A BCP 47 tag in canonical form ("en-GB"), or null when the page does not say (or says nonsense). */
  language: string | null;
  /** "article": Readability found the story; "page": it did not, and this is the page's whole text. */
  extraction: "article" | "page";
}

/** A date the page gives, as ISO 8601, when it is a real one. */
function isoDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const date = new Date(value.trim());
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

function firstLine(text: string): string {
  return text.split("\n", 1)[0]?.trim().slice(0, 300) ?? "";
}

/** The text without a first line that only repeats the byline ("By Hana Sato"): it is kept as the byline. */
function withoutBylineLine(text: string, byline: string | null): string {
  if (!byline) return text;
  const [first, ...rest] = text.split("\n");
  const repeated =
    first !== undefined &&
    first
      .trim()
      .replace(/^by\s+/i, "")
      .toLowerCase() === byline.toLowerCase();
  return repeated && rest.length > 0 ? rest.join("\n") : text;
}

/** The page's language: <html lang>, else Open Graph's og:locale ("en_GB", underscores for hyphens). */
function pageLanguage(document: {
  documentElement?: { getAttribute(name: string): string | null } | null;
  querySelector(selector: string): { getAttribute(name: string): string | null } | null;
}): string | null {
  const lang = canonicalLanguageTag(document.documentElement?.getAttribute("lang"));
  if (lang) return lang;
  const locale = document.querySelector('meta[property="og:locale"]')?.getAttribute("content");
  return canonicalLanguageTag(locale?.replace(/_/g, "-"));
}

/** The article of an HTML page (or a plain text page's text), with what its metadata says. */
export function extractArticle(body: string, mediaType: "text/html" | "text/plain", url: string): ExtractedArticle {
  if (mediaType === "text/plain") {
    const text = normalizeNewlines(body).trim();
    return { title: firstLine(text) || new URL(url).hostname, text, byline: null, publishedAt: null, language: null, extraction: "page" };
  }
  const page = htmlToText(body);
  const { document } = parseHTML(body);
  // Read before Readability, which takes the document apart.
  const language = pageLanguage(document);
  // Readability resolves relative links against the document's URL; linkedom has none to give.
  const article = new Readability(document as unknown as Document, { charThreshold: 200 }).parse();
  const byline = article?.byline?.trim().replace(/^by\s+/i, "") || null;
  const articleText = article?.content ? withoutBylineLine(htmlToText(article.content).text, byline) : "";
  const text = articleText || page.text;
  return {
    title: (article?.title?.trim() || page.title || firstLine(text) || new URL(url).hostname).slice(0, 1000),
    text,
    byline,
    publishedAt: isoDate(article?.publishedTime),
    language,
    extraction: articleText ? "article" : "page",
  };
}
