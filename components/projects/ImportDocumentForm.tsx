"use client";
// Imports an article into a project: from its web address (fetched and extracted on the server,
// shown here to check and correct first), pasted text, or a .txt/.md/.html file read in the browser
// (HTML reduced to its text by htmlToText, never rendered). With "Suggest quotes and speakers" (on
// and fixed when the project suggests for every document) the new document opens with its quotes
// and speakers proposed. Opens the new document when done.

import { useRouter } from "next/navigation";
import { useId, useRef, useState, type ChangeEvent, type FormEvent } from "react";
import { api, errorMessage } from "@/components/ui/api-client";
import { formatCount } from "@/components/ui/format";
import { codePointLength } from "@/lib/text/code-points";
import { decodeTextFile, importedText, IMPORTABLE_FILE_TYPES, textFileKind } from "@/lib/text/text-file";
import styles from "./projects.module.css";
import { workspaceHref } from "@/components/ui/links";

const FIELD_LABELS = {
  title: "Title",
  text: "Text",
  sourceUrl: "Source URL",
  publishedAt: "Published date",
  byline: "Byline",
  language: "Language",
  url: "Web address",
};

type Phase =
  { kind: "idle" } | { kind: "reading"; fileName: string } | { kind: "fetching"; url: string } | { kind: "importing"; title: string };

interface CreateDocumentBody {
  title: string;
  text: string;
  sourceUrl?: string;
  byline?: string;
  language?: string;
  publishedAt?: string;
  suggest?: boolean;
}

/** What POST …/documents/from-url answers with preview: true. */
interface UrlPreview {
  sourceUrl: string;
  title: string;
  text: string;
  length: number;
  byline: string | null;
  publishedAt: string | null;
  language: string | null;
  extraction: "article" | "page";
}

export function ImportDocumentForm({ projectId, autoSuggest = false }: { projectId: string; autoSuggest?: boolean }) {
  const router = useRouter();
  const id = useId();
  const [title, setTitle] = useState("");
  const [text, setText] = useState("");
  const [sourceUrl, setSourceUrl] = useState("");
  const [publishedAt, setPublishedAt] = useState("");
  // The page's own date-time (with its time of day), kept while the date field still shows its day.
  const [publishedAtExact, setPublishedAtExact] = useState<string | null>(null);
  const [byline, setByline] = useState("");
  const [language, setLanguage] = useState("");
  const [pageUrl, setPageUrl] = useState("");
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [error, setError] = useState<string | null>(null);
  const [fileNote, setFileNote] = useState<string | null>(null);
  const [suggest, setSuggest] = useState(false);
  const titleInput = useRef<HTMLInputElement>(null);
  const busy = phase.kind !== "idle";

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    setError(null);
    setFileNote(null);
    const kind = textFileKind(file.name, file.type);
    if (kind === null) {
      setError(`“${file.name}” is not a .txt, .md, .html or .htm file.`);
      input.value = "";
      return;
    }
    setPhase({ kind: "reading", fileName: file.name });
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const imported = importedText(file.name, kind, decodeTextFile(bytes, kind));
      if (imported.text.trim() === "") {
        setError(`“${file.name}” has no text to import.`);
        input.value = "";
        return;
      }
      setText(imported.text);
      setTitle((current) => (current.trim() === "" ? imported.title : current));
      const length = formatCount(codePointLength(imported.text), "character", "characters");
      setFileNote(
        kind === "html"
          ? `Read “${file.name}”: ${length} of text; markup, scripts and styles removed. Check the text below.`
          : `Read “${file.name}”: ${length}.`,
      );
    } catch {
      setError(`“${file.name}” could not be read.`);
      input.value = "";
    } finally {
      setPhase({ kind: "idle" });
    }
  }

  async function onFetch() {
    const url = pageUrl.trim();
    if (!url) {
      setError("Type the article’s web address first.");
      return;
    }
    setError(null);
    setFileNote(null);
    setPhase({ kind: "fetching", url });
    try {
      const { preview } = await api<{ preview: UrlPreview }>(`/api/v1/projects/${encodeURIComponent(projectId)}/documents/from-url`, {
        method: "POST",
        json: { url, preview: true },
      });
      setTitle(preview.title);
      setText(preview.text);
      setSourceUrl(preview.sourceUrl);
      setByline(preview.byline ?? "");
      setLanguage(preview.language ?? "");
      setPublishedAt(preview.publishedAt ? preview.publishedAt.slice(0, 10) : "");
      setPublishedAtExact(preview.publishedAt);
      const length = formatCount(preview.length, "character", "characters");
      setFileNote(
        preview.extraction === "article"
          ? `Fetched “${preview.title}”: ${length}, the article only (navigation, ads and comments left out). Check the text below, then import.`
          : `Fetched “${preview.title}”: ${length}, the page’s whole text (no article was found in it). Remove what is not the article, then import.`,
      );
      titleInput.current?.focus();
    } catch (e) {
      setError(errorMessage(e, FIELD_LABELS));
    } finally {
      setPhase({ kind: "idle" });
    }
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body: CreateDocumentBody = { title: title.trim(), text };
    if (sourceUrl.trim() !== "") body.sourceUrl = sourceUrl.trim();
    if (byline.trim() !== "") body.byline = byline.trim();
    if (language.trim() !== "") body.language = language.trim();
    if (publishedAt !== "") body.publishedAt = publishedAtExact?.startsWith(publishedAt) ? publishedAtExact : publishedAt;
    if (suggest && !autoSuggest) body.suggest = true;
    setError(null);
    setPhase({ kind: "importing", title: body.title });
    try {
      const document = await api<{ id: string }>(`/api/v1/projects/${encodeURIComponent(projectId)}/documents`, {
        method: "POST",
        json: body,
      });
      // Stay busy until the workspace has loaded: the form must not be sent twice.
      router.push(workspaceHref(document.id));
    } catch (e) {
      setError(errorMessage(e, FIELD_LABELS));
      setPhase({ kind: "idle" });
      titleInput.current?.focus();
    }
  }

  const progress =
    phase.kind === "reading"
      ? `Reading “${phase.fileName}”…`
      : phase.kind === "fetching"
        ? `Fetching ${phase.url}…`
        : phase.kind === "importing"
          ? `Importing “${phase.title}”${suggest || autoSuggest ? " and finding its quotes and speakers" : ""}…`
          : (fileNote ?? "");

  return (
    <form className={styles.form} onSubmit={onSubmit} aria-labelledby={`${id}-heading`} aria-busy={busy}>
      <h2 id={`${id}-heading`}>Import document</h2>
      <fieldset className={styles.fieldset} disabled={busy}>
        <div className={styles.field}>
          <label htmlFor={`${id}-page`}>From a web address</label>
          <div className={styles.inline}>
            <input
              id={`${id}-page`}
              type="url"
              inputMode="url"
              placeholder="https://news.example/article"
              value={pageUrl}
              onChange={(e) => setPageUrl(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === "Enter") {
                  e.preventDefault();
                  void onFetch();
                }
              }}
              maxLength={2048}
              aria-describedby={`${id}-page-hint`}
            />
            <button type="button" className="secondary" onClick={() => void onFetch()}>
              {phase.kind === "fetching" ? "Fetching…" : "Fetch article"}
            </button>
          </div>
          <p id={`${id}-page-hint`} className={styles.hint}>
            The server fetches the page and keeps only the article, with its title, byline and date, for you to check below.
          </p>
        </div>
        <div className={styles.field}>
          <label htmlFor={`${id}-file`}>Upload file</label>
          <input id={`${id}-file`} type="file" accept={IMPORTABLE_FILE_TYPES} onChange={onFile} aria-describedby={`${id}-file-hint`} />
          <p id={`${id}-file-hint`} className={styles.hint}>
            .txt, .md, .html or .htm. A web page is reduced to its text; you can check it before importing.
          </p>
        </div>
        <div className={styles.field}>
          <label htmlFor={`${id}-title`}>Title</label>
          <input id={`${id}-title`} ref={titleInput} value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={1000} />
        </div>
        <div className={styles.field}>
          <label htmlFor={`${id}-text`}>Text</label>
          <textarea
            id={`${id}-text`}
            className={styles.textArea}
            value={text}
            onChange={(e) => setText(e.target.value)}
            required
            spellCheck={false}
            aria-describedby={`${id}-text-hint`}
          />
          <p id={`${id}-text-hint`} className={styles.hint}>
            Paste the article, or upload a file above. The text cannot be changed after import.
          </p>
        </div>
        <div className={styles.fieldRow}>
          <div className={styles.field}>
            <label htmlFor={`${id}-source`}>Source URL</label>
            <input
              id={`${id}-source`}
              type="url"
              inputMode="url"
              placeholder="https://"
              value={sourceUrl}
              onChange={(e) => setSourceUrl(e.target.value)}
              maxLength={2048}
            />
          </div>
          <div className={styles.field}>
            <label htmlFor={`${id}-published`}>Published date</label>
            <input id={`${id}-published`} type="date" value={publishedAt} onChange={(e) => setPublishedAt(e.target.value)} />
          </div>
          <div className={styles.field}>
            <label htmlFor={`${id}-byline`}>Byline</label>
            <input id={`${id}-byline`} value={byline} onChange={(e) => setByline(e.target.value)} maxLength={1000} />
          </div>
          <div className={styles.field}>
            <label htmlFor={`${id}-language`}>Language</label>
            <input
              id={`${id}-language`}
              value={language}
              onChange={(e) => setLanguage(e.target.value)}
              maxLength={100}
              placeholder="en, pt-BR"
              aria-describedby={`${id}-language-hint`}
            />
            <p id={`${id}-language-hint`} className={styles.hint}>
              Optional: a BCP 47 tag such as en or pt-BR.
            </p>
          </div>
        </div>
        <div className={styles.field}>
          <label className={styles.check}>
            <input
              type="checkbox"
              checked={suggest || autoSuggest}
              disabled={autoSuggest}
              onChange={(e) => setSuggest(e.target.checked)}
              aria-describedby={`${id}-suggest-hint`}
            />
            Suggest quotes and speakers
          </label>
          <p id={`${id}-suggest-hint`} className={styles.hint}>
            {autoSuggest
              ? "On for every document of this project (its settings say so)."
              : "The document opens with its quotes, their cues and speakers proposed, for you to accept, correct or dismiss."}
          </p>
        </div>
        <div className={styles.actions}>
          <button type="submit">{phase.kind === "importing" ? "Importing…" : "Import document"}</button>
        </div>
      </fieldset>
      <p role="status" className={styles.status}>
        {progress}
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
}
