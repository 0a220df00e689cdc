// `json` import: a Sourcemark json export. Its documents are created (with their texts), then their
// annotations checked against them; speakers come with their aliases, kind and description.

import { validationFailed } from "../../errors/domain-error";
import { isJsonObject, sourceIdsOf, type ImportSpeaker } from "../../import/import-record";
import type { ImportSession } from "../../import/import-session";
import { newlineOffsetMap, normalizeNewlines } from "../../text/normalize";

function speakerOf(value: unknown, details: Map<string, ImportSpeaker>): ImportSpeaker | null {
  if (!isJsonObject(value) || typeof value.name !== "string") return null;
  const known = typeof value.id === "string" ? details.get(value.id) : undefined;
  return known ?? { name: value.name };
}

/** Our json export: documents are created, then their annotations checked against them. */
export async function importJsonExport(session: ImportSession, body: unknown): Promise<void> {
  if (!isJsonObject(body) || !Array.isArray(body.documents)) {
    throw validationFailed("A json import is a Sourcemark json export: an object with a documents array.", {
      documents: "missing or not an array",
    });
  }
  const speakers = new Map<string, ImportSpeaker>();
  if (Array.isArray(body.speakers)) {
    for (const s of body.speakers) {
      if (!isJsonObject(s) || typeof s.id !== "string" || typeof s.name !== "string") continue;
      speakers.set(s.id, {
        name: s.name,
        aliases: Array.isArray(s.aliases) ? s.aliases.filter((a): a is string => typeof a === "string") : [],
        kind: s.kind === "organization" ? "organization" : "person",
        description: typeof s.description === "string" ? s.description : null,
      });
    }
  }
  for (const [i, doc] of body.documents.entries()) {
    const ref = `documents[${i}]`;
    const annotations = isJsonObject(doc) && Array.isArray(doc.annotations) ? doc.annotations : [];
    const created = isJsonObject(doc)
      ? await session.createDocument({
          ref,
          title: doc.title,
          text: doc.text,
          sourceUrl: doc.sourceUrl,
          publishedAt: doc.publishedAt,
          language: doc.language,
        })
      : session.rejectDocument(ref, "a document must be an object");
    // Offsets are into the text as the file gives it; the document keeps it with LF line endings.
    const stored = isJsonObject(doc) && typeof doc.text === "string" ? newlineOffsetMap(doc.text) : null;
    const moved = (offset: unknown) => (stored && Number.isInteger(offset) ? stored(offset as number) : offset);
    for (const [j, a] of annotations.entries()) {
      const spanRef = `${ref}.annotations[${j}]`;
      if (!created) {
        session.skip(spanRef, `its document (${ref}) was not imported`);
        continue;
      }
      if (!isJsonObject(a)) {
        session.skip(spanRef, "an annotation must be an object");
        continue;
      }
      await session.add({
        ref: spanRef,
        document: { created },
        label: a.label,
        quoteKind: a.quoteKind,
        start: moved(a.start),
        end: moved(a.end),
        exact: stored && typeof a.exact === "string" ? normalizeNewlines(a.exact) : a.exact,
        cueStart: moved(a.cueStart),
        cueEnd: moved(a.cueEnd),
        speaker: speakerOf(a.speaker, speakers),
        note: a.note,
        status: a.status,
        sourceIds: sourceIdsOf(a),
      });
    }
  }
  await session.flush();
}
