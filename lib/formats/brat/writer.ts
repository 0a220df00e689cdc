// `brat`: a zip with `<document>.txt` and `<document>.ann` per document in brat's standoff format:
// T lines for spans (types Claim and Quote; a span across lines becomes fragments "s1 e1;s2 e2"
// split at the newlines, as brat itself writes them), a Cue T line and a CueOf relation (R line,
// Arg1 the cue, Arg2 the span) for a span's cue, A lines for the quote kind, # AnnotatorNotes
// for the speaker (and a second one, "Note: …", for a note, its backslashes, newlines, tabs and
// carriage returns escaped as \\, \n, \t, \r since an .ann line cannot hold them), plus
// annotation.conf, which declares the types, the CueOf relation, and that claims, quotes and cues
// may overlap and nest (<OVERLAP>). Offsets are code points into the .txt — what brat (Python)
// counts — and equal the JSON export's: spans never start or end with whitespace (the API refuses
// them); one stored before that rule has its end newlines left out of its fragments.

import type { ExportAnnotation, ExportDocument, ExportFormat, ExportWriter } from "../../export/export-types";
import { hasQuoteKind, LABEL_INFO, LABELS, QUOTE_KINDS, type Label } from "../../model/vocabulary";
import { CodePointIndex } from "../../text/code-points";
import { ZipWriter } from "./zip-writer";

/** brat's entity type of each label ("Claim", "Quote"). */
const ENTITY = (label: Label) => LABEL_INFO[label].name;

/** The entity type of a cue (the reporting verb), and the relation from a cue to its claim or quote. */
const CUE = "Cue";
const CUE_OF = "CueOf";
const SPAN_TYPES = [...LABELS.map(ENTITY), CUE].join("|");

export const BRAT_ANNOTATION_CONF = `[entities]
${LABELS.map(ENTITY).join("\n")}
${CUE}

[relations]
${CUE_OF} Arg1:${CUE}, Arg2:${LABELS.map(ENTITY).join("|")}
<OVERLAP> Arg1:${SPAN_TYPES}, Arg2:${SPAN_TYPES}, <OVL-TYPE>:<ANY>

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

/** A T line's offsets and text for the span `[start, end)` whose text is `exact`; null if it is only newlines. */
function textBound(exact: string, start: number): string | null {
  const points = Array.from(exact);
  const fragments = fragmentsOf(points, start);
  if (fragments.length === 0) return null; // only newlines: nothing brat can show
  const text = fragments.map(([s, e]) => points.slice(s - start, e - start).join("")).join(" ");
  return `${fragments.map(([s, e]) => `${s} ${e}`).join(";")}\t${text}`;
}

/** The .ann lines for one document's annotations (`index`: the document's text, for the cues). */
export function bratAnnLines(annotations: ExportAnnotation[], index: CodePointIndex): string {
  const lines: string[] = [];
  let t = 0;
  let a = 0;
  let r = 0;
  let n = 0;
  for (const annotation of annotations) {
    const bound = textBound(annotation.exact, annotation.start);
    if (!bound) continue;
    const id = `T${++t}`;
    lines.push(`${id}\t${ENTITY(annotation.label)} ${bound}`);
    if (annotation.cueStart != null && annotation.cueEnd != null) {
      const cue = textBound(index.slice(annotation.cueStart, annotation.cueEnd), annotation.cueStart);
      if (cue) {
        const cueId = `T${++t}`;
        lines.push(`${cueId}\t${CUE} ${cue}`, `R${++r}\t${CUE_OF} Arg1:${cueId} Arg2:${id}`);
      }
    }
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
        const ann = zip.file(`${stem}.ann`, bratAnnLines(current, new CodePointIndex(document.text ?? "")));
        current = [];
        return Buffer.concat([txt, ann]);
      },
      end: () => zip.finish(),
    };
  },
};
