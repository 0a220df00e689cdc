// Import from a web address: fetch the page (safe-fetch.ts), extract its article
// (extract-article.ts), and either show what would be created (a preview the analyst corrects
// before creating the document through the ordinary POST …/documents) or create it at once
// through the one document writer. Membership is checked before anything is fetched.

import { z } from "zod";
import { projectAccess } from "../auth/access";
import type { Actor } from "../auth/authenticate";
import { limitUrlImport } from "../auth/rate-limits";
import { createDocument, prepareDocumentText } from "../documents/documents";
import { documentViewSchema, type DocumentView } from "../documents/document-view";
import { validationFailed } from "../errors/domain-error";
import { given } from "../validation/parse-input";
import type { ImportUrlInput } from "../validation/schemas";
import { extractArticle } from "./extract-article";
import { fetchPage, type FetchOptions } from "./safe-fetch";

/** A document as it would be created: the document's own fields, from the page (its language from <html lang>, else og:locale). */
export const urlPreviewSchema = documentViewSchema
  .pick({ title: true, text: true, length: true, byline: true, publishedAt: true, language: true })
  .extend({
    /** The address the page was read from, after redirects: the document's sourceUrl. */
    sourceUrl: z.string(),
    /** "article": the story was found among the page's navigation, ads and comments; "page": the page's whole text. */
    extraction: z.enum(["article", "page"]),
  });
export type UrlPreview = z.infer<typeof urlPreviewSchema>;

/** What the page at `url` would become (nothing stored). */
export async function previewUrl(actor: Actor, projectId: string, url: string, options?: FetchOptions): Promise<UrlPreview> {
  await projectAccess(actor, projectId, "document.create");
  await limitUrlImport(actor.id);
  const page = await fetchPage(url, options);
  const article = extractArticle(page.body, page.mediaType as "text/html" | "text/plain", page.url);
  if (!article.text.trim()) throw validationFailed("The page cannot be imported: it has no text.", { url: "the page has no text" });
  const { text, length } = prepareDocumentText(article.text, "url");
  return {
    sourceUrl: page.url,
    title: article.title,
    text,
    length,
    byline: article.byline,
    publishedAt: article.publishedAt,
    language: article.language,
    extraction: article.extraction,
  };
}

/** POST …/documents/from-url: the preview, or the document created from it. */
export async function importFromUrl(
  actor: Actor,
  projectId: string,
  input: ImportUrlInput,
  options?: FetchOptions,
): Promise<{ preview: UrlPreview } | { document: DocumentView }> {
  const preview = await previewUrl(actor, projectId, input.url, options);
  if (input.preview) return { preview };
  const { sourceUrl, title, text, byline, publishedAt, language } = preview;
  const document = await createDocument({
    actor,
    projectId,
    input: given({
      title,
      text,
      sourceUrl,
      byline,
      language,
      publishedAt: publishedAt ? new Date(publishedAt) : null,
      suggest: input.suggest,
    }),
  });
  return { document };
}
