"use client";
// "Import annotations": upload a Sourcemark json export, a jsonl export or W3C annotations, with
// upload progress, then the server's report: what was created and every record refused, and why.
// "Suggest quotes and speakers" has the documents it creates get their suggestions (always on when
// the project suggests for every document).

import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { FORMAT_CATALOG } from "@/lib/formats/catalog";
import type { ImportReport } from "@/lib/import/import-record";
import { formatBytes, IMPORT_FILE_TYPES, IMPORT_FORMATS, importFormatOfFile } from "./export-request";

function formatFor(file: File, chosen: string): string {
  return chosen || importFormatOfFile(file.name); // "" : the server tells json from w3c by the content
}

/** The media type to send a file of `format` with (its catalog's import type, else JSON). */
function contentTypeFor(format: string): string {
  const info = FORMAT_CATALOG[format as keyof typeof FORMAT_CATALOG] as { importMediaTypes?: readonly string[] } | undefined;
  return info?.importMediaTypes?.[0] ?? "application/json";
}

function upload(
  url: string,
  file: File,
  contentType: string,
  onProgress: (sent: number) => void,
): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", url);
    request.setRequestHeader("Content-Type", contentType);
    request.upload.onprogress = (event) => onProgress(event.loaded);
    request.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(request.responseText);
      } catch {
        body = null;
      }
      resolve({ status: request.status, body });
    };
    request.onerror = () => reject(new Error("The server could not be reached."));
    request.send(file);
  });
}

export function ImportAnnotationsForm({ projectId, autoSuggest = false }: { projectId: string; autoSuggest?: boolean }) {
  const router = useRouter();
  const fileId = useId();
  const suggestId = useId();
  const formatId = useId();
  const [state, setState] = useState<{ phase: "idle" | "uploading" | "writing"; sent: number; total: number }>({
    phase: "idle",
    sent: 0,
    total: 0,
  });
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) {
      setError("Choose a file to import.");
      return;
    }
    const format = formatFor(file, String(form.get("format") ?? ""));
    const query = new URLSearchParams();
    if (format) query.set("format", format);
    if (!autoSuggest && form.get("suggest") === "on") query.set("suggest", "true");
    setError(null);
    setReport(null);
    setState({ phase: "uploading", sent: 0, total: file.size });
    try {
      const result = await upload(
        `/api/v1/projects/${projectId}/import${query.size > 0 ? `?${query}` : ""}`,
        file,
        contentTypeFor(format),
        (sent) => setState({ phase: sent >= file.size ? "writing" : "uploading", sent, total: file.size }),
      );
      if (result.status !== 200) {
        const message = (result.body as { error?: { message?: string } } | null)?.error?.message;
        setError(message ?? `The import failed (${result.status}).`);
      } else {
        setReport(result.body as ImportReport);
        router.refresh();
      }
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setState({ phase: "idle", sent: 0, total: 0 });
    }
  }

  const busy = state.phase !== "idle";
  return (
    <form className="stack" onSubmit={onSubmit} aria-labelledby={`${formatId}-title`}>
      <h2 id={`${formatId}-title`}>Import annotations</h2>
      <p className="muted">
        A Sourcemark JSON export (documents, annotations and speakers), a JSON Lines export (lines attach to this project’s documents by id,
        else by title) or W3C Web Annotations. Every span is checked against its text; records that fail are listed and not written.
      </p>
      <div className="row">
        <label htmlFor={fileId}>Annotations file</label>
        <input id={fileId} name="file" type="file" accept={IMPORT_FILE_TYPES} required />
        <label htmlFor={formatId}>Import format</label>
        <select id={formatId} name="format" defaultValue="">
          <option value="">Detect from the file</option>
          {IMPORT_FORMATS.map((f) => (
            <option key={f.id} value={f.id}>
              {f.label}
            </option>
          ))}
        </select>
        <label htmlFor={suggestId} className="inline">
          <input
            id={suggestId}
            name="suggest"
            type="checkbox"
            defaultChecked={autoSuggest}
            disabled={autoSuggest}
            title={autoSuggest ? "On for every document of this project" : undefined}
          />
          Suggest quotes and speakers in new documents
        </label>
        <button type="submit" disabled={busy}>
          {busy ? "Importing…" : "Import"}
        </button>
      </div>
      <div role="status" aria-live="polite">
        {state.phase === "uploading" && (
          <>
            <progress aria-label="Upload progress" max={state.total} value={state.sent} /> Uploading {formatBytes(state.sent)} of{" "}
            {formatBytes(state.total)}
          </>
        )}
        {state.phase === "writing" && (
          <>
            <progress aria-label="Import progress" /> Checking spans and writing…
          </>
        )}
        {report && (
          <p>
            Imported {report.annotations.created.toLocaleString()} annotations
            {report.documents.created ? `, ${report.documents.created} documents` : ""}
            {report.speakers.created ? `, ${report.speakers.created} new speakers` : ""}.{" "}
            {report.documents.suggested ? `Quotes and speakers were suggested in ${report.documents.suggested} of the new documents. ` : ""}
            {report.annotations.alreadyPresent ? `${report.annotations.alreadyPresent.toLocaleString()} were already present. ` : ""}
            {report.annotations.reanchored ? `${report.annotations.reanchored.toLocaleString()} were re-anchored by their quote. ` : ""}
            {report.errorCount > 0 ? `${report.errorCount.toLocaleString()} records were refused.` : "Nothing was refused."}
          </p>
        )}
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {report && report.errors.length > 0 && (
        <table className="import-errors">
          <caption>Refused records{report.errorCount > report.errors.length ? ` (first ${report.errors.length})` : ""}</caption>
          <thead>
            <tr>
              <th scope="col">Record</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {report.errors.map((e, i) => (
              <tr key={i}>
                <td>{e.ref}</td>
                <td>{e.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </form>
  );
}
