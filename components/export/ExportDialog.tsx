"use client";
// "Export annotations": a dialog to choose a format and filters, then download with progress
// (bytes and records so far); Cancel stops the download. Formats and filters are those of the API.

import { useEffect, useId, useRef, useState } from "react";
import { apiAll, errorMessage } from "@/components/ui/api-client";
import { ANNOTATION_STATUSES, LABEL_INFO, LABELS, STATUS_NAMES } from "@/lib/model/vocabulary";
import {
  EXPORT_FORMATS,
  exportUrl,
  fileNameOf,
  formatBytes,
  type CellMode,
  type ExportFilters,
  type ExportFormatId,
} from "./export-request";

interface Option {
  id: string;
  name: string;
}

const NO_FILTERS: ExportFilters = { documentId: "", label: "", speakerId: "", status: "", author: "" };

/**
 * The export button and its dialog. From the search page it opens on the search's filters, and
 * exports only what matches the search's words and dates (shown, not editable: they are the search's).
 */
export function ExportDialog({
  projectId,
  initialFilters = NO_FILTERS,
  buttonLabel = "Export annotations",
}: {
  projectId: string;
  initialFilters?: ExportFilters;
  buttonLabel?: string;
}) {
  const dialog = useRef<HTMLDialogElement | null>(null);
  const titleId = useId();
  const [format, setFormat] = useState<ExportFormatId>("json");
  const [cells, setCells] = useState<CellMode>("safe");
  const [filters, setFilters] = useState<ExportFilters>(initialFilters);
  const [options, setOptions] = useState<{ documents: Option[]; speakers: Option[]; members: Option[] } | null>(null);
  const [progress, setProgress] = useState<{ bytes: number; records: number } | null>(null);
  const [message, setMessage] = useState<{ kind: "error" | "done"; text: string } | null>(null);
  const abort = useRef<AbortController | null>(null);

  useEffect(() => () => abort.current?.abort(), []);

  const open = async () => {
    setMessage(null);
    dialog.current?.showModal();
    if (options) return;
    try {
      const [documents, speakers, members] = await Promise.all([
        apiAll<{ id: string; title: string }>(`/api/v1/projects/${projectId}/documents`),
        apiAll<{ id: string; name: string }>(`/api/v1/projects/${projectId}/speakers`),
        apiAll<{ userId: string; name: string }>(`/api/v1/projects/${projectId}/members`),
      ]);
      setOptions({
        documents: documents.map((d) => ({ id: d.id, name: d.title })),
        speakers: speakers.map((s) => ({ id: s.id, name: s.name })),
        members: members.map((m) => ({ id: m.userId, name: m.name })),
      });
    } catch (error) {
      // The export still works unfiltered; say why the filter lists are empty.
      setOptions({ documents: [], speakers: [], members: [] });
      setMessage({ kind: "error", text: `Could not load the filter lists: ${errorMessage(error)}` });
    }
  };

  const download = async () => {
    const controller = new AbortController();
    abort.current = controller;
    setMessage(null);
    setProgress({ bytes: 0, records: 0 });
    try {
      const response = await fetch(exportUrl(projectId, format, filters, cells), { signal: controller.signal });
      if (!response.ok || !response.body) {
        const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
        throw new Error(body?.error?.message ?? `The export failed (${response.status}).`);
      }
      const reader = response.body.getReader();
      const chunks: Uint8Array[] = [];
      let bytes = 0;
      let records = 0;
      let lastPaint = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        bytes += value.byteLength;
        for (let i = 0; i < value.length; i++) if (value[i] === 10) records++;
        if (performance.now() - lastPaint > 100) {
          lastPaint = performance.now();
          setProgress({ bytes, records });
        }
      }
      setProgress({ bytes, records });
      const name = fileNameOf(response.headers.get("content-disposition"), `export.${format}`);
      const url = URL.createObjectURL(
        new Blob(chunks as BlobPart[], { type: response.headers.get("content-type") ?? "application/octet-stream" }),
      );
      const link = document.createElement("a");
      link.href = url;
      link.download = name;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setMessage({ kind: "done", text: `Downloaded ${name} (${formatBytes(bytes)}).` });
    } catch (error) {
      if (controller.signal.aborted) setMessage({ kind: "error", text: "Export cancelled." });
      else setMessage({ kind: "error", text: (error as Error).message || "The server could not be reached." });
    } finally {
      abort.current = null;
      setProgress(null);
    }
  };

  const select = (label: string, key: keyof ExportFilters, choices: [string, string][]) => (
    <label className="export-field">
      <span>{label}</span>
      <select value={filters[key]} onChange={(event) => setFilters({ ...filters, [key]: event.target.value })}>
        {choices.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );

  const busy = progress !== null;
  return (
    <>
      <button type="button" className="secondary" onClick={open}>
        {buttonLabel}
      </button>
      <dialog ref={dialog} aria-labelledby={titleId} className="export-dialog" onClose={() => abort.current?.abort()}>
        <h2 id={titleId}>Export annotations</h2>
        <form
          method="dialog"
          className="stack"
          onSubmit={(event) => {
            event.preventDefault();
            if (!busy) void download();
          }}
        >
          <label className="export-field">
            <span>Format</span>
            <select value={format} onChange={(event) => setFormat(event.target.value as ExportFormatId)}>
              {EXPORT_FORMATS.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.label}
                </option>
              ))}
            </select>
          </label>
          {format === "csv" && (
            <fieldset className="export-cells">
              <legend>Cells</legend>
              <label>
                <input type="radio" name="cells" value="safe" checked={cells === "safe"} onChange={() => setCells("safe")} /> For
                spreadsheets: cells starting with =, +, - or @ get a leading &apos; so they never run as formulas.
              </label>
              <label>
                <input type="radio" name="cells" value="raw" checked={cells === "raw"} onChange={() => setCells("raw")} /> For data
                pipelines (pandas): every cell as it is, so text always equals the document&apos;s text[start:end].
              </label>
            </fieldset>
          )}
          {format === "schemaorg" && (
            <p className="muted">
              Claims as schema.org Claim, quotes as Quotation, each with its speaker and article; choose Label: Claims for claims only.
            </p>
          )}
          <fieldset className="export-cells">
            <legend>Layer</legend>
            <label>
              <input
                type="radio"
                name="layer"
                value="all"
                checked={!filters.layer}
                onChange={() => setFilters((current) => ({ ...current, layer: "" }))}
              />{" "}
              All annotations, with their authors
            </label>
            <label>
              <input
                type="radio"
                name="layer"
                value="curated"
                checked={filters.layer === "curated"}
                onChange={() => setFilters((current) => ({ ...current, layer: "curated" }))}
              />{" "}
              Curated layer only: the adjudicated gold data
            </label>
          </fieldset>
          <fieldset className="export-filters">
            <legend>Filters</legend>
            {select("Document", "documentId", [
              ["", "All documents"],
              ...(options?.documents ?? []).map((d): [string, string] => [d.id, d.name]),
            ])}
            {select("Label", "label", [["", "All labels"], ...LABELS.map((label): [string, string] => [label, LABEL_INFO[label].plural])])}
            {select("Speaker", "speakerId", [
              ["", "All speakers"],
              ...(options?.speakers ?? []).map((s): [string, string] => [s.id, s.name]),
            ])}
            {select("Status", "status", [
              ["", "Any status"],
              ...ANNOTATION_STATUSES.map((status): [string, string] => [status, STATUS_NAMES[status]]),
            ])}
            {select("Author", "author", [["", "Anyone"], ...(options?.members ?? []).map((m): [string, string] => [m.id, m.name])])}
          </fieldset>
          {(filters.q || filters.from || filters.to) && (
            <p>
              Only annotations matching the search
              {filters.q ? ` “${filters.q}”` : ""}
              {filters.from ? `, from ${filters.from}` : ""}
              {filters.to ? `, up to ${filters.to}` : ""}.
            </p>
          )}
          <p className="muted">
            Offsets are Unicode code points, as Python counts them (Label Studio and doccano files: UTF-16 units, as those tools count);
            every record carries its text.
          </p>
          <div role="status" aria-live="polite" className="export-progress">
            {busy && (
              <>
                <progress aria-label="Export progress" />
                <span>
                  Downloading… {formatBytes(progress.bytes)}
                  {progress.records > 0 && format !== "brat" ? `, ${progress.records.toLocaleString()} lines` : ""}
                </span>
              </>
            )}
            {message?.kind === "done" && <span>{message.text}</span>}
          </div>
          {message?.kind === "error" && (
            <p role="alert" className="error">
              {message.text}
            </p>
          )}
          <div className="row">
            <button type="submit" disabled={busy}>
              Download
            </button>
            {busy ? (
              <button type="button" className="secondary" onClick={() => abort.current?.abort()}>
                Cancel export
              </button>
            ) : (
              <button type="button" className="secondary" onClick={() => dialog.current?.close()}>
                Close
              </button>
            )}
          </div>
        </form>
      </dialog>
    </>
  );
}
