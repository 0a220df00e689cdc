// The named schemas of the API reference (components.schemas): every request and response body a
// route reads or writes, registered under the name the reference gives it. Each is the very schema
// object the routes and services use; only the list envelopes (`{"annotations": [...]}`), which the
// route handlers write inline, are declared here.

import { z } from "zod";
import { historyEntrySchema } from "../annotations/annotations";
import { annotationViewSchema } from "../annotations/annotation-view";
import { actorSchema } from "../auth/authenticate";
import { documentSummarySchema, documentViewSchema } from "../documents/document-view";
import { importReportSchema } from "../import/import-record";
import { assigneeSchema, documentAssignmentsSchema, queueItemSchema } from "../assignments/assignments";
import { memberViewSchema, projectViewSchema } from "../projects/projects";
import { sessionViewSchema, tokenViewSchema } from "../auth/account";
import { commentViewSchema } from "../comments/comment-view";
import { invitationViewSchema } from "../projects/invitations";
import { healthSchema } from "../db/health";
import { reviewItemSchema, reviewQueuePageSchema } from "../review/review-queue";
import {
  annotationHitSchema,
  annotationSearchPageSchema,
  documentHitSchema,
  documentSearchPageSchema,
  searchFacetsSchema,
  searchPageSchema,
} from "../search/search";
import { duplicatesSchema, mergeResultSchema, reattributeResultSchema } from "../speakers/merge-speakers";
import { speakerViewSchema } from "../speakers/speakers";
import { agreementReportSchema } from "../agreement/load-agreement";
import { curateSchema, unanimousResultSchema } from "../curation/curation";
import { acceptSuggestionSchema, suggestionListSchema, suggestionViewSchema } from "../suggestions/suggestions";
import { errorBodySchema } from "./errors";
import {
  addMemberSchema,
  changePasswordSchema,
  commentInputSchema,
  createAnnotationSchema,
  createTokenSchema,
  deleteProjectSchema,
  assignDocumentsSchema,
  setAssigneesSchema,
  updateProjectSchema,
  mergeSpeakerSchema,
  reattributeSchema,
  reviewSchema,
  createDocumentSchema,
  updateDocumentSchema,
  createProjectSchema,
  createSpeakerSchema,
  emailSchema,
  signInSchema,
  signUpSchema,
  updateAnnotationSchema,
  updateMemberSchema,
  updateSpeakerSchema,
  importUrlSchema,
} from "../validation/schemas";
import { urlPreviewSchema } from "../url-import/import-from-url";

export interface ComponentMeta {
  /** The name in components.schemas. */
  id: string;
  description?: string;
}

/** Request bodies, described as clients send them (zod's input side: before trims and transforms). */
export const requestBodies = z.registry<ComponentMeta>();

/** Response bodies, as the server writes them. */
export const responseBodies = z.registry<ComponentMeta>();

requestBodies
  .add(acceptSuggestionSchema, {
    id: "AcceptSuggestion",
    description: "Optional corrections: the span (code points), a speaker (speakerId, or newName for a new one), the quote kind.",
  })
  .add(signUpSchema, { id: "SignUp" })
  .add(signInSchema, { id: "SignIn" })
  .add(createProjectSchema, { id: "CreateProject" })
  .add(addMemberSchema, { id: "AddMember" })
  .add(updateMemberSchema, { id: "UpdateMember" })
  .add(createDocumentSchema, { id: "CreateDocument" })
  .add(updateDocumentSchema, { id: "UpdateDocument", description: "The document's language: a BCP 47 tag, or null to clear it." })
  .add(createSpeakerSchema, { id: "CreateSpeaker" })
  .add(updateSpeakerSchema, { id: "UpdateSpeaker", description: "Any of the fields, at least one." })
  .add(createAnnotationSchema, { id: "CreateAnnotation" })
  .add(updateAnnotationSchema, {
    id: "UpdateAnnotation",
    description: "The version the change is based on, and the fields to change. Only reviewers and owners may set status.",
  })
  .add(reviewSchema, { id: "Review", description: "The review's outcome and, for a rejection typically, why." })
  .add(commentInputSchema, { id: "CommentInput", description: "Plain text, 1–10,000 characters; shown as text, never as HTML." })
  .add(mergeSpeakerSchema, { id: "MergeSpeaker" })
  .add(reattributeSchema, { id: "Reattribute" })
  .add(deleteProjectSchema, { id: "DeleteProject", description: "The project's name, typed again." })
  .add(updateProjectSchema, { id: "UpdateProject", description: "The settings to change; those left out stay as they are." })
  .add(setAssigneesSchema, { id: "SetAssignees", description: "The document's annotators: user ids of members who may annotate." })
  .add(assignDocumentsSchema, { id: "AssignDocuments" })
  .add(createTokenSchema, { id: "CreateToken" })
  .add(changePasswordSchema, { id: "ChangePassword" })
  .add(importUrlSchema, { id: "ImportUrl", description: "The page's address; with preview true, nothing is created." })
  .add(curateSchema, {
    id: "Curate",
    description: "The annotation to accept (from) and optional corrections: label, kind, speaker, span, note.",
  });

export const signedInSchema = actorSchema.pick({ id: true });
/** Every list answer: a page of items and the cursor of the next page (null on the last). */
const nextCursor = z.string().nullable().describe("Pass as ?cursor= for the next page; null on the last page.");
export const projectListSchema = z.object({ projects: z.array(projectViewSchema), nextCursor });
export const memberListSchema = z.object({ members: z.array(memberViewSchema), nextCursor });
export const documentListSchema = z.object({ documents: z.array(documentSummarySchema), nextCursor });
export const speakerListSchema = z.object({ speakers: z.array(speakerViewSchema), nextCursor });
export const annotationListSchema = z.object({ annotations: z.array(annotationViewSchema), nextCursor });
export const historySchema = z.object({ history: z.array(historyEntrySchema) });
export const invitationListSchema = z.object({ invitations: z.array(invitationViewSchema) });
export const commentListSchema = z.object({ comments: z.array(commentViewSchema), nextCursor });
export const tokenListSchema = z.object({ tokens: z.array(tokenViewSchema) });
export const newTokenSchema = tokenViewSchema.extend({ token: z.string() });
export const sessionListSchema = z.object({ sessions: z.array(sessionViewSchema) });
export const endedSessionsSchema = z.object({ ended: z.int() });
export const passwordChangedSchema = z.object({ endedSessions: z.int() });
export const urlPreviewAnswerSchema = z.object({ preview: urlPreviewSchema });
export const assignmentListSchema = z.object({ documents: z.array(documentAssignmentsSchema) });
export const assignResultSchema = z.object({ created: z.int(), documents: z.array(documentAssignmentsSchema) });
export const queueListSchema = z.object({ queue: z.array(queueItemSchema), nextCursor });

responseBodies
  .add(errorBodySchema, { id: "Error", description: "Every error answer has this body." })
  .add(actorSchema, { id: "Account" })
  .add(signedInSchema, { id: "SignedIn" })
  .add(projectViewSchema, { id: "Project" })
  .add(projectListSchema, { id: "ProjectList", description: "The caller's projects." })
  .add(memberViewSchema, { id: "Member" })
  .add(memberListSchema, { id: "MemberList" })
  .add(documentViewSchema, { id: "Document", description: "A document with its text; length counts code points." })
  .add(documentSummarySchema, { id: "DocumentSummary", description: "A document without its text." })
  .add(documentListSchema, { id: "DocumentList" })
  .add(urlPreviewSchema, { id: "UrlPreview", description: "What a page would become as a document; correct it, then POST …/documents." })
  .add(urlPreviewAnswerSchema, { id: "UrlPreviewAnswer" })
  .add(speakerViewSchema, { id: "Speaker" })
  .add(speakerListSchema, { id: "SpeakerList", description: "Ordered by name." })
  .add(annotationViewSchema, {
    id: "Annotation",
    description: "start and end count code points, half-open; exact is text[start:end], prefix and suffix the text around it.",
  })
  .add(annotationListSchema, { id: "AnnotationList", description: "Ordered by start, then end." })
  .add(historyEntrySchema, { id: "HistoryEntry" })
  .add(suggestionViewSchema, {
    id: "Suggestion",
    description: "A proposed quote: span and cue in code points, the proposed speaker, the rule that found it and its confidence.",
  })
  .add(suggestionListSchema, { id: "SuggestionList", description: "Pending suggestions, by position." })
  .add(historySchema, { id: "History", description: "Oldest first; kept after the annotation is deleted." })
  .add(importReportSchema, { id: "ImportReport" })
  .add(commentViewSchema, { id: "Comment", description: "body is plain text: show it as text, never as HTML." })
  .add(commentListSchema, { id: "CommentList", description: "Oldest first." })
  .add(reviewItemSchema, {
    id: "ReviewItem",
    description: "An annotation with its document's title, its sentence and an attribution hint.",
  })
  .add(reviewQueuePageSchema, { id: "AnnotationPage", description: "One page, by document then position; nextCursor continues." })
  .add(annotationHitSchema, {
    id: "AnnotationHit",
    description: "An annotation found by search: its document's title and date, the matched words of exact, its score.",
  })
  .add(documentHitSchema, { id: "DocumentHit", description: "A document found by search, with an excerpt around its first match." })
  .add(searchFacetsSchema, { id: "SearchFacets", description: "Counts of the matches, most first." })
  .add(annotationSearchPageSchema, { id: "AnnotationSearchPage" })
  .add(documentSearchPageSchema, { id: "DocumentSearchPage" })
  .add(searchPageSchema, { id: "SearchPage", description: "Annotations, or documents with in=documents; nextCursor continues." })
  .add(mergeResultSchema, { id: "MergeResult" })
  .add(reattributeResultSchema, { id: "ReattributeResult" })
  .add(duplicatesSchema, { id: "SpeakerDuplicates", description: "Pairs of speakers that are likely the same, with the reason." })
  .add(tokenViewSchema, { id: "ApiToken", description: "An API token, never its secret." })
  .add(tokenListSchema, { id: "ApiTokenList", description: "Newest first." })
  .add(newTokenSchema, { id: "NewApiToken", description: "The new token with its secret: shown this once, never stored." })
  .add(sessionViewSchema, { id: "Session" })
  .add(sessionListSchema, { id: "SessionList", description: "Newest first." })
  .add(endedSessionsSchema, { id: "EndedSessions" })
  .add(passwordChangedSchema, { id: "PasswordChanged" })
  .add(healthSchema, { id: "Health" })
  .add(invitationViewSchema, { id: "Invitation" })
  .add(invitationListSchema, { id: "InvitationList" })
  .add(assigneeSchema, { id: "Assignee", description: "An annotator on a document and how far they are." })
  .add(documentAssignmentsSchema, { id: "DocumentAssignments" })
  .add(assignmentListSchema, { id: "AssignmentList" })
  .add(assignResultSchema, { id: "AssignResult" })
  .add(queueItemSchema, { id: "QueueItem", description: "A document assigned to you, with its project and your state on it." })
  .add(queueListSchema, { id: "Queue", description: "Oldest assignment first; nextCursor continues." })
  .add(agreementReportSchema, {
    id: "Agreement",
    description: "Pairwise F1 and alpha_u for the project and per document; null where undefined.",
  })
  .add(unanimousResultSchema, { id: "UnanimousCuration" });

/**
 * What the schemas above do not say themselves, attached to the same schema objects (fields of
 * lib/validation/schemas.ts and the views). A description given in the schema with .describe()
 * wins; these could move there.
 */
export const fieldNotes = z.registry<{ description?: string; format?: string }>();

function visibleCountNote(which: string): string {
  return (
    `How many annotations ${which} the caller may see: in an independent project an annotator or viewer counts their own. ` +
    "In live events (document.*, speaker.*) it counts every annotation: a client should keep the count it read."
  );
}

const offsetNote = "Code points (not UTF-16 code units) from the start of the document's text; the span is text[start:end].";
fieldNotes
  .add(emailSchema, { format: "email", description: "Compared ignoring case." })
  .add(createDocumentSchema.shape.sourceUrl.unwrap().unwrap(), { format: "uri", description: "An http(s) URL." })
  .add(createDocumentSchema.shape.publishedAt, {
    description: 'A date ("2022-11-04") or an ISO 8601 date-time with a time zone; stored as a UTC instant.',
  })
  .add(createDocumentSchema.shape.text, {
    description: "Stored as sent, except that CRLF and CR line endings become LF; it never changes.",
  })
  .add(createDocumentSchema.shape.language, {
    description: 'The language it is written in: a BCP 47 tag ("en", "pt-BR"), stored in canonical form ("EN-us" becomes "en-US").',
  })
  .add(createAnnotationSchema.shape.start, {
    description: `${offsetNote} A span may not split a character (a grapheme cluster), nor start or end with whitespace (else 422).`,
  })
  .add(createAnnotationSchema.shape.exact, { description: "If sent, it must equal text[start:end] (else 422)." })
  .add(createAnnotationSchema.shape.speakerId, { description: "A speaker of the same project." })
  .add(createAnnotationSchema.shape.quoteKind, {
    description: "Only quotes have one. A quote created without it is direct when its text starts with a quotation mark.",
  })
  .add(updateAnnotationSchema.shape.version, { description: "The annotation's version this change is based on; a stale one is 409." })
  .add(annotationViewSchema.shape.start, { description: offsetNote })
  .add(annotationViewSchema.shape.end, { description: offsetNote })
  .add(annotationViewSchema.shape.version, { description: "1 when created, + 1 with every update." })
  .add(documentViewSchema.shape.length, { description: "In code points." })
  .add(documentSummarySchema.shape.annotationCount, { description: visibleCountNote("on the document") })
  .add(speakerViewSchema.shape.annotationCount, { description: visibleCountNote("attributed to the speaker") });
