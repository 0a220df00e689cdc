"use client";
// The curation view's actions: per span group accept a version into the curated layer (as it is, or
// edited first), or discard the group for now; accept every unanimous span at once; un-curate a
// curated span (its ordinary DELETE). Each action reloads the server's view.

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { AnnotationView } from "@/lib/annotations/annotation-view";
import type { CurationVersion, CurationGroup } from "@/lib/curation/curation-groups";
import type { CurationView as CurationData } from "@/lib/curation/curation";
import { LABEL_INFO, LABELS, QUOTE_KINDS } from "@/lib/model/vocabulary";

interface Props {
  documentId: string;
  view: CurationData;
  speakers: { id: string; name: string }[];
}

async function post(url: string, body?: unknown): Promise<string | null> {
  const response = await fetch(url, {
    method: "POST",
    headers: body ? { "content-type": "application/json" } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  if (response.ok) return null;
  const error = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  return error?.error?.message ?? `The server answered ${response.status}.`;
}

export function CurationView({ documentId, view, speakers }: Props) {
  const router = useRouter();
  const [saving, setSaving] = useState(false);
  // The server's view is reloaded after each action; until it has arrived, the counts on the page
  // are the old ones, so the actions wait (a second "accept every unanimous span" would repeat the first).
  const [reloading, startReload] = useTransition();
  const busy = saving || reloading;
  const [message, setMessage] = useState<string | null>(null);
  const [discarded, setDiscarded] = useState<Set<number>>(new Set());
  const total = view.finished.length;
  const unanimous = view.groups.filter((g) => g.unanimous && g.curatedIds.length === 0).length;

  async function act(work: () => Promise<string | null>, done: string) {
    setSaving(true);
    setMessage(null);
    const error = await work();
    setSaving(false);
    setMessage(error ?? done);
    if (!error) startReload(() => router.refresh());
  }

  return (
    <div className="stack">
      <p>
        {total > 0
          ? `${total} annotators marked this document done: ${view.finished.map((u) => u.name).join(", ")}.`
          : "No annotator has marked this document done yet; showing everyone's spans."}
      </p>
      <p>
        <button
          type="button"
          disabled={busy || unanimous === 0}
          onClick={() => {
            if (!window.confirm(`Accept ${unanimous} unanimous span${unanimous === 1 ? "" : "s"} into the curated layer?`)) return;
            void act(() => post(`/api/v1/documents/${encodeURIComponent(documentId)}/curation/unanimous`), `Accepted the unanimous spans.`);
          }}
        >
          Accept every unanimous span ({unanimous})
        </button>
      </p>
      <p role="status" aria-live="polite">
        {saving ? "Saving…" : reloading ? `${message ?? ""} Updating the view…`.trim() : message}
      </p>

      <h2>Span groups</h2>
      <ol className="stack" aria-label="Span groups">
        {view.groups.map((group, index) =>
          discarded.has(index) ? (
            <li key={index}>
              Discarded for now ({group.start}–{group.end}).{" "}
              <button type="button" onClick={() => setDiscarded((d) => new Set([...d].filter((i) => i !== index)))}>
                Undo
              </button>
            </li>
          ) : (
            <GroupItem
              key={index}
              group={group}
              total={total}
              speakers={speakers}
              busy={busy}
              onAccept={(from, corrections) =>
                act(
                  () => post(`/api/v1/documents/${encodeURIComponent(documentId)}/curation`, { from, ...corrections }),
                  "Accepted into the curated layer.",
                )
              }
              onDiscard={() => setDiscarded((d) => new Set([...d, index]))}
            />
          ),
        )}
      </ol>

      <h2>Curated layer ({view.curated.length})</h2>
      <ul aria-label="Curated spans">
        {view.curated.map((a) => (
          <CuratedItem
            key={a.id}
            annotation={a}
            busy={busy}
            onUncurate={() => act(() => remove(a.id), "Removed from the curated layer.")}
          />
        ))}
      </ul>
    </div>
  );
}

async function remove(annotationId: string): Promise<string | null> {
  const response = await fetch(`/api/v1/annotations/${encodeURIComponent(annotationId)}`, { method: "DELETE" });
  return response.ok ? null : `The server answered ${response.status}.`;
}

function describe(v: Pick<CurationVersion, "label" | "quoteKind" | "speaker">): string {
  return [LABEL_INFO[v.label].plural.replace(/s$/, ""), v.quoteKind, v.speaker ? `by ${v.speaker.name}` : "no speaker"]
    .filter(Boolean)
    .join(", ");
}

function CuratedItem({ annotation, busy, onUncurate }: { annotation: AnnotationView; busy: boolean; onUncurate: () => void }) {
  return (
    <li>
      <q>{annotation.exact}</q> — {describe(annotation)} (curated by {annotation.curatedBy?.name ?? "?"}){" "}
      <button
        type="button"
        disabled={busy}
        onClick={() => {
          if (window.confirm(`Remove “${annotation.exact}” from the curated layer?`)) onUncurate();
        }}
      >
        Un-curate
      </button>
    </li>
  );
}

interface Corrections {
  label?: string;
  quoteKind?: string | null;
  speakerId?: string | null;
  start?: number;
  end?: number;
}

function GroupItem({
  group,
  total,
  speakers,
  busy,
  onAccept,
  onDiscard,
}: {
  group: CurationGroup;
  total: number;
  speakers: Props["speakers"];
  busy: boolean;
  onAccept: (from: string, corrections?: Corrections) => Promise<void>;
  onDiscard: () => void;
}) {
  const [editing, setEditing] = useState<CurationVersion | null>(null);
  const settled = group.curatedIds.length > 0;
  return (
    <li aria-label={`Span group at ${group.start}–${group.end}`}>
      {settled && <strong>Curated ✓ </strong>}
      {group.unanimous && <span>Unanimous </span>}
      <ul>
        {group.versions.map((v) => (
          <li key={v.annotationIds[0]}>
            <q>{v.exact}</q> — {describe(v)} —{" "}
            <span>
              {v.authors.length}/{Math.max(total, v.authors.length)}
            </span>{" "}
            ({v.authors.map((a) => a.name).join(", ")}) [{v.start}–{v.end}]{" "}
            <button type="button" disabled={busy} onClick={() => void onAccept(v.annotationIds[0] as string)}>
              Accept
            </button>{" "}
            <button type="button" disabled={busy} onClick={() => setEditing(v)}>
              Edit
            </button>
          </li>
        ))}
      </ul>
      {!settled && (
        <button type="button" disabled={busy} onClick={onDiscard}>
          Discard
        </button>
      )}
      {editing && (
        <EditForm
          version={editing}
          speakers={speakers}
          busy={busy}
          onCancel={() => setEditing(null)}
          onSubmit={async (corrections) => {
            await onAccept(editing.annotationIds[0] as string, corrections);
            setEditing(null);
          }}
        />
      )}
    </li>
  );
}

function EditForm({
  version,
  speakers,
  busy,
  onCancel,
  onSubmit,
}: {
  version: CurationVersion;
  speakers: Props["speakers"];
  busy: boolean;
  onCancel: () => void;
  onSubmit: (corrections: Corrections) => Promise<void>;
}) {
  const [label, setLabel] = useState<string>(version.label);
  const [quoteKind, setQuoteKind] = useState<string>(version.quoteKind ?? "");
  const [speakerId, setSpeakerId] = useState<string>(version.speaker?.id ?? "");
  const [start, setStart] = useState(version.start);
  const [end, setEnd] = useState(version.end);
  return (
    <form
      aria-label="Edit before accepting"
      onSubmit={(event) => {
        event.preventDefault();
        void onSubmit({ label, quoteKind: label === "quote" ? quoteKind || null : null, speakerId: speakerId || null, start, end });
      }}
    >
      <label>
        Label{" "}
        <select value={label} onChange={(e) => setLabel(e.target.value)}>
          {LABELS.map((l) => (
            <option key={l} value={l}>
              {LABEL_INFO[l].plural}
            </option>
          ))}
        </select>
      </label>{" "}
      {label === "quote" && (
        <label>
          Kind{" "}
          <select value={quoteKind} onChange={(e) => setQuoteKind(e.target.value)}>
            <option value="">(default)</option>
            {QUOTE_KINDS.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </label>
      )}{" "}
      <label>
        Speaker{" "}
        <select value={speakerId} onChange={(e) => setSpeakerId(e.target.value)}>
          <option value="">(none)</option>
          {speakers.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>{" "}
      <label>
        Start <input type="number" min={0} value={start} onChange={(e) => setStart(Number(e.target.value))} />
      </label>{" "}
      <label>
        End <input type="number" min={0} value={end} onChange={(e) => setEnd(Number(e.target.value))} />
      </label>{" "}
      <button type="submit" disabled={busy}>
        Accept edited
      </button>{" "}
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}
