// The one place that answers "may a member with this role do X". Route handlers and domain code ask
// here; nothing else compares role names. Matrix from API.md's Roles section.

export const ROLES = ["owner", "reviewer", "annotator", "viewer"] as const;
export type Role = (typeof ROLES)[number];

export type Action =
  | "project.read"
  | "project.export"
  | "project.manage"
  | "member.manage"
  | "document.create"
  | "document.delete"
  | "speaker.create"
  | "speaker.update"
  | "annotation.create"
  | "annotation.editOwn"
  | "annotation.editAny"
  | "annotation.deleteOwn"
  | "annotation.deleteAny"
  | "annotation.review"
  | "annotation.readAll"
  | "assignment.manage"
  | "annotation.curate"
  | "comment.create"
  | "comment.deleteAny";

const EVERYONE: readonly Role[] = ROLES;
const WRITERS: readonly Role[] = ["owner", "reviewer", "annotator"];

const MATRIX: Record<Action, readonly Role[]> = {
  "project.read": EVERYONE,
  "project.export": EVERYONE,
  "project.manage": ["owner"],
  "member.manage": ["owner"],
  "document.create": WRITERS,
  // Deleting an article deletes everyone's work on it: the owner's call.
  "document.delete": ["owner"],
  "speaker.create": WRITERS,
  // Speakers are shared vocabulary; whoever may attribute may also add an alias or fix a name.
  "speaker.update": WRITERS,
  "annotation.create": WRITERS,
  "annotation.editOwn": WRITERS,
  "annotation.editAny": ["owner", "reviewer"],
  "annotation.deleteOwn": WRITERS,
  // Reviewers correct attributions and reject bad spans; removing other people's work is the owner's call.
  "annotation.deleteAny": ["owner"],
  "annotation.review": ["owner", "reviewer"],
  // In an independent project (blind double annotation) the others see only their own annotations.
  "annotation.readAll": ["owner", "reviewer"],
  // Handing documents out to annotators (issue 10): the owner's call, like membership.
  "assignment.manage": ["owner"],
  // Agreement and the curated (gold) layer: who settles the annotators' differences.
  "annotation.curate": ["owner", "reviewer"],
  // Whoever works on the annotations discusses them; viewers read the threads. A comment is
  // edited only by its author; removing someone else's is the owner's call, as for annotations.
  "comment.create": WRITERS,
  "comment.deleteAny": ["owner"],
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function can(role: Role, action: Action): boolean {
  return MATRIX[action].includes(role);
}

/** The roles allowed `action`, for queries that check membership in the statement that acts. */
export function rolesAllowed(action: Action): Role[] {
  return [...MATRIX[action]];
}

/** May `role` change an annotation (its span, label, speaker, kind, note)? */
export function canEditAnnotation(role: Role, isAuthor: boolean): boolean {
  return can(role, "annotation.editAny") || (isAuthor && can(role, "annotation.editOwn"));
}

export function canDeleteAnnotation(role: Role, isAuthor: boolean): boolean {
  return can(role, "annotation.deleteAny") || (isAuthor && can(role, "annotation.deleteOwn"));
}

/** May `role` edit a comment? Only its author, while their role still allows commenting. */
export function canEditComment(role: Role, isAuthor: boolean): boolean {
  return isAuthor && can(role, "comment.create");
}

export function canDeleteComment(role: Role, isAuthor: boolean): boolean {
  return can(role, "comment.deleteAny") || canEditComment(role, isAuthor);
}
