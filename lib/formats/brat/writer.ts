// `brat`: a zip with `<document>.txt` and `<document>.ann` per document in brat's standoff format:
// T lines for spans (types Claim and Quote; a span across lines becomes fragments "s1 e1;s2 e2"
// split at the newlines, as brat itself writes them), A lines for the quote kind, # AnnotatorNotes
// for the speaker (and a second one, "Note: …", for a note, its backslashes, newlines, tabs and
// carriage returns escaped as \\, \n, \t, \r since an .ann line cannot hold them), plus
// annotation.conf, which declares that claims and quotes may overlap and nest (<OVERLAP>). Offsets
// are code points into the .txt — what brat (Python) counts. A newline at a span's start or end is
// left out of its fragments (brat cannot show one), so such a T line is shorter than the span.

import type { ExportAnnotation, ExportDocument, ExportFormat, ExportWriter } from "../../export/export-types";
import { hasQuoteKind, LABEL_INFO, LABELS, QUOTE_KINDS, type Label } from "../../model/vocabulary";
import { ZipWriter } from "./zip-writer";

/** brat's entity type of each label ("Claim", "Quote"). */
const ENTITY = (label: Label) => LABEL_INFO[label].name;

export const BRAT_ANNOTATION_CONF = `[entities]
${LABELS.map(ENTITY).join("\n")}

[relations]
<OVERLAP> Arg1:${LABELS.map(ENTITY).join("|")}, Arg2:${LABELS.map(ENTITY).join("|")}, <OVL-TYPE>:<ANY>

[events]

[attributes]
QuoteKind Arg:${LABELS.filter(hasQuoteKind).map(ENTITY).join("|")}, Value:${QUOTE_KINDS.join("|")}
`;

/** A file-name stem for a document: its title made safe, plus the start of its id. */
export function bratFileStem(document: { id: string; title: string }): string {
  const slug = document.title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .toLowerCase();
  return `${slug || "document"}-${document.id.slice(0, 8)}`;
}

/** Fragments of the span that contain no "\n" (a brat line cannot hold one), in code points. */
function fragmentsOf(exactPoints: string[], start: number): [number, number][] {
  const fragments: [number, number][] = [];
  let from: number | null = null;
  exactPoints.forEach((ch, i) => {
    if (ch === "\n") {
      if (from !== null) fragments.push([start + from, start + i]);
      from = null;
    } else if (from === null) from = i;
  });
  if (from !== null) fragments.push([start + from, start + exactPoints.length]);
  return fragments;
}

const NOTE_ESCAPES: Record<string, string> = { "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r" };

/** A note on one .ann line: backslash, newline, tab and carriage return escaped (\\ \n \t \r). */
export function escapeNote(note: string): string {
  return note.replace(/[\\\n\t\r]/g, (c) => NOTE_ESCAPES[c] as string);
}

/** The .ann lines for one document's annotations. */
export function bratAnnLines(annotations: ExportAnnotation[]): string {
  const lines: string[] = [];
  let t = 0;
  let a = 0;
  let n = 0;
  for (const annotation of annotations) {
    const points = Array.from(annotation.exact);
    const fragments = fragmentsOf(points, annotation.start);
    if (fragments.length === 0) continue; // only newlines: nothing brat can show
    const id = `T${++t}`;
    const type = ENTITY(annotation.label);
    const text = fragments.map(([s, e]) => points.slice(s - annotation.start, e - annotation.start).join("")).join(" ");
    lines.push(`${id}\t${type} ${fragments.map(([s, e]) => `${s} ${e}`).join(";")}\t${text}`);
    if (annotation.quoteKind) lines.push(`A${++a}\tQuoteKind ${id} ${annotation.quoteKind}`);
    if (annotation.speaker) lines.push(`#${++n}\tAnnotatorNotes ${id}\t${annotation.speaker.name.replace(/[\t\n]/g, " ")}`);
    if (annotation.note) lines.push(`#${++n}\tAnnotatorNotes ${id}\tNote: ${escapeNote(annotation.note)}`);
  }
  return lines.length ? `${lines.join("\n")}\n` : "";
}

export const bratFormat: ExportFormat = {
  shape: "documents",
  needsSpeakers: false,
  comments: "none",
  createWriter(): ExportWriter {
    const zip = new ZipWriter();
    let current: ExportAnnotation[] = [];
    return {
      begin: () => zip.file("annotation.conf", BRAT_ANNOTATION_CONF),
      document() {
        current = [];
        return "";
      },
      annotation(annotation) {
        current.push(annotation);
        return "";
      },
      endDocument(document: ExportDocument) {
        const stem = zip.uniqueName(`${bratFileStem(document)}.txt`).slice(0, -".txt".length);
        const txt = zip.file(`${stem}.txt`, document.text ?? "");
        const ann = zip.file(`${stem}.ann`, bratAnnLines(current));
        current = [];
        return Buffer.concat([txt, ann]);
      },
      end: () => zip.finish(),
    };
  },
};
