// Every kind of change Sourcemark records, in one registry: what it is about (its subject) and,
// for annotations, the action the history API reports. A new kind is one line here; the stream,
// the history and the tests read this table. Pure.

export type ChangeSubject = "annotation" | "speaker" | "document" | "comment" | "project";

export interface ChangeKindInfo {
  subject: ChangeSubject;
  /** The `action` of an annotation's history entry (API: create, update, delete). */
  historyAction?: "create" | "update" | "delete" | "review";
  /** The subject is gone: a stream sends only its id (and where it was), not its image. */
  removal?: true;
  /** Sent on project streams only, never on a document's. */
  projectStreamOnly?: true;
}

export const CHANGE_KINDS = {
  "annotation.created": { subject: "annotation", historyAction: "create" },
  "annotation.updated": { subject: "annotation", historyAction: "update" },
  "annotation.deleted": { subject: "annotation", historyAction: "delete", removal: true },
  // A restore puts the annotation back as it was: for the history API it is created again.
  "annotation.restored": { subject: "annotation", historyAction: "create" },
  // A review sets the status (and who, when, why) without touching the content or its version.
  "annotation.reviewed": { subject: "annotation", historyAction: "review" },
  "speaker.created": { subject: "speaker" },
  "speaker.updated": { subject: "speaker" },
  // Merged into another speaker and gone: the event's image is {id, into}.
  "speaker.merged": { subject: "speaker" },
  "document.created": { subject: "document", projectStreamOnly: true },
  // Its metadata (the language) changed; the text never does.
  "document.updated": { subject: "document", projectStreamOnly: true },
  // With its annotations and comments; their history is kept.
  "document.deleted": { subject: "document", removal: true },
  "project.deleted": { subject: "project", removal: true },
  "comment.created": { subject: "comment" },
  "comment.updated": { subject: "comment" },
  "comment.deleted": { subject: "comment", removal: true },
} as const satisfies Record<string, ChangeKindInfo>;

export type ChangeKind = keyof typeof CHANGE_KINDS;

export const CHANGE_KIND_NAMES = Object.keys(CHANGE_KINDS) as ChangeKind[];

export function isChangeKind(value: string): value is ChangeKind {
  return Object.hasOwn(CHANGE_KINDS, value);
}

/** The kinds about one subject ("annotation" → annotation.created, …). */
export function kindsOf(subject: ChangeSubject): ChangeKind[] {
  return CHANGE_KIND_NAMES.filter((kind) => CHANGE_KINDS[kind].subject === subject);
}

/** Facts of a kind, typed loosely enough to read any flag. */
export function kindInfo(kind: ChangeKind): ChangeKindInfo {
  return CHANGE_KINDS[kind];
}

/** Kinds sent on project streams only. */
export const PROJECT_STREAM_ONLY_KINDS = CHANGE_KIND_NAMES.filter((kind) => kindInfo(kind).projectStreamOnly);
