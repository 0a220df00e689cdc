// Every route of the HTTP API v1, described for its reference (served as OpenAPI at
// /api/v1/openapi.json): method, path, what it does, its query and body schemas — the very zod
// objects the route passes to parseQuery and jsonInput — its answers and the errors its services
// can raise. A new route is one entry here, in the same change; openapi.test.ts fails until it is.
//
// Errors that follow from the kind of route are added by the builder (openapi.ts), so an entry
// lists only those its service raises for reasons of its own (409s, a 401 for a wrong password):
//   credentials required → 401; a write with credentials → 403 (role, or a cross-site cookie);
//   a path parameter → 404; a body → 400, 413, 422; a query → 400; every route → 500.

import { z } from "zod";
import type { DomainErrorCode } from "../errors/domain-error";
import { EXPORT_FORMAT_IDS, FORMAT_CATALOG } from "../formats/catalog";
import { DEFAULT_BODY_LIMIT, DOCUMENT_BODY_LIMIT } from "../http/read-body";
import {
  addMemberSchema,
  changePasswordSchema,
  commentInputSchema,
  createAnnotationSchema,
  createTokenSchema,
  deleteProjectSchema,
  updateProjectSchema,
  eventStreamQuerySchema,
  mergeSpeakerSchema,
  reattributeSchema,
  reviewQueueQuerySchema,
  searchQuerySchema,
  reviewSchema,
  speakerAnnotationsQuerySchema,
  createDocumentSchema,
  updateDocumentSchema,
  createProjectSchema,
  createSpeakerQuerySchema,
  createSpeakerSchema,
  annotationListQuerySchema,
  assignDocumentsSchema,
  setAssigneesSchema,
  exportQuerySchema,
  importQuerySchema,
  annotationQuerySchema,
  pageQuerySchema,
  signInSchema,
  signUpSchema,
  speakerListQuerySchema,
  updateAnnotationSchema,
  updateMemberSchema,
  updateSpeakerSchema,
  importUrlSchema,
} from "../validation/schemas";
import { annotationViewSchema } from "../annotations/annotation-view";
import { actorSchema } from "../auth/authenticate";
import { documentViewSchema } from "../documents/document-view";
import { MAX_LINE_BYTES } from "../formats/jsonl/reader";
import { STREAMED_IMPORT_LIMIT, WHOLE_IMPORT_LIMIT } from "../import/import-annotations";
import { importReportSchema } from "../import/import-record";
import { memberViewSchema, projectViewSchema } from "../projects/projects";
import { commentViewSchema } from "../comments/comment-view";
import { invitationViewSchema } from "../projects/invitations";
import { healthSchema } from "../db/health";
import { reviewQueuePageSchema } from "../review/review-queue";
import { agreementQuerySchema, agreementReportSchema } from "../agreement/load-agreement";
import { curateSchema, unanimousResultSchema } from "../curation/curation";
import { searchPageSchema } from "../search/search";
import { duplicatesSchema, mergeResultSchema, reattributeResultSchema } from "../speakers/merge-speakers";
import { speakerViewSchema } from "../speakers/speakers";
import { acceptSuggestionSchema, suggestionListSchema } from "../suggestions/suggestions";
import {
  annotationListSchema,
  commentListSchema,
  endedSessionsSchema,
  invitationListSchema,
  newTokenSchema,
  passwordChangedSchema,
  urlPreviewAnswerSchema,
  sessionListSchema,
  tokenListSchema,
  documentListSchema,
  historySchema,
  memberListSchema,
  projectListSchema,
  signedInSchema,
  speakerListSchema,
} from "./components";
import { documentAssignmentsSchema, queueItemSchema } from "../assignments/assignments";
import { assignmentListSchema, assignResultSchema, queueListSchema } from "./components";

export const TAGS = {
  Account: "Signing up and in (the web app's session cookie), and who the caller is.",
  Projects: "Projects and their members.",
  Documents: "Articles, their text frozen at import.",
  Speakers: "The people and organisations spans are attributed to.",
  Annotations: "Claims and quotes: spans of a document's text, attributed to speakers, with their history.",
  Review: "Reviewing attribution: the review action, the queue, a speaker's annotations, merging duplicate speakers.",
  Search: "Finding annotations (who said what) and documents across a project.",
  Suggestions: "Quotes, cues and speakers proposed by rule, for an analyst to accept, correct or dismiss.",
  Comments: "Discussion threads on annotations.",
  Assignments: "Handing documents out to annotators, marking work done, and each person's queue.",
  Live: "Server-sent events: every change as it happens, resumable with Last-Event-ID.",
  "Export and import": "Whole projects out in six formats; annotations (and documents) back in.",
  Reference: "This reference, and the server's health.",
} as const;
export type Tag = keyof typeof TAGS;

/** What each path parameter names (every {param} of a path must be here). */
export const PATH_PARAMS: Readonly<Record<string, string>> = {
  projectId: "A project the caller is a member of.",
  documentId: "A document of a project the caller is a member of.",
  speakerId: "A speaker of a project the caller is a member of.",
  annotationId: "An annotation of a project the caller is a member of.",
  userId: "The member's user id.",
  commentId: "A comment on an annotation of a project the caller is a member of.",
  invitationId: "An invitation to the caller's email address, or to a project the caller owns.",
  tokenId: "One of the caller's API tokens.",
  suggestionId: "A suggestion on a document of a project the caller is a member of.",
  sessionId: "One of the caller's sessions.",
};

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface ResponseSpec {
  description: string;
  /** A JSON body: a schema registered in components.ts (responseBodies). */
  body?: z.ZodType;
  /** A body no schema of ours describes (files, this document): its media types. */
  mediaTypes?: readonly string[];
  /** Response headers worth knowing: name → what it carries. */
  headers?: Readonly<Record<string, string>>;
}

export interface RequestBodySpec {
  /** A JSON body: a schema registered in components.ts (requestBodies). */
  schema?: z.ZodType;
  /** A body no schema of ours describes (imports): its media types. */
  mediaTypes?: readonly string[];
  description?: string;
  /** The largest body accepted, when one limit applies; said in the description. */
  limitBytes?: number;
}

export interface OperationSpec {
  method: Method;
  /** The URL path, with OpenAPI's {param} where the app/ folder has [param]. */
  path: string;
  operationId: string;
  tag: Tag;
  summary: string;
  description?: string;
  /** "required": an API token or the session cookie; "none": anyone may call it. */
  auth: "required" | "none";
  /** The query schema the route parses, and what each parameter means. */
  query?: { schema: z.ZodObject; about?: Readonly<Record<string, string>> };
  body?: RequestBodySpec;
  /** Successful answers by status. */
  responses: Readonly<Partial<Record<200 | 201 | 202 | 204, ResponseSpec>>>;
  /** Errors the route's service raises for reasons of its own (the rest follow from the kind of route, above). */
  errors?: readonly DomainErrorCode[];
}

const json = (limitBytes = DEFAULT_BODY_LIMIT) => ({ limitBytes });
const eventStream = {
  schema: eventStreamQuerySchema,
  about: { since: "Resume after this event id (as the Last-Event-ID header does); 0 replays the whole log of the stream's scope." },
};
const page = {
  cursor: "The nextCursor of the previous page (opaque).",
  limit: "How many items (1–1000, default 100).",
};
const paged = { schema: pageQuerySchema, about: page };
const setsSession = { "Set-Cookie": "The session cookie (HttpOnly, SameSite=Lax)." };

/** The media types of the export formats, each with the formats written in it. */
function exportMediaTypes(): string[] {
  return [...new Set(EXPORT_FORMAT_IDS.map((id) => FORMAT_CATALOG[id].contentType.split(";")[0] as string))];
}

const formatList = (ids: readonly string[]) => ids.map((id) => `\`${id}\``).join(", ");

export const OPERATIONS: readonly OperationSpec[] = [
  // Account
  {
    method: "POST",
    path: "/api/v1/auth/sign-up",
    operationId: "signUp",
    tag: "Account",
    summary: "Create an account and sign in",
    description:
      "The web app's sign-up: creates the account and sets the session cookie. On a fresh install the first account receives the demo project.",
    auth: "none",
    body: { schema: signUpSchema, ...json() },
    responses: { 201: { description: "The new account.", body: actorSchema, headers: setsSession } },
    errors: ["conflict"],
  },
  {
    method: "POST",
    path: "/api/v1/auth/sign-in",
    operationId: "signIn",
    tag: "Account",
    summary: "Sign in",
    description: "Starts a web session: the answer sets the session cookie. Scripts use an API token instead.",
    auth: "none",
    body: { schema: signInSchema, ...json() },
    responses: { 200: { description: "Signed in.", body: signedInSchema, headers: setsSession } },
    errors: ["unauthorized"],
  },
  {
    method: "POST",
    path: "/api/v1/auth/sign-out",
    operationId: "signOut",
    tag: "Account",
    summary: "Sign out",
    description: "Ends the session named by the cookie, if any, and clears the cookie. Takes effect at once.",
    auth: "none",
    responses: { 204: { description: "Signed out.", headers: { "Set-Cookie": "Clears the session cookie." } } },
  },
  {
    method: "GET",
    path: "/api/v1/me",
    operationId: "getMe",
    tag: "Account",
    summary: "The caller's account",
    auth: "required",
    responses: { 200: { description: "The caller.", body: actorSchema } },
  },

  // Account: tokens, sessions, password
  {
    method: "GET",
    path: "/api/v1/me/tokens",
    operationId: "listTokens",
    tag: "Account",
    summary: "The caller's API tokens",
    description: "With when each was created, last used and expires; never their secrets.",
    auth: "required",
    responses: { 200: { description: "The tokens.", body: tokenListSchema } },
  },
  {
    method: "POST",
    path: "/api/v1/me/tokens",
    operationId: "createToken",
    tag: "Account",
    summary: "Create an API token",
    description: "The secret is in this answer only: the server keeps its SHA-256. Without expiresInDays it lasts until revoked.",
    auth: "required",
    body: { schema: createTokenSchema, ...json() },
    responses: { 201: { description: "The token, with its secret.", body: newTokenSchema } },
  },
  {
    method: "DELETE",
    path: "/api/v1/me/tokens/{tokenId}",
    operationId: "revokeToken",
    tag: "Account",
    summary: "Revoke an API token",
    description: "Refused at once by every app process.",
    auth: "required",
    responses: { 204: { description: "Revoked." } },
  },
  {
    method: "GET",
    path: "/api/v1/me/sessions",
    operationId: "listSessions",
    tag: "Account",
    summary: "The caller's web sessions",
    description: "Each with the browser that opened it (its User-Agent) and when it was last used; `current` marks this one.",
    auth: "required",
    responses: { 200: { description: "The sessions.", body: sessionListSchema } },
  },
  {
    method: "DELETE",
    path: "/api/v1/me/sessions",
    operationId: "endOtherSessions",
    tag: "Account",
    summary: "End every session but this one",
    auth: "required",
    responses: { 200: { description: "How many were ended.", body: endedSessionsSchema } },
  },
  {
    method: "DELETE",
    path: "/api/v1/me/sessions/{sessionId}",
    operationId: "endSession",
    tag: "Account",
    summary: "End a session",
    auth: "required",
    responses: { 204: { description: "Ended." } },
  },
  {
    method: "POST",
    path: "/api/v1/me/password",
    operationId: "changePassword",
    tag: "Account",
    summary: "Change the caller's password",
    description: "Needs the current password (401 otherwise). Every other session ends.",
    auth: "required",
    body: { schema: changePasswordSchema, ...json() },
    responses: { 200: { description: "Changed.", body: passwordChangedSchema } },
    errors: ["unauthorized"],
  },

  // Projects
  {
    method: "GET",
    path: "/api/v1/projects",
    operationId: "listProjects",
    tag: "Projects",
    summary: "The caller's projects",
    description: "Only the projects the caller is a member of, each with the caller's role.",
    auth: "required",
    query: paged,
    responses: { 200: { description: "The projects.", body: projectListSchema } },
  },
  {
    method: "POST",
    path: "/api/v1/projects",
    operationId: "createProject",
    tag: "Projects",
    summary: "Create a project",
    description: "The caller becomes its owner.",
    auth: "required",
    body: { schema: createProjectSchema, ...json() },
    responses: { 201: { description: "The new project.", body: projectViewSchema } },
  },
  {
    method: "GET",
    path: "/api/v1/projects/{projectId}",
    operationId: "getProject",
    tag: "Projects",
    summary: "One project",
    auth: "required",
    responses: { 200: { description: "The project, with the caller's role.", body: projectViewSchema } },
  },
  {
    method: "PATCH",
    path: "/api/v1/projects/{projectId}",
    operationId: "updateProject",
    tag: "Projects",
    summary: "Change a project's settings",
    description:
      'Owners only (403 otherwise). `annotationMode`: "shared" (default; everyone sees every annotation) or "independent" ' +
      "(blind double annotation: annotators and viewers see, by every route — annotations, history, comments, streams, search, " +
      "review queue, exports — only the annotations they authored; reviewers and owners see everyone's and may pick one " +
      "annotator's layer with `?author=`; their streams carry the comments on every annotation they may see, whoever wrote them; " +
      "documents' and speakers' `annotationCount` count what the caller may see). `autoSuggest`: every document added to the project afterwards (POST …/documents, " +
      "from-url, an import that creates documents) gets its suggested quotes and speakers computed, as if it had been added with `suggest`.",
    auth: "required",
    body: { schema: updateProjectSchema, ...json() },
    responses: { 200: { description: "The project as it is now.", body: projectViewSchema } },
    errors: ["forbidden"],
  },
  {
    method: "DELETE",
    path: "/api/v1/projects/{projectId}",
    operationId: "deleteProject",
    tag: "Projects",
    summary: "Delete a project",
    description:
      "Owners only, with the project's name typed again (422 otherwise). Everything in it goes: documents, annotations, comments, " +
      "speakers, members. Permanent: export it first (the web page offers to).",
    auth: "required",
    body: { schema: deleteProjectSchema, ...json() },
    responses: { 204: { description: "Deleted." } },
  },
  {
    method: "GET",
    path: "/api/v1/projects/{projectId}/members",
    operationId: "listMembers",
    tag: "Projects",
    summary: "The project's members",
    auth: "required",
    query: paged,
    responses: { 200: { description: "The members with their roles.", body: memberListSchema } },
  },
  {
    method: "POST",
    path: "/api/v1/projects/{projectId}/members",
    operationId: "inviteMember",
    tag: "Projects",
    summary: "Invite someone to the project",
    description:
      "Owners only. Invites an email address with a role: the answer is the same whether or not an account has that address, and " +
      "the person joins only by accepting (POST /invitations/{invitationId}/accept, signed in with that address). Inviting the same " +
      "address again changes the role offered. (API.md had this add an existing account directly with 201; see the README.)",
    auth: "required",
    body: { schema: addMemberSchema, ...json() },
    responses: { 202: { description: "The invitation.", body: invitationViewSchema } },
  },
  {
    method: "GET",
    path: "/api/v1/projects/{projectId}/invitations",
    operationId: "listInvitations",
    tag: "Projects",
    summary: "The project's open invitations",
    description: "Owners only.",
    auth: "required",
    responses: { 200: { description: "The invitations, oldest first.", body: invitationListSchema } },
  },
  {
    method: "GET",
    path: "/api/v1/me/invitations",
    operationId: "myInvitations",
    tag: "Projects",
    summary: "Invitations waiting for the caller",
    description: "Those to the caller's email address.",
    auth: "required",
    responses: { 200: { description: "The invitations.", body: invitationListSchema } },
  },
  {
    method: "POST",
    path: "/api/v1/invitations/{invitationId}/accept",
    operationId: "acceptInvitation",
    tag: "Projects",
    summary: "Accept an invitation",
    description: "The caller, signed in with the invited address, joins the project with the role offered (404 for anyone else).",
    auth: "required",
    responses: { 200: { description: "The caller's membership.", body: memberViewSchema } },
  },
  {
    method: "DELETE",
    path: "/api/v1/invitations/{invitationId}",
    operationId: "deleteInvitation",
    tag: "Projects",
    summary: "Decline or cancel an invitation",
    description: "The invitee declines, or an owner of the project cancels.",
    auth: "required",
    responses: { 204: { description: "Gone." } },
  },
  {
    method: "PATCH",
    path: "/api/v1/projects/{projectId}/members/{userId}",
    operationId: "changeMemberRole",
    tag: "Projects",
    summary: "Change a member's role",
    description: "Owners only. A project keeps at least one owner: demoting the last one is 409.",
    auth: "required",
    body: { schema: updateMemberSchema, ...json() },
    responses: { 200: { description: "The member with the new role.", body: memberViewSchema } },
    errors: ["conflict"],
  },
  {
    method: "DELETE",
    path: "/api/v1/projects/{projectId}/members/{userId}",
    operationId: "removeMember",
    tag: "Projects",
    summary: "Remove a member",
    description: "Owners only. A project keeps at least one owner: removing the last one is 409.",
    auth: "required",
    responses: { 204: { description: "Removed." } },
    errors: ["conflict"],
  },

  // Documents
  {
    method: "GET",
    path: "/api/v1/projects/{projectId}/documents",
    operationId: "listDocuments",
    tag: "Documents",
    summary: "The project's documents",
    description: "Without their texts, oldest first, each with its length in code points and its number of annotations.",
    auth: "required",
    query: paged,
    responses: { 200: { description: "The documents.", body: documentListSchema } },
  },
  {
    method: "POST",
    path: "/api/v1/projects/{projectId}/documents",
    operationId: "createDocument",
    tag: "Documents",
    summary: "Import a document",
    description:
      "The text is stored as sent, except that CRLF and CR line endings become LF, and never changes: every offset into it is permanent. " +
      "With `suggest: true` (or when the project has autoSuggest on) its suggestions are computed once it is stored, before the " +
      "answer (GET …/suggestions lists them); a failure there is logged and leaves the document without them. " +
      "Annotators, reviewers and owners.",
    auth: "required",
    body: { schema: createDocumentSchema, ...json(DOCUMENT_BODY_LIMIT) },
    responses: { 201: { description: "The new document.", body: documentViewSchema } },
  },
  {
    method: "POST",
    path: "/api/v1/projects/{projectId}/documents/from-url",
    operationId: "importDocumentFromUrl",
    tag: "Documents",
    summary: "Import an article from its web address",
    description:
      "Fetches the page on the server and extracts its article (Readability): title, text with its paragraphs, byline and publication " +
      "date (article:published_time, JSON-LD datePublished). With `preview: true` answers what would be created and stores nothing — " +
      "correct it and create it with POST …/documents. Only http and https; every address the host resolves to must be public " +
      "(loopback, private, link-local, unique-local, multicast and metadata addresses are refused, after each redirect too); at most " +
      "5 redirects, 10 s, 5 MB, text/html or text/plain; no cookies sent. Each refusal is a 422 naming the reason. At most 60 pages " +
      "per user per 10 minutes (429). `suggest` as for POST …/documents. Annotators, reviewers and owners.",
    auth: "required",
    body: { schema: importUrlSchema, ...json() },
    responses: {
      200: { description: "The preview (with preview: true); nothing stored.", body: urlPreviewAnswerSchema },
      201: { description: "The new document.", body: documentViewSchema },
    },
  },
  {
    method: "GET",
    path: "/api/v1/documents/{documentId}",
    operationId: "getDocument",
    tag: "Documents",
    summary: "One document, with its text",
    auth: "required",
    responses: { 200: { description: "The document.", body: documentViewSchema } },
  },
  {
    method: "PATCH",
    path: "/api/v1/documents/{documentId}",
    operationId: "updateDocument",
    tag: "Documents",
    summary: "Change a document's language",
    description:
      'Sets (or, with null, clears) the language the document is written in, a BCP 47 tag ("en", "pt-BR"; stored in canonical ' +
      "form): W3C exports give it to the textual bodies, schema.org exports as inLanguage. The text is frozen. Annotators, reviewers and owners.",
    auth: "required",
    body: { schema: updateDocumentSchema, ...json() },
    responses: { 200: { description: "The document as it is now.", body: documentViewSchema } },
  },
  {
    method: "DELETE",
    path: "/api/v1/documents/{documentId}",
    operationId: "deleteDocument",
    tag: "Documents",
    summary: "Delete a document",
    description: "Owners only. Its annotations and comments go with it; their history stays readable. Permanent.",
    auth: "required",
    responses: { 204: { description: "Deleted." } },
  },

  // Speakers
  {
    method: "GET",
    path: "/api/v1/projects/{projectId}/speakers",
    operationId: "listSpeakers",
    tag: "Speakers",
    summary: "The project's speakers",
    auth: "required",
    query: {
      schema: speakerListQuerySchema,
      about: { q: "Keep the speakers whose name or an alias contains this, in any case.", ...page },
    },
    responses: { 200: { description: "The speakers, by name, each with its number of annotations.", body: speakerListSchema } },
  },
  {
    method: "POST",
    path: "/api/v1/projects/{projectId}/speakers",
    operationId: "createSpeaker",
    tag: "Speakers",
    summary: "Create a speaker",
    description:
      "Names are unique per project ignoring case and repeated spaces: a taken name is 409, unless ?existing=return asks for the speaker " +
      "already so named (200). An alias equal to the name is dropped. Annotators, reviewers and owners.",
    auth: "required",
    query: {
      schema: createSpeakerQuerySchema,
      about: { existing: '"return": answer 200 with the speaker already so named instead of 409 ("error", the default).' },
    },
    body: { schema: createSpeakerSchema, ...json() },
    responses: {
      201: { description: "The new speaker.", body: speakerViewSchema },
      200: { description: "With ?existing=return: the speaker already so named.", body: speakerViewSchema },
    },
    errors: ["conflict"],
  },
  {
    method: "GET",
    path: "/api/v1/speakers/{speakerId}",
    operationId: "getSpeaker",
    tag: "Speakers",
    summary: "One speaker",
    auth: "required",
    responses: { 200: { description: "The speaker.", body: speakerViewSchema } },
  },
  {
    method: "PATCH",
    path: "/api/v1/speakers/{speakerId}",
    operationId: "updateSpeaker",
    tag: "Speakers",
    summary: "Change a speaker",
    description: "Sends only the fields to change. Renaming to a name taken in the project is 409. Annotators, reviewers and owners.",
    auth: "required",
    body: { schema: updateSpeakerSchema, ...json() },
    responses: { 200: { description: "The speaker as it is now.", body: speakerViewSchema } },
    errors: ["conflict"],
  },

  // Annotations
  {
    method: "GET",
    path: "/api/v1/documents/{documentId}/annotations",
    operationId: "listAnnotations",
    tag: "Annotations",
    summary: "A document's annotations",
    auth: "required",
    description:
      "Without cursor and limit: every annotation of the document, streamed as it is read (the workspace needs them all); with " +
      "either, a page (limit 1–1000, default 100).",
    query: { schema: annotationListQuerySchema, about: page },
    responses: { 200: { description: "The annotations, ordered by start, then end.", body: annotationListSchema } },
  },
  {
    method: "POST",
    path: "/api/v1/documents/{documentId}/annotations",
    operationId: "createAnnotation",
    tag: "Annotations",
    summary: "Create an annotation",
    description:
      "A span [start, end) of the document's text in code points. If exact is sent it must equal text[start:end]; a speaker must belong to " +
      "the same project; only quotes have a quote kind. Starts at version 1, pending. Annotators, reviewers and owners.",
    auth: "required",
    body: { schema: createAnnotationSchema, ...json() },
    responses: { 201: { description: "The new annotation.", body: annotationViewSchema } },
  },
  {
    method: "GET",
    path: "/api/v1/annotations/{annotationId}",
    operationId: "getAnnotation",
    tag: "Annotations",
    summary: "One annotation",
    auth: "required",
    query: {
      schema: annotationQuerySchema,
      about: {
        format:
          '"w3c": the annotation as one W3C Web Annotation with its @context, as the w3c export writes it, served as ' +
          'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld". "json" (the default): the view below.',
      },
    },
    responses: { 200: { description: "The annotation.", body: annotationViewSchema } },
  },
  {
    method: "PATCH",
    path: "/api/v1/annotations/{annotationId}",
    operationId: "updateAnnotation",
    tag: "Annotations",
    summary: "Change an annotation",
    description:
      "Sends the version the change is based on and the fields to change. A stale version is 409 with details.currentVersion and " +
      "details.current, and nothing changes. Annotators change their own annotations; reviewers and owners any, and only they set status.",
    auth: "required",
    body: { schema: updateAnnotationSchema, ...json() },
    responses: { 200: { description: "The annotation as it is now, its version + 1.", body: annotationViewSchema } },
    errors: ["conflict"],
  },
  {
    method: "DELETE",
    path: "/api/v1/annotations/{annotationId}",
    operationId: "deleteAnnotation",
    tag: "Annotations",
    summary: "Delete an annotation",
    description: "Annotators and reviewers delete their own, owners any. Its history is kept, and it can be restored.",
    auth: "required",
    responses: { 204: { description: "Deleted." } },
  },
  {
    method: "GET",
    path: "/api/v1/annotations/{annotationId}/history",
    operationId: "getAnnotationHistory",
    tag: "Annotations",
    summary: "An annotation's history",
    description: "Every change — action, who, when, the annotation before and after — oldest first, also after the annotation is deleted.",
    auth: "required",
    responses: { 200: { description: "The changes.", body: historySchema } },
  },
  {
    method: "POST",
    path: "/api/v1/annotations/{annotationId}/restore",
    operationId: "restoreAnnotation",
    tag: "Annotations",
    summary: "Undo a deletion",
    description:
      "Puts a deleted annotation back with its id, author, status, cue, history and the id it was imported with, so a re-import of " +
      "its file still finds it present (its speaker only if the speaker still exists). Allowed to whoever may delete it; an " +
      "annotation that is not deleted, or whose record was imported again since, is 409.",
    auth: "required",
    responses: { 201: { description: "The annotation, back.", body: annotationViewSchema } },
    errors: ["conflict"],
  },
  {
    method: "POST",
    path: "/api/v1/documents/{documentId}/suggestions",
    operationId: "computeSuggestions",
    tag: "Suggestions",
    summary: "Suggest quotes and speakers",
    description:
      "Annotators, reviewers and owners. Finds direct, indirect and mixed quotes with their cues and speakers (matched to the " +
      "project's speakers by name, alias or surname, else proposed as new) and stores them in place of the pending ones. " +
      "Proposals overlapping an annotation, or already accepted or dismissed, are left out.",
    auth: "required",
    responses: { 200: { description: "The document's pending suggestions.", body: suggestionListSchema } },
  },
  {
    method: "GET",
    path: "/api/v1/documents/{documentId}/suggestions",
    operationId: "listSuggestions",
    tag: "Suggestions",
    summary: "A document's suggestions",
    description: "The pending ones, except those an annotation made since overlaps (they are not shown, as in the workspace).",
    auth: "required",
    responses: { 200: { description: "The pending suggestions no annotation overlaps, by position.", body: suggestionListSchema } },
  },
  {
    method: "POST",
    path: "/api/v1/suggestions/{suggestionId}/accept",
    operationId: "acceptSuggestion",
    tag: "Suggestions",
    summary: "Accept a suggestion",
    description:
      'Creates the annotation (with its cue) through the same path as any other; its history records origin "suggestion" and ' +
      "the rule. A new speaker's name is created as a speaker. The body is optional. Accepting again answers 200 with the same annotation.",
    auth: "required",
    body: { schema: acceptSuggestionSchema, ...json() },
    responses: {
      201: { description: "The annotation it became.", body: annotationViewSchema },
      200: { description: "Accepted before: the annotation it became then.", body: annotationViewSchema },
    },
  },
  {
    method: "POST",
    path: "/api/v1/suggestions/{suggestionId}/dismiss",
    operationId: "dismissSuggestion",
    tag: "Suggestions",
    summary: "Dismiss a suggestion",
    description: "Hides it for its document; computing suggestions again does not bring it back.",
    auth: "required",
    responses: { 204: { description: "Dismissed." } },
  },

  // Search
  {
    method: "GET",
    path: "/api/v1/projects/{projectId}/search",
    operationId: "search",
    tag: "Search",
    summary: "Search annotations or documents",
    description:
      "Annotations whose text, note or surrounding words match q (PostgreSQL full-text search in websearch syntax: " +
      '`"exact phrase"`, `-word`, `or`; accents and case ignored, English stemming), or whose speaker\'s name or alias is like q ' +
      "(pg_trgm), or — for a single term of 3+ characters — whose text contains it as part of a word. Each result carries the " +
      "document's title and date and `highlights`: the matched words as [start, end) code point ranges of `exact`. Newest document " +
      "first (then by position), or by relevance (`sort=relevance`: the newest 10,000 matches, ranked). Without q it is a filtered " +
      "list. With `facets=true` the first page also carries the total and facets (counts by speaker, label, status and document): " +
      "counting reads every match, so it is asked for apart (the search page loads them after the results); beyond 10,000 " +
      "matches the total says 10,000 with totalIsLowerBound and the facets count the newest 10,000. With `in=documents` it searches " +
      "documents by title and text instead (the annotation filters then keep documents holding such annotations), each with an " +
      "excerpt around its first match.",
    auth: "required",
    query: {
      schema: searchQuerySchema,
      about: {
        q: "The words to find (at most 500 characters).",
        in: "annotations (default) or documents.",
        sort: "date (newest document first, the default) or relevance.",
        facets: "true: also the total and the facets (first page only; null otherwise).",
        from: "Only documents published (or, without a date, imported) from this date or date-time on.",
        to: "…up to this date (the whole day) or date-time.",
        documentId: "Only this document.",
        label: "Only annotations with this label.",
        speakerId: "Only annotations attributed to this speaker.",
        status: "Only annotations with this review status.",
        author: "Only annotations by this user (their id).",
        cursor: page.cursor,
        limit: "How many results (1–200, default 20).",
      },
    },
    responses: { 200: { description: "One page of results.", body: searchPageSchema } },
  },

  // Review
  {
    method: "POST",
    path: "/api/v1/annotations/{annotationId}/review",
    operationId: "reviewAnnotation",
    tag: "Review",
    summary: "Review an annotation",
    description:
      "Reviewers and owners accept, reject (with an optional reason) or put back to pending. The content and its version are untouched, " +
      "so a review never conflicts with an edit; who and when are recorded (reviewedBy, reviewedAt, reviewReason) and in the history. " +
      "A later change of span, label, speaker or quote kind puts the annotation back to pending.",
    auth: "required",
    body: { schema: reviewSchema, ...json() },
    responses: { 200: { description: "The annotation as it is now.", body: annotationViewSchema } },
  },
  {
    method: "GET",
    path: "/api/v1/projects/{projectId}/review-queue",
    operationId: "reviewQueue",
    tag: "Review",
    summary: "The review queue",
    description:
      "Annotations to review (pending unless status says otherwise), filtered like exports, by document then position, each with the " +
      "sentence around it (at most 300 code points each side) and a hint when its attribution looks doubtful. Pages are stable while " +
      "annotations are added.",
    auth: "required",
    query: {
      schema: reviewQueueQuerySchema,
      about: {
        status: "Only annotations with this status (default pending).",
        documentId: "Only this document's annotations.",
        label: "Only annotations with this label.",
        speakerId: "Only annotations attributed to this speaker.",
        author: "Only annotations by this user (their id).",
        ...page,
      },
    },
    responses: { 200: { description: "One page of the queue.", body: reviewQueuePageSchema } },
  },
  {
    method: "GET",
    path: "/api/v1/projects/{projectId}/agreement",
    operationId: "agreement",
    tag: "Review",
    summary: "Inter-annotator agreement",
    description:
      "For every pair of annotators, over the documents both marked done (assignments): span precision, recall and F1 with exact " +
      "matching and with overlap matching (one-to-one; overlap = the spans share at least half of the shorter one's code points), " +
      "label and speaker agreement on matched spans; and Krippendorff's alpha for unitizing (alpha_u) per label and overall, over " +
      "the documents every annotator in scope finished. The same per document. Curated annotations are left out. Reviewers and " +
      "owners (annotators and viewers get 403). With format=csv: one row per pair for the project (document_id empty), then per " +
      "pair and document (columns document_id, document_title, annotator_a, annotator_b, documents, exact_precision, exact_recall, " +
      "exact_f1, overlap_precision, overlap_recall, overlap_f1, label_agreement, speaker_agreement, alpha_u).",
    auth: "required",
    query: {
      schema: agreementQuerySchema,
      about: {
        documentId: "Only this document.",
        label: "Only spans with this label (alpha_u and F1 for that label alone).",
        users: "Comma-separated user ids: compare only these annotators.",
        format: "json (the default) or csv (a file download).",
      },
    },
    responses: {
      200: { description: "The agreement report; text/csv with format=csv.", body: agreementReportSchema, mediaTypes: ["text/csv"] },
    },
  },
  {
    method: "POST",
    path: "/api/v1/documents/{documentId}/curation",
    operationId: "curateAnnotation",
    tag: "Review",
    summary: "Accept an annotation into the curated layer",
    description:
      "Creates a curated copy of an annotator's annotation (from), with any corrections given: authored by the caller, accepted, " +
      "with curatedBy and curatedAt. It is written like any annotation; its history records origin curation with the source's id. " +
      "To un-curate, DELETE the curated annotation. Reviewers and owners.",
    auth: "required",
    body: { schema: curateSchema, ...json() },
    responses: { 201: { description: "The curated annotation.", body: annotationViewSchema } },
  },
  {
    method: "POST",
    path: "/api/v1/documents/{documentId}/curation/unanimous",
    operationId: "curateUnanimous",
    tag: "Review",
    summary: "Accept every unanimous span",
    description:
      "Every span (same start, end, label and speaker) that all annotators who marked the document done (at least two) have is " +
      "accepted into the curated layer, once: spans already curated are skipped, so calling it again writes nothing. Reviewers and owners.",
    auth: "required",
    responses: {
      200: { description: "How many annotators finished, and the curated annotations written now.", body: unanimousResultSchema },
    },
  },
  {
    method: "GET",
    path: "/api/v1/speakers/{speakerId}/annotations",
    operationId: "speakerAnnotations",
    tag: "Review",
    summary: "A speaker's annotations across documents",
    auth: "required",
    query: { schema: speakerAnnotationsQuerySchema, about: { status: "Only annotations with this status (default: any).", ...page } },
    responses: { 200: { description: "One page, each annotation in its sentence.", body: reviewQueuePageSchema } },
  },
  {
    method: "POST",
    path: "/api/v1/speakers/{speakerId}/merge",
    operationId: "mergeSpeaker",
    tag: "Review",
    summary: "Merge a speaker into another",
    description:
      "Every annotation of this speaker is attributed to `into` (each with its history row; reviews stand: it is the same person), this " +
      "speaker's name and aliases become aliases of `into`, and this speaker is deleted — in one transaction. 422 for itself or a speaker " +
      "of another project. Annotators, reviewers and owners. Undo with /unmerge.",
    auth: "required",
    body: { schema: mergeSpeakerSchema, ...json() },
    responses: { 200: { description: "The speaker that remains, and how many annotations moved.", body: mergeResultSchema } },
  },
  {
    method: "POST",
    path: "/api/v1/speakers/{speakerId}/unmerge",
    operationId: "unmergeSpeaker",
    tag: "Review",
    summary: "Undo a merge",
    description:
      "Brings the merged speaker back with its id and details, gives it back the annotations the merge moved (those still attributed to " +
      "the other speaker) and takes the added aliases off the other. 409 if the speaker's last change was not a merge.",
    auth: "required",
    responses: { 200: { description: "The speaker brought back, and how many annotations moved back.", body: mergeResultSchema } },
    errors: ["conflict"],
  },
  {
    method: "POST",
    path: "/api/v1/projects/{projectId}/reattribute",
    operationId: "reattributeAnnotations",
    tag: "Review",
    summary: "Give annotations another speaker",
    description:
      "In one go, each with its history row; their reviews go back to pending (another person is another attribution). Reviewers and " +
      "owners may change anyone's annotations, annotators only their own (403).",
    auth: "required",
    body: { schema: reattributeSchema, ...json() },
    responses: { 200: { description: "How many changed.", body: reattributeResultSchema } },
  },
  {
    method: "GET",
    path: "/api/v1/projects/{projectId}/speakers/duplicates",
    operationId: "speakerDuplicates",
    tag: "Review",
    summary: "Likely duplicate speakers",
    description:
      "Pairs that are likely the same person or organisation: the same name ignoring case, accents and word order, a shared alias, one " +
      "name the surname of the other (but not two different given names), or initials.",
    auth: "required",
    responses: { 200: { description: "The pairs, with the reason.", body: duplicatesSchema } },
  },

  // Comments
  {
    method: "GET",
    path: "/api/v1/annotations/{annotationId}/comments",
    operationId: "listComments",
    tag: "Comments",
    summary: "An annotation's comments",
    auth: "required",
    query: paged,
    responses: { 200: { description: "The thread, oldest first.", body: commentListSchema } },
  },
  {
    method: "POST",
    path: "/api/v1/annotations/{annotationId}/comments",
    operationId: "createComment",
    tag: "Comments",
    summary: "Comment on an annotation",
    description: "Annotators, reviewers and owners; viewers read.",
    auth: "required",
    body: { schema: commentInputSchema, ...json() },
    responses: { 201: { description: "The new comment.", body: commentViewSchema } },
  },
  {
    method: "PATCH",
    path: "/api/v1/comments/{commentId}",
    operationId: "updateComment",
    tag: "Comments",
    summary: "Edit a comment",
    description: "Its author only.",
    auth: "required",
    body: { schema: commentInputSchema, ...json() },
    responses: { 200: { description: "The comment as it is now.", body: commentViewSchema } },
  },
  {
    method: "DELETE",
    path: "/api/v1/comments/{commentId}",
    operationId: "deleteComment",
    tag: "Comments",
    summary: "Delete a comment",
    description: "Its author, or an owner.",
    auth: "required",
    responses: { 204: { description: "Deleted." } },
  },

  // Live
  {
    method: "GET",
    path: "/api/v1/documents/{documentId}/events",
    operationId: "documentEvents",
    tag: "Live",
    summary: "A document's changes, live",
    description:
      "text/event-stream. Each change is one event: `id:` the change's id, `event:` its kind (annotation.created, .updated, .reviewed, " +
      ".deleted, .restored; speaker.created, .updated, .merged; comment.created, .updated, .deleted; document.deleted), `data:` the " +
      "subject as its GET returns it (for a deletion its id and where it was) plus `actor` {id, name}. `presence` events (no id) list who " +
      "has the document open. Reconnecting with Last-Event-ID (or ?since=) first replays every later change, in order, none twice. A " +
      "comment line every 15 s keeps proxies open. At most 4 streams per user and document (429 with Retry-After beyond); the stream " +
      "ends when the caller stops being a member, and a client too far behind is dropped (it reconnects and replays).",
    auth: "required",
    query: eventStream,
    responses: { 200: { description: "The event stream.", mediaTypes: ["text/event-stream"] } },
    errors: ["too_many_requests"],
  },
  {
    method: "GET",
    path: "/api/v1/projects/{projectId}/events",
    operationId: "projectEvents",
    tag: "Live",
    summary: "A project's changes, live",
    description: "As a document's stream, for every change of the project (document.created included), without presence.",
    auth: "required",
    query: eventStream,
    responses: { 200: { description: "The event stream.", mediaTypes: ["text/event-stream"] } },
    errors: ["too_many_requests"],
  },

  // Export and import
  {
    method: "GET",
    path: "/api/v1/projects/{projectId}/export",
    operationId: "exportProject",
    tag: "Export and import",
    summary: "Export the project",
    description:
      `A file in one of ${formatList(EXPORT_FORMAT_IDS)}, streamed as it is read. Every format carries code point offsets and the ` +
      "spanned text, so a consumer can check each span. Any member may export.",
    auth: "required",
    query: {
      schema: exportQuerySchema,
      about: {
        format: "The file format.",
        documentId: "Only this document's annotations.",
        label: "Only annotations with this label.",
        speakerId: "Only annotations attributed to this speaker.",
        status: "Only annotations with this review status.",
        author: "Only annotations by this user (their id).",
        layer: "all (the default): every annotation, with its author; curated: only the curated (gold) layer.",
      },
    },
    responses: {
      200: {
        description: [
          "The file, by format:",
          ...EXPORT_FORMAT_IDS.map((id) => `- \`${id}\`: ${FORMAT_CATALOG[id].title} (\`${FORMAT_CATALOG[id].contentType}\`)`),
        ].join("\n"),
        mediaTypes: exportMediaTypes(),
        headers: { "Content-Disposition": "attachment, with the file's name." },
      },
    },
    errors: ["too_many_requests"],
  },
  {
    method: "POST",
    path: "/api/v1/projects/{projectId}/import",
    operationId: "importAnnotations",
    tag: "Export and import",
    summary: "Import annotations",
    description:
      "Every span is checked against its document's text; a record that fails is reported and nothing of it is written, the good ones " +
      "are kept. Imported annotations are authored by the importer — except in an owner's json or jsonl import, where a record's " +
      "author (`author.id` or `author.email`, or `authorId` / `authorEmail`) that names a member of the project stays its author. " +
      "Their status is kept only when the importer may review. " +
      "Annotators, reviewers and owners.",
    auth: "required",
    query: {
      schema: importQuerySchema,
      about: {
        format:
          "The body's format. Without it, the media type of the Content-Type decides (parameters ignored: application/x-ndjson or " +
          "application/jsonl → jsonl, application/ld+json → w3c), else the content (json and w3c).",
        suggest:
          "true: the documents the import creates get their suggestions, computed once all its records are written (each in a " +
          "transaction of its own, after the import's); also without it when the project has autoSuggest on. The report's " +
          "documents.suggested counts them.",
      },
    },
    body: {
      mediaTypes: ["application/json", "application/x-ndjson", "application/ld+json"],
      description:
        "json: a Sourcemark json export (documents are created, speakers matched by name or alias); jsonl: a Sourcemark jsonl export, " +
        "each line attached to a document of the project by documentId, else documentTitle (streamed); w3c: a W3C Web Annotation " +
        "collection, page, list or single annotation, attached by its target source's id, else its label, and anchored like an " +
        "annotation client: its TextPositionSelector when the text there is its quote (in code points, else UTF-16 units), else its " +
        "TextQuoteSelector (prefix and suffix choose among repeats; small differences are re-anchored and reported). Labels in any " +
        "case; type and target as a value or an array. A record whose id (or via) the project already has, and a document with the " +
        "same title and text, are reported already present and nothing is written: importing a file twice changes nothing. " +
        `Up to ${WHOLE_IMPORT_LIMIT / 1024 / 1024} MB (json, w3c) or ${STREAMED_IMPORT_LIMIT / 1024 ** 3} GB (jsonl, ` +
        `each line at most ${MAX_LINE_BYTES / 1024 / 1024} MB).`,
    },
    responses: { 200: { description: "What was created, and each record that failed and why.", body: importReportSchema } },
  },

  // Reference
  {
    method: "GET",
    path: "/api/v1/openapi.json",
    operationId: "getApiReference",
    tag: "Reference",
    summary: "This reference",
    description: "The OpenAPI 3.1 document describing every route, built from the schemas the routes use (lib/api-reference/).",
    auth: "none",
    responses: { 200: { description: "The OpenAPI document.", mediaTypes: ["application/json"] } },
  },
  {
    method: "GET",
    path: "/api/health",
    operationId: "getHealth",
    tag: "Reference",
    summary: "The server's health",
    description: "200 when the app reaches its database, 503 (with the same body) when it does not. For load balancers and monitoring.",
    auth: "none",
    responses: { 200: { description: "App and database are up.", body: healthSchema } },
    errors: ["service_unavailable"],
  },
  {
    method: "PUT",
    path: "/api/v1/documents/{documentId}/assignees",
    operationId: "setAssignees",
    tag: "Assignments",
    summary: "Set a document's annotators",
    description:
      "Owners only. Replaces the document's assignees with `userIds` (members whose role may annotate; 422 naming the others, " +
      "nothing changed). Those kept keep their progress. Writes an assignment.updated event.",
    auth: "required",
    body: { schema: setAssigneesSchema, ...json() },
    responses: { 200: { description: "The document's assignees now.", body: documentAssignmentsSchema } },
    errors: ["forbidden"],
  },
  {
    method: "GET",
    path: "/api/v1/projects/{projectId}/assignments",
    operationId: "listAssignments",
    tag: "Assignments",
    summary: "Who works on which document",
    description: "Every document of the project that has assignees, with each assignee's state (todo, in_progress, done).",
    auth: "required",
    responses: { 200: { description: "The documents with assignees, in the order they were added.", body: assignmentListSchema } },
  },
  {
    method: "POST",
    path: "/api/v1/projects/{projectId}/assignments",
    operationId: "assignDocuments",
    tag: "Assignments",
    summary: "Hand documents out round-robin",
    description:
      "Owners only. Gives each of the project's documents (or those in `documentIds`) `perDocument` annotators from `userIds`, " +
      "counting those already on it, round-robin and balanced: each user's number of assignments in the project, existing ones " +
      "included, differs from the others' by at most one; never the same user twice on a document. 422 when perDocument is more " +
      "than the users named, or a user is not a member who may annotate, or a document is not the project's.",
    auth: "required",
    body: { schema: assignDocumentsSchema, ...json() },
    responses: { 200: { description: "How many assignments were added, and the documents that got them.", body: assignResultSchema } },
    errors: ["forbidden"],
  },
  {
    method: "POST",
    path: "/api/v1/documents/{documentId}/done",
    operationId: "markDone",
    tag: "Assignments",
    summary: "Mark your work on a document done",
    description: "The caller's own assignment (created if the document was not assigned to them). Members who may annotate.",
    auth: "required",
    responses: { 200: { description: "Your assignment, now done.", body: queueItemSchema } },
    errors: ["forbidden"],
  },
  {
    method: "DELETE",
    path: "/api/v1/documents/{documentId}/done",
    operationId: "markNotDone",
    tag: "Assignments",
    summary: "Take back “done”",
    description: "The caller's assignment goes back to todo or in_progress; 404 if the document is not assigned to them.",
    auth: "required",
    responses: { 200: { description: "Your assignment.", body: queueItemSchema } },
    errors: ["forbidden"],
  },
  {
    method: "GET",
    path: "/api/v1/me/queue",
    operationId: "myQueue",
    tag: "Assignments",
    summary: "Your queue",
    description:
      "The documents assigned to the caller in every project they are a member of, oldest assignment first, each with its " +
      "project and state: todo, in_progress (you have annotations on it) or done (you marked it).",
    auth: "required",
    query: paged,
    responses: { 200: { description: "A page of the queue.", body: queueListSchema } },
  },
];
