// The annotation model's vocabulary — labels, quote kinds, review statuses, speaker kinds, project
// annotation modes — derived
// once from the Prisma enums (prisma/schema.prisma is the source), with the names people read and
// the keys they press. Everything else (zod schemas, SQL casts, forms, filters, exports) uses these
// lists, so a third label is one line in the schema plus one entry below, and the compiler finds
// every place that must handle it. Pure and browser-safe: the generated enums file has no runtime.

import { AnnotationMode, AnnotationStatus, Label, QuoteKind, SpeakerKind } from "../db/generated/enums";

export { AnnotationMode, AnnotationStatus, Label, QuoteKind, SpeakerKind };

/** The values of a Prisma enum object, in schema order, as a non-empty tuple (what z.enum takes). */
function valuesOf<T extends Record<string, string>>(enumObject: T): [T[keyof T], ...T[keyof T][]] {
  return Object.values(enumObject) as [T[keyof T], ...T[keyof T][]];
}

export const LABELS = valuesOf(Label);
export const QUOTE_KINDS = valuesOf(QuoteKind);
export const ANNOTATION_STATUSES = valuesOf(AnnotationStatus);
export const SPEAKER_KINDS = valuesOf(SpeakerKind);
/** shared (everyone sees every annotation) or independent (blind double annotation). */
export const ANNOTATION_MODES = valuesOf(AnnotationMode);

export interface LabelInfo {
  /** "Claim": badges, buttons, brat entity types. */
  name: string;
  /** "Claims": filters. */
  plural: string;
  /** The workspace's one-key shortcut, lower case. */
  key: string;
}

export const LABEL_INFO = {
  claim: { name: "Claim", plural: "Claims", key: "c" },
  quote: { name: "Quote", plural: "Quotes", key: "q" },
} as const satisfies Record<Label, LabelInfo>;

export const QUOTE_KIND_NAMES = {
  direct: "Direct",
  indirect: "Indirect",
  mixed: "Mixed",
} as const satisfies Record<QuoteKind, string>;

export const STATUS_NAMES = {
  pending: "Pending",
  accepted: "Accepted",
  rejected: "Rejected",
} as const satisfies Record<AnnotationStatus, string>;

export const SPEAKER_KIND_NAMES = {
  person: "Person",
  organization: "Organization",
} as const satisfies Record<SpeakerKind, string>;

/** The label a shortcut key stands for ("c" → claim), if any. */
export function labelForKey(key: string): Label | undefined {
  const lower = key.toLowerCase();
  return LABELS.find((label) => LABEL_INFO[label].key === lower);
}

export function isLabel(value: unknown): value is Label {
  return typeof value === "string" && (LABELS as readonly string[]).includes(value);
}

/**
 * The label other tools' files name, in any case ("Quote", "CLAIM", "claim"): imports from W3C,
 * Label Studio and doccano read labels through this. Anything else is returned unchanged, for the
 * schema to refuse by name.
 */
export function labelOfName(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const lower = value.trim().toLowerCase();
  return LABELS.find((label) => label === lower || LABEL_INFO[label].name.toLowerCase() === lower) ?? value;
}

export function isQuoteKind(value: unknown): value is QuoteKind {
  return typeof value === "string" && (QUOTE_KINDS as readonly string[]).includes(value);
}

export function isAnnotationStatus(value: unknown): value is AnnotationStatus {
  return typeof value === "string" && (ANNOTATION_STATUSES as readonly string[]).includes(value);
}

/** Only quotes have a quote kind. */
export function hasQuoteKind(label: Label): boolean {
  return label === Label.quote;
}
