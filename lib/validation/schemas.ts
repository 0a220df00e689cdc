// One zod schema per input: the same schemas validate API bodies and the web forms.

import { ANNOTATION_MODES } from "../annotations/annotation-visibility";
import { z } from "zod";
import { passwordProblem } from "../auth/password-policy";
import { ROLES } from "../auth/roles";
import { EXPORT_FORMAT_IDS, IMPORT_FORMAT_IDS } from "../formats/catalog";
import { ANNOTATION_STATUSES, LABELS, QUOTE_KINDS, SPEAKER_KINDS } from "../model/vocabulary";
import { canonicalLanguageTag } from "../text/language-tag";

const trimmed = (max: number) => z.string().trim().min(1, "must not be empty").max(max, `at most ${max} characters`);

/** One of the vocabulary's values, with a message that lists them: must be "claim" or "quote". */
function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  const quoted = values.map((v) => `"${v}"`);
  const list = quoted.length > 1 ? `${quoted.slice(0, -1).join(", ")} or ${quoted.at(-1)}` : quoted[0];
  return z.enum(values, { error: `must be ${list}` });
}

/** A page of a list: an opaque cursor from the previous page, and how many items (default 100, at most 1,000). */
const pageLimit = z.coerce.number<string>().int("must be an integer").min(1, "must be >= 1").max(1000, "at most 1000");
const page = {
  cursor: z.string().max(1024).optional(),
  limit: pageLimit.default(100),
};

/** A yes/no query parameter: true or 1, false or 0. */
const queryFlag = () => z.stringbool({ truthy: ["true", "1"], falsy: ["false", "0"] });

/** ?cursor&limit of every list route. */
export const pageQuerySchema = z.strictObject(page);
export type PageQuery = z.infer<typeof pageQuerySchema>;

/** A document's annotations: without cursor or limit, all of them (streamed; the workspace needs them all). */
export const annotationListQuerySchema = z.strictObject({
  cursor: page.cursor,
  limit: pageLimit.optional(),
  author: z
    .string()
    .min(1)
    .optional()
    .describe("Only this user's annotations (a layer; annotators in independent mode always get their own)."),
});

export const roleSchema = oneOf(ROLES);
export const labelSchema = oneOf(LABELS);
export const quoteKindSchema = oneOf(QUOTE_KINDS);
export const statusSchema = oneOf(ANNOTATION_STATUSES);
export const speakerKindSchema = oneOf(SPEAKER_KINDS);

export const emailSchema = z
  .string()
  .trim()
  .max(320)
  .pipe(z.email("must be an email address"))
  .transform((email) => email.toLowerCase());

/** A new password: the policy of lib/auth/password-policy.ts (the email, when known, is checked too). */
export const newPasswordSchema = z
  .string()
  .max(1024, "at most 1024 characters")
  .superRefine((password, ctx) => {
    const problem = passwordProblem(password);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

export const signUpSchema = z
  .strictObject({
    email: emailSchema,
    password: newPasswordSchema,
    name: trimmed(200).optional(),
  })
  .superRefine((input, ctx) => {
    const problem = passwordProblem(input.password, input.email);
    if (problem && !passwordProblem(input.password)) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
  });
export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.strictObject({
  email: emailSchema,
  password: z.string().min(1, "must not be empty").max(1024),
});

/** POST /me/tokens: a label to recognise the token by, and optionally when it stops working. */
export const createTokenSchema = z.strictObject({
  label: trimmed(200).nullish(),
  expiresInDays: z.int("must be a whole number of days").min(1, "at least 1 day").max(3650, "at most 3650 days").nullish(),
});
export type CreateTokenInput = z.infer<typeof createTokenSchema>;

/** POST /me/password. */
export const changePasswordSchema = z.strictObject({
  currentPassword: z.string().min(1, "must not be empty").max(1024),
  newPassword: newPasswordSchema,
});
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

export const createProjectSchema = z.strictObject({ name: trimmed(200) });
/** DELETE /projects/{id}: the project's name, typed again. */
export const deleteProjectSchema = z.strictObject({ confirm: z.string().max(200) });
/** PATCH /projects/{id} (owners): the project's settings; absent fields stay as they are. */
export const updateProjectSchema = z.strictObject({
  annotationMode: oneOf(ANNOTATION_MODES)
    .optional()
    .describe('"shared" (everyone sees every annotation) or "independent" (annotators see only their own).'),
  autoSuggest: z.boolean().optional().describe("Compute suggested quotes and speakers for every document added to the project."),
});
export type UpdateProjectInput = z.infer<typeof updateProjectSchema>;

export type DeleteProjectInput = z.infer<typeof deleteProjectSchema>;
export type CreateProjectInput = z.infer<typeof createProjectSchema>;

export const addMemberSchema = z.strictObject({ email: emailSchema, role: roleSchema });
export type AddMemberInput = z.infer<typeof addMemberSchema>;
export const updateMemberSchema = z.strictObject({ role: roleSchema });
export type UpdateMemberInput = z.infer<typeof updateMemberSchema>;

const httpUrl = z
  .string()
  .trim()
  .max(2048)
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === "http:" || url.protocol === "https:";
    } catch {
      return false;
    }
  }, "must be an http(s) URL");

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2}))?$/;

/** Is "2022-02-30" a day of the calendar (and the time, if any, a time of day)? Year 1 to 9999. */
function isCalendarDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day, hour = "0", minute = "0", second = "0"] = match.slice(1, 7).map((part) => part ?? "0");
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  const lastDay = new Date(0);
  lastDay.setUTCFullYear(y, m, 0); // day 0 of the next month: the last day of month m (years < 100 too)
  const daysInMonth = lastDay.getUTCDate();
  return y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth && Number(hour) <= 23 && Number(minute) <= 59 && Number(second) <= 59;
}

/**
 * A date ("2022-11-04") or an ISO 8601 date-time with a zone; stored as a UTC instant. Only days
 * that exist: "2022-02-30" and "0000-01-01" are refused, never rolled over or stored wrong.
 */
const isoDate = z
  .string()
  .trim()
  .refine((value) => ISO_DATE.test(value), "must be an ISO 8601 date or date-time with a time zone")
  .refine(isCalendarDate, "is not a real date");
const publishedAt = isoDate.transform((value) => new Date(value));

/** A BCP 47 language tag ("en", "pt-BR"), stored in canonical form ("EN-us" → "en-US"). */
const languageTag = z
  .string()
  .max(100, "at most 100 characters")
  .transform((value, ctx) => {
    const tag = canonicalLanguageTag(value);
    if (!tag) {
      ctx.addIssue({ code: "custom", message: 'must be a BCP 47 language tag ("en", "pt-BR")' });
      return z.NEVER;
    }
    return tag;
  });

const SUGGEST_OPTION =
  "Compute the new document's suggested quotes and speakers once it is stored (always, when the project has autoSuggest on).";

export const createDocumentSchema = z.strictObject({
  title: trimmed(1000),
  text: z.string().min(1, "must not be empty"),
  sourceUrl: httpUrl.nullish(),
  byline: z.string().trim().max(1000, "at most 1000 characters").nullish(),
  language: languageTag.nullish(),
  publishedAt: publishedAt.nullish(),
  suggest: z.boolean().optional().describe(SUGGEST_OPTION),
});
export type CreateDocumentInput = z.infer<typeof createDocumentSchema>;

/** PATCH /api/v1/documents/{documentId}: what may change of a document (its text is frozen). */
export const updateDocumentSchema = z.strictObject({
  language: languageTag.nullable(),
});
export type UpdateDocumentInput = z.infer<typeof updateDocumentSchema>;

/** POST …/documents/from-url: the page to import; with preview, what would be created, nothing stored. */
export const importUrlSchema = z.strictObject({
  url: z.string().trim().min(1, "must not be empty").max(2048, "at most 2048 characters"),
  preview: z.boolean().optional(),
  suggest: z.boolean().optional().describe(SUGGEST_OPTION),
});
export type ImportUrlInput = z.infer<typeof importUrlSchema>;

const aliases = z.array(trimmed(200)).max(100, "at most 100 aliases");

export const createSpeakerSchema = z.strictObject({
  name: trimmed(200),
  aliases: aliases.optional(),
  kind: speakerKindSchema.optional(),
  description: z.string().trim().max(5000).nullish(),
});
export type CreateSpeakerInput = z.infer<typeof createSpeakerSchema>;

/** GET …/speakers?q= : name or alias contains q (any case). */
export const speakerListQuerySchema = z.strictObject({ q: z.string().max(200).optional(), ...page });

/** POST …/speakers?existing=return : answer with the speaker already so named instead of 409. */
export const createSpeakerQuerySchema = z.strictObject({ existing: z.enum(["error", "return"]).optional() });

export const updateSpeakerSchema = createSpeakerSchema
  .partial()
  .refine((value) => Object.keys(value).length > 0, "send at least one field to change");
export type UpdateSpeakerInput = z.infer<typeof updateSpeakerSchema>;

const offset = z.int("must be an integer (code points)").min(0, "must be >= 0");
const note = z.string().max(10000, "at most 10000 characters").nullish();
const id = z.string().min(1).max(100);

export const createAnnotationSchema = z.strictObject({
  label: labelSchema,
  start: offset,
  end: offset,
  exact: z.string().optional(),
  speakerId: id.nullish(),
  quoteKind: quoteKindSchema.nullish(),
  note,
});
export type CreateAnnotationInput = z.infer<typeof createAnnotationSchema>;

export const updateAnnotationSchema = z.strictObject({
  version: z.int("must be an integer").min(1),
  label: labelSchema.optional(),
  start: offset.optional(),
  end: offset.optional(),
  exact: z.string().optional(),
  speakerId: id.nullish(),
  quoteKind: quoteKindSchema.nullish(),
  note,
  status: statusSchema.optional(),
});
export type UpdateAnnotationInput = z.infer<typeof updateAnnotationSchema>;

/** POST …/review: the review's outcome, and (for a rejection, typically) why. */
export const reviewSchema = z.strictObject({
  status: statusSchema,
  reason: z.string().trim().max(2000, "at most 2000 characters").nullish(),
});
export type ReviewInput = z.infer<typeof reviewSchema>;

/**
 * One annotation of an import once its format's reader has found its fields: the API's create
 * schema with the speaker given by name (resolved by the import) and the review status (kept when
 * the importer may review). The span's text is required: it is how offsets are checked.
 */
export const importAnnotationSchema = createAnnotationSchema.omit({ speakerId: true }).extend({
  exact: z.string({ error: "the span's text (exact) is missing: it is needed to check the offsets" }),
  status: statusSchema.nullish(),
});
export type ImportAnnotationInput = z.infer<typeof importAnnotationSchema>;

export const annotationFilterSchema = z.strictObject({
  documentId: id.optional(),
  label: labelSchema.optional(),
  speakerId: id.optional(),
  status: statusSchema.optional(),
  author: id.optional(),
});
export type AnnotationFilter = z.infer<typeof annotationFilterSchema>;

/** A page of a long list: an opaque cursor from the previous page, and how many items (default 50). */

/** POST /speakers/{id}/merge: the speaker that absorbs this one. */
export const mergeSpeakerSchema = z.strictObject({ into: id });
export type MergeSpeakerInput = z.infer<typeof mergeSpeakerSchema>;

/** POST /projects/{id}/reattribute: give these annotations another speaker (or none). */
export const reattributeSchema = z.strictObject({
  annotationIds: z.array(id).min(1, "name at least one annotation").max(10000, "at most 10000 at once"),
  speakerId: id.nullable(),
});
export type ReattributeInput = z.infer<typeof reattributeSchema>;

/** GET /speakers/{id}/annotations: a speaker's annotations across documents, a page at a time. */
export const speakerAnnotationsQuerySchema = z.strictObject({
  status: statusSchema.optional(),
  ...page,
});
export type SpeakerAnnotationsQuery = z.infer<typeof speakerAnnotationsQuerySchema>;

/** GET …/review-queue: the filters (status pending by default), an opaque cursor and a page size. */
export const reviewQueueQuerySchema = annotationFilterSchema.extend({
  status: statusSchema.default("pending"),
  ...page,
});
export type ReviewQueueQuery = z.infer<typeof reviewQueueQuerySchema>;

export const SEARCH_SCOPES = ["annotations", "documents"] as const;
export const SEARCH_SORTS = ["date", "relevance"] as const;

/**
 * GET …/search: the words to find (websearch syntax), what to search, the annotation filters, a
 * document date range (a bare `to` date includes that whole day), the order, and a page (20 by
 * default, at most 200: each result carries its highlights).
 */
/** The words to find (websearch syntax) and a document date range, for search and export. */
const searchTerms = {
  q: z.string().trim().max(500, "at most 500 characters").optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
};
/** The annotation filters with the search terms: what search and export both select by. */
export const annotationMatchSchema = annotationFilterSchema.extend(searchTerms);
export type AnnotationMatch = z.infer<typeof annotationMatchSchema>;

export const searchQuerySchema = annotationMatchSchema.extend({
  in: oneOf(SEARCH_SCOPES).default("annotations"),
  sort: oneOf(SEARCH_SORTS).optional(),
  /** Also count the matches (and, for annotations, by speaker, label, status and document): first page only. */
  facets: queryFlag().default(false),
  cursor: page.cursor,
  limit: z.coerce.number<string>().int("must be an integer").min(1, "must be >= 1").max(200, "at most 200").default(20),
});
export type SearchQuery = z.infer<typeof searchQuerySchema>;

/** A comment's text: plain text, 1–10,000 characters (rendered as text, never as HTML). */
export const commentInputSchema = z.strictObject({
  body: z
    .string()
    .trim()
    .min(1, "must not be empty")
    .max(10000, "at most 10000 characters")
    .refine((body) => !body.includes("\u0000"), "must not contain NUL characters"),
});
export type CommentInput = z.infer<typeof commentInputSchema>;

/** GET …/events: resume after this event id (what an EventSource sends as Last-Event-ID). */
export const eventStreamQuerySchema = z.strictObject({
  since: z
    .string()
    .regex(/^\d{1,18}$/, "must be an event id")
    .optional(),
});

/** POST …/import: the format, when the content type or the content should not decide it. */
export const importQuerySchema = z.strictObject({
  format: z.enum(IMPORT_FORMAT_IDS).optional(),
  /** Suggestions for the documents the import creates, computed once its annotations are in. */
  suggest: queryFlag().optional(),
});

/** GET /annotations/{id}: as our JSON view (the default) or as one W3C Web Annotation. */
export const annotationQuerySchema = z.strictObject({ format: z.enum(["json", "w3c"]).default("json") });

/** How an export writes spreadsheet cells: formula-protected, or as they are. */
export const CELL_MODES = ["safe", "raw"] as const;
export type CellMode = (typeof CELL_MODES)[number];

/** GET …/export: the format and the annotation filters. */
/** Which annotations an export holds: every annotator's (with authors), or only the curated (gold) layer. */
export const EXPORT_LAYERS = ["all", "curated"] as const;
export type ExportLayer = (typeof EXPORT_LAYERS)[number];
/** An export's filters: the search filters and the layer. */
export type ExportFilter = AnnotationMatch & { layer?: ExportLayer };

export const exportQuerySchema = annotationMatchSchema.extend({
  format: z.enum(EXPORT_FORMAT_IDS).default("json"),
  layer: z
    .enum(EXPORT_LAYERS)
    .default("all")
    .describe("all (the default): every annotation, with its author; curated: only the curated layer, the adjudicated gold data."),
  cells: z
    .enum(CELL_MODES)
    .default("safe")
    .describe(
      "csv only. safe (the default, for spreadsheets): a cell starting with =, +, -, @, tab or CR gets a leading ' so no " +
        "spreadsheet runs it as a formula. raw (for pandas and other data pipelines): every cell as it is, so text equals " +
        "the document's text[start:end].",
    ),
});

const userIds = z.array(id).max(1000, "at most 1000 users");
/** PUT /documents/{id}/assignees: the document's annotators, replacing the previous ones. */
export const setAssigneesSchema = z.strictObject({ userIds });
export type SetAssigneesInput = z.infer<typeof setAssigneesSchema>;
/** POST /projects/{id}/assignments: hand documents out round-robin, `perDocument` annotators each. */
export const assignDocumentsSchema = z.strictObject({
  perDocument: z.int("must be an integer").min(1, "must be >= 1").max(100, "at most 100"),
  userIds: userIds.min(1, "name at least one user"),
  documentIds: z.array(id).max(100_000).optional().describe("Only these documents of the project (default: all of them)."),
});
export type AssignDocumentsInput = z.infer<typeof assignDocumentsSchema>;
