"use client";
// The Speakers tab: a searchable table of the project's speakers, each editable in place and
// linked to its own page, and the form that adds one. Controls appear only for roles that may use them.

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { api } from "@/components/ui/api-client";
import { formatCount, formatNumber } from "@/components/ui/format";
import { useReturnFocus } from "@/components/ui/use-return-focus";
import { speakerMatches } from "@/lib/speakers/speaker-fields";
import type { SpeakerView } from "@/lib/speakers/speakers";
import { SPEAKER_KIND_LABELS } from "./labels";
import styles from "./projects.module.css";
import { SpeakerForm, type SpeakerFormValues } from "./SpeakerForm";
import { TableRegion } from "./TableRegion";

export function SpeakersPanel({
  projectId,
  speakers,
  mayCreate,
  mayUpdate,
}: {
  projectId: string;
  speakers: SpeakerView[];
  mayCreate: boolean;
  mayUpdate: boolean;
}) {
  const router = useRouter();
  const [, startTransition] = useTransition();
  const [query, setQuery] = useState("");
  const [editingId, setEditingId] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const editButtons = useReturnFocus(editingId !== null);

  const visible = speakers.filter((speaker) => speaker.id === editingId || speakerMatches(speaker, query));
  const columns = mayUpdate ? 6 : 5;

  function closeEdit(speakerId: string) {
    setEditingId(null);
    editButtons.returnFocusTo(speakerId);
  }

  async function create(values: SpeakerFormValues) {
    const speaker = await api<SpeakerView>(`/api/v1/projects/${encodeURIComponent(projectId)}/speakers`, {
      method: "POST",
      json: values,
    });
    startTransition(() => {
      setAnnouncement(`Added ${speaker.name}.`);
      router.refresh();
    });
  }

  async function save(speakerId: string, values: SpeakerFormValues) {
    const speaker = await api<SpeakerView>(`/api/v1/speakers/${encodeURIComponent(speakerId)}`, {
      method: "PATCH",
      json: values,
    });
    // Close the form together with the refreshed row, so the old values never flash back.
    startTransition(() => {
      closeEdit(speakerId);
      setAnnouncement(`Saved ${speaker.name}.`);
      router.refresh();
    });
  }

  return (
    <>
      <section className={styles.section}>
        <h2 id="speakers-heading">Speakers</h2>
        {speakers.length > 0 && (
          <div className={styles.search}>
            <label htmlFor="speaker-search">Search speakers</label>
            <input
              id="speaker-search"
              type="search"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              placeholder="Name or alias"
              autoComplete="off"
            />
            {query.trim() !== "" && (
              <span className="muted" aria-live="polite">
                {formatCount(visible.length, "match", "matches")}
              </span>
            )}
          </div>
        )}
        {speakers.length === 0 ? (
          <p className="muted">No speakers yet.</p>
        ) : visible.length === 0 ? (
          <p className="muted">No speaker’s name or alias contains “{query.trim()}”.</p>
        ) : (
          <TableRegion labelledBy="speakers-heading">
            <table className={styles.table} aria-labelledby="speakers-heading">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Aliases</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Description</th>
                  <th scope="col" className={styles.number}>
                    Annotations
                  </th>
                  {mayUpdate && (
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {visible.map((speaker) =>
                  speaker.id === editingId ? (
                    <tr key={speaker.id} className={styles.editRow}>
                      <td colSpan={columns}>
                        <SpeakerForm
                          label={`Edit ${speaker.name}`}
                          initial={speaker}
                          submitLabel="Save"
                          busyLabel="Saving…"
                          onSubmit={(values) => save(speaker.id, values)}
                          onCancel={() => closeEdit(speaker.id)}
                          autoFocus
                        />
                      </td>
                    </tr>
                  ) : (
                    <tr key={speaker.id}>
                      <th scope="row" className={styles.wide}>
                        <Link href={`/projects/${encodeURIComponent(projectId)}/speakers/${encodeURIComponent(speaker.id)}`}>
                          {speaker.name}
                        </Link>
                      </th>
                      <td className={styles.wide}>
                        {speaker.aliases.length > 0 ? (
                          <ul className={styles.aliases}>
                            {speaker.aliases.map((alias) => (
                              <li key={alias}>{alias}</li>
                            ))}
                          </ul>
                        ) : (
                          <span className="muted">none</span>
                        )}
                      </td>
                      <td>{SPEAKER_KIND_LABELS[speaker.kind]}</td>
                      <td className={styles.wide}>{speaker.description ?? <span className="muted">none</span>}</td>
                      <td className={styles.number}>{formatNumber(speaker.annotationCount)}</td>
                      {mayUpdate && (
                        <td>
                          <button
                            type="button"
                            className="secondary"
                            ref={editButtons.register(speaker.id)}
                            onClick={() => {
                              setEditingId(speaker.id);
                              setAnnouncement("");
                            }}
                          >
                            Edit<span className="visually-hidden"> {speaker.name}</span>
                          </button>
                        </td>
                      )}
                    </tr>
                  ),
                )}
              </tbody>
            </table>
          </TableRegion>
        )}
        <p role="status" className={styles.status}>
          {announcement}
        </p>
      </section>
      {mayCreate ? (
        <section className={styles.section}>
          <h2 id="new-speaker-heading">New speaker</h2>
          <SpeakerForm label="New speaker" submitLabel="Add speaker" busyLabel="Adding…" onSubmit={create} />
        </section>
      ) : (
        <p className="muted">Your role lets you see the speakers but not add or change them.</p>
      )}
    </>
  );
}
