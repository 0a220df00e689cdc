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
import { EXPORT_FORMAT_IDS, FORMAT_CATALOG, IMPORT_FORMAT_IDS } from "../formats/catalog";
import { DEFAULT_BODY_LIMIT, DOCUMENT_BODY_LIMIT } from "../http/read-body";
import {
  addMemberSchema,
  createAnnotationSchema,
  createDocumentSchema,
  createProjectSchema,
  createSpeakerQuerySchema,
  createSpeakerSchema,
  exportQuerySchema,
  signInSchema,
  signUpSchema,
  speakerListQuerySchema,
  updateAnnotationSchema,
  updateMemberSchema,
  updateSpeakerSchema,
} from "../validation/schemas";
import { annotationViewSchema } from "../annotations/annotation-view";
import { actorSchema } from "../auth/authenticate";
import { documentViewSchema } from "../documents/documents";
import { importReportSchema } from "../import/import-record";
import { memberViewSchema, projectViewSchema } from "../projects/projects";
import { speakerViewSchema } from "../speakers/speakers";
import {
  annotationListSchema,
  documentListSchema,
  historySchema,
  memberListSchema,
  projectListSchema,
  signedInSchema,
  speakerListSchema,
} from "./components";

export const TAGS = {
  Account: "Signing up and in (the web app's session cookie), and who the caller is.",
  Projects: "Projects and their members.",
  Documents: "Articles, their text frozen at import.",
  Speakers: "The people and organisations spans are attributed to.",
  Annotations: "Claims and quotes: spans of a document's text, attributed to speakers, with their history.",
  "Export and import": "Whole projects out in six formats; annotations (and documents) back in.",
  Reference: "This reference.",
} as const;
export type Tag = keyof typeof TAGS;

/** What each path parameter names (every {param} of a path must be here). */
export const PATH_PARAMS: Readonly<Record<string, string>> = {
  projectId: "A project the caller is a member of.",
  documentId: "A document of a project the caller is a member of.",
  speakerId: "A speaker of a project the caller is a member of.",
  annotationId: "An annotation of a project the caller is a member of.",
  userId: "The member's user id.",
};

export type Method = "GET" | "POST" | "PATCH" | "DELETE";

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
  responses: Readonly<Partial<Record<200 | 201 | 204, ResponseSpec>>>;
  /** Errors the route's service raises for reasons of its own (the rest follow from the kind of route, above). */
  errors?: readonly DomainErrorCode[];
}

const json = (limitBytes = DEFAULT_BODY_LIMIT) => ({ limitBytes });
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

  // Projects
  {
    method: "GET",
    path: "/api/v1/projects",
    operationId: "listProjects",
    tag: "Projects",
    summary: "The caller's projects",
    description: "Only the projects the caller is a member of, each with the caller's role.",
    auth: "required",
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
    method: "GET",
    path: "/api/v1/projects/{projectId}/members",
    operationId: "listMembers",
    tag: "Projects",
    summary: "The project's members",
    auth: "required",
    responses: { 200: { description: "The members with their roles.", body: memberListSchema } },
  },
  {
    method: "POST",
    path: "/api/v1/projects/{projectId}/members",
    operationId: "addMember",
    tag: "Projects",
    summary: "Add a member",
    description: "Owners only. The user must already have an account (else 422); one who is already a member is 409.",
    auth: "required",
    body: { schema: addMemberSchema, ...json() },
    responses: { 201: { description: "The new member.", body: memberViewSchema } },
    errors: ["conflict"],
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
      "Annotators, reviewers and owners.",
    auth: "required",
    body: { schema: createDocumentSchema, ...json(DOCUMENT_BODY_LIMIT) },
    responses: { 201: { description: "The new document.", body: documentViewSchema } },
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

  // Speakers
  {
    method: "GET",
    path: "/api/v1/projects/{projectId}/speakers",
    operationId: "listSpeakers",
    tag: "Speakers",
    summary: "The project's speakers",
    auth: "required",
    query: { schema: speakerListQuerySchema, about: { q: "Keep the speakers whose name or an alias contains this, in any case." } },
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
      "Puts a deleted annotation back with its id, author, status and history (its speaker only if the speaker still exists). " +
      "Allowed to whoever may delete it; an annotation that is not deleted is 409.",
    auth: "required",
    responses: { 201: { description: "The annotation, back.", body: annotationViewSchema } },
    errors: ["conflict"],
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
  },
  {
    method: "POST",
    path: "/api/v1/projects/{projectId}/import",
    operationId: "importAnnotations",
    tag: "Export and import",
    summary: "Import annotations",
    description:
      "Every span is checked against its document's text; a record that fails is reported and nothing of it is written, the good ones " +
      "are kept. Imported annotations are authored by the importer; their status is kept only when the importer may review. " +
      "Annotators, reviewers and owners.",
    auth: "required",
    query: {
      // The route declares this schema itself today; lib/validation/schemas.ts is getting an importQuerySchema to use here.
      schema: z.strictObject({ format: z.enum(IMPORT_FORMAT_IDS).optional() }),
      about: {
        format:
          "The body's format. Without it, jsonl is recognised by an application/x-ndjson content type, json and w3c by their content.",
      },
    },
    body: {
      mediaTypes: ["application/json", "application/x-ndjson", "application/ld+json"],
      description:
        "json: a Sourcemark json export (documents are created, speakers matched by name or alias); jsonl: a Sourcemark jsonl export, " +
        "each line attached to a document of the project by documentId, else documentTitle (streamed); w3c: a W3C Web Annotation " +
        "collection, page, list or single annotation, attached by its target source's id, else its label. Up to 256 MB (json, w3c) or 2 GB (jsonl).",
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
];
