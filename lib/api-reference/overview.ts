// The reference's introduction (info.description, Markdown): the rules every route follows. Facts
// the code holds — statuses, the role matrix, body limits, the quote context length — are read
// from it, so the text cannot drift from what the server does.

import { can, ROLES, type Action } from "../auth/roles";
import { SESSION_COOKIE } from "../auth/authenticate";
import { STATUS_OF } from "../http/api-route";
import { DEFAULT_BODY_LIMIT, DOCUMENT_BODY_LIMIT } from "../http/read-body";
import { QUOTE_CONTEXT_LENGTH } from "../text/quote-selector";
import { ERROR_CODES, ERROR_INFO } from "./errors";

/** What each action of the role matrix lets a member do; null for an action no route uses yet. */
const ACTION_NAMES = {
  "project.read": "read the project: documents, speakers, annotations, history, members",
  "project.export": "export",
  "project.manage": "delete the project",
  "member.manage": "add members, change their roles, remove them",
  "document.create": "import documents and annotations",
  "document.delete": "delete documents",
  "speaker.create": "create speakers",
  "speaker.update": "edit speakers",
  "annotation.create": "create annotations",
  "annotation.editOwn": "edit their own annotations",
  "annotation.editAny": "edit any annotation",
  "annotation.deleteOwn": "delete and restore their own annotations",
  "annotation.deleteAny": "delete and restore any annotation",
  "annotation.review": "review annotations: accept, reject (with a reason), back to pending",
  "annotation.readAll": "see everyone's annotations in an independent project (others see only their own)",
  "assignment.manage": "assign documents to members",
  "annotation.curate": "see agreement between annotators, curate the gold layer",
  "comment.create": "comment on annotations, edit their own comments",
  "comment.deleteAny": "delete anyone's comment",
} as const satisfies Record<Action, string | null>;

const megabytes = (bytes: number) => `${bytes / 1024 / 1024} MB`;

function errorTable(): string {
  const rows = ERROR_CODES.map((code) => `| ${STATUS_OF[code]} | \`${code}\` | ${ERROR_INFO[code].when} |`);
  return ["| status | code | when |", "| --- | --- | --- |", ...rows].join("\n");
}

function roleTable(): string {
  const actions = (Object.keys(ACTION_NAMES) as Action[]).filter((action) => ACTION_NAMES[action] !== null);
  const rows = actions.map((action) => `| ${ACTION_NAMES[action]} | ${ROLES.map((role) => (can(role, action) ? "✓" : "—")).join(" | ")} |`);
  return [`| a member may … | ${ROLES.join(" | ")} |`, `| --- | ${ROLES.map(() => "---").join(" | ")} |`, ...rows].join("\n");
}

export function apiOverview(): string {
  return `Sourcemark's HTTP API v1: projects and their members, documents, speakers, annotations and their
history, exports and imports. Scripts and other tools depend on it, so it is extended, never changed
without a reason written in the project's README.

## Conventions
- JSON in and out (\`Content-Type: application/json\`), except the files of exports and imports.
- Authentication: an API token, \`Authorization: Bearer smk_…\` (\`npm run -s admin -- create-token --email …\`
  prints one), or the web session cookie \`${SESSION_COOKIE}\` that sign-in sets. A cookie-authenticated
  write must come from the app's own origin (else 403). Credentials are cached in the server process for
  up to 10 s (membership never is); signing out takes effect at once.
- IDs are opaque strings. Timestamps are ISO 8601 UTC strings (\`2026-11-28T17:39:29.123Z\`).
- A request that fails writes nothing. (An import keeps its good records and reports the bad ones.)
- Unknown fields in a body are refused with 422 naming them. Unknown paths under \`/api/v1\` answer 404.

## Text offsets
- A document's \`text\` is stored as imported, except that CRLF and CR line endings become LF. It never
  changes afterwards, so a stored offset never drifts.
- \`start\` and \`end\` count **Unicode code points** (what Python's \`str\` indexing counts), not UTF-16
  code units: in \`"🚢 ab"\`, \`"ab"\` is \`start=2, end=4\`. Spans are half-open: \`text[start:end]\`,
  with \`0 <= start < end <= length\` (the document's \`length\` is in code points too).
- An annotation's \`exact\` is \`text[start:end]\`; \`prefix\` and \`suffix\` are up to ${QUOTE_CONTEXT_LENGTH} code
  points either side (a W3C TextQuoteSelector).

## Errors
Every error has the body \`{"error": {"code", "message", "details"?}}\` with the status of its code:

${errorTable()}

## Not a member: 404
A caller who is not a member of a project gets 404 for the project and everything in it, exactly as if
it did not exist; the request's body is not even judged. (A malformed query parameter may be answered
400 first, whoever asks.) 403 is for members whose role does not allow the action.

## Roles
${roleTable()}

Reviewers correct attributions; removing other people's work is the owner's call. A project keeps
at least one owner.

## Versions
Every annotation has a \`version\`: 1 when created, + 1 with each update. An update sends the version
it is based on; if the annotation changed since, the answer is 409 with \`details.currentVersion\` and
\`details.current\` (the annotation as it is now), and nothing changes.

## Limits
JSON bodies up to ${megabytes(DEFAULT_BODY_LIMIT)}; a new document up to ${megabytes(DOCUMENT_BODY_LIMIT)} (a 5 MB article
is accepted even when every character needs escaping); imports up to 256 MB (json, w3c) or 2 GB
(jsonl, streamed). A larger body is refused with 413.`;
}
