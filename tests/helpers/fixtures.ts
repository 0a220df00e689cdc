// Shared test fixtures: an article full of the characters that break other tools' offsets, and
// a way to fill a project with annotations over it.

import { call, newProjectWithDocument, type TestUser } from "./api";

/** Emoji, skin tones, ZWJ sequences, flags, combining marks, CJK and RTL, before and inside spans. */
export const TRICKY_TEXT = [
  "🚢 Tokyo 🇯🇵 — the ministry 👍🏽 said: “We will formally join, 👨‍👩‍👧 together.”",
  'Analyst Jiro Mi\u0301nier: "=SUM(A1:A9) is not a policy" and -1 for the plan.',
  "中国外交部发言人赵立坚说：“日本应当深刻反省历史。”",
  'قال المتحدث: «هذه خطوة حاسمة» — ובעברית: "צעד מכריע".',
  "@everyone +1 e\u0301te\u0301 ☃︎ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 end.",
].join("\n");

export interface SpanSpec {
  label: "claim" | "quote";
  exact: string;
  /** Which occurrence of `exact` (0-based). */
  occurrence?: number;
  speaker?: string;
  note?: string;
  quoteKind?: "direct" | "indirect" | "mixed";
}

export const TRICKY_SPANS: SpanSpec[] = [
  { label: "quote", exact: "“We will formally join, 👨‍👩‍👧 together.”", speaker: "Japanese Ministry of Defense", note: '=HYPERLINK("x")' },
  { label: "claim", exact: "🚢 Tokyo 🇯🇵", note: "+emoji at the very start" },
  { label: "quote", exact: '"=SUM(A1:A9) is not a policy"', speaker: "Jiro Minier", quoteKind: "direct" },
  { label: "claim", exact: "-1 for the plan", note: "-starts with minus" },
  { label: "quote", exact: "“日本应当深刻反省历史。”", speaker: "Zhao Lijian" },
  { label: "claim", exact: "«هذه خطوة حاسمة»", speaker: "Zhao Lijian", note: "@mention\ttab" },
  { label: "quote", exact: '"צעד מכריע"', quoteKind: "mixed" },
  { label: "claim", exact: "@everyone +1 e\u0301te\u0301", note: "\rcarriage" },
  { label: "claim", exact: "𝔘𝔫𝔦𝔠𝔬𝔡𝔢" },
  // Nested inside the first quote.
  { label: "claim", exact: "👨‍👩‍👧 together" },
  // Across two paragraphs.
  { label: "claim", exact: 'policy" and -1 for the plan.\n中国外交部' },
];

/** Code point offsets of the n-th occurrence of `exact` in `text`. */
export function codePointSpan(text: string, exact: string, occurrence = 0): { start: number; end: number } {
  let from = 0;
  let index = -1;
  for (let i = 0; i <= occurrence; i++) {
    index = text.indexOf(exact, from);
    if (index < 0) throw new Error(`"${exact}" not found`);
    from = index + 1;
  }
  const start = Array.from(text.slice(0, index)).length;
  return { start, end: start + Array.from(exact).length };
}

/** A project holding TRICKY_TEXT with TRICKY_SPANS annotated (speakers created as needed). */
export async function trickyProject(owner: TestUser, title = "Tricky 🚢 article") {
  const { projectId, documentId } = await newProjectWithDocument(owner, TRICKY_TEXT, title);
  const speakers = new Map<string, string>();
  for (const span of TRICKY_SPANS) {
    if (span.speaker && !speakers.has(span.speaker)) {
      const created = await call("POST", `/api/v1/projects/${projectId}/speakers`, { token: owner.token, body: { name: span.speaker } });
      speakers.set(span.speaker, created.body.id);
    }
  }
  const annotationIds: string[] = [];
  for (const span of TRICKY_SPANS) {
    const { start, end } = codePointSpan(TRICKY_TEXT, span.exact, span.occurrence);
    const created = await call("POST", `/api/v1/documents/${documentId}/annotations`, {
      token: owner.token,
      body: {
        label: span.label,
        start,
        end,
        exact: span.exact,
        speakerId: span.speaker ? speakers.get(span.speaker) : undefined,
        note: span.note,
        quoteKind: span.quoteKind,
      },
    });
    if (created.status !== 201) throw new Error(`fixture span failed: ${created.text}`);
    annotationIds.push(created.body.id);
  }
  return { projectId, documentId, speakers, annotationIds };
}
