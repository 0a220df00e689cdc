// Who sees which annotations: the one rule of blind double annotation (issue 10). In a project in
// `independent` mode a member whose role may not "annotation.readAll" (roles.ts: annotators,
// viewers) sees only the annotations they authored; in `shared` mode, and for reviewers and owners,
// everyone's. Every read of annotations applies it, either as SQL (single rows, events) or as the
// author filter it forces on list queries (layerAuthor).

import type { Actor } from "../auth/authenticate";
import { rolesAllowed, type Role } from "../auth/roles";
import { pool, type Queryable } from "../db/client";

import type { AnnotationMode } from "../model/vocabulary";

export { ANNOTATION_MODES } from "../model/vocabulary";
export type { AnnotationMode };

/** Pure form of the rule: may a member with `role` see annotations authored by others? */
export function seesOthersAnnotations(mode: AnnotationMode, role: Role): boolean {
  return mode === "shared" || rolesAllowed("annotation.readAll").includes(role);
}

/**
 * The rule for one annotation once the viewer's layer is known (`layerAuthor` without a request):
 * `layer` undefined sees every author's, else only `layer`'s own. A comment is visible with its
 * annotation.
 */
export function inVisibleLayer(authorId: string | null | undefined, layer: string | undefined): boolean {
  return layer === undefined || authorId === layer;
}

/** SQL twin of inVisibleLayer over annotations `a`: `layerSql` a text parameter, NULL for every layer. */
export function inVisibleLayerSql(layerSql: string): string {
  return `(${layerSql}::text IS NULL OR a.author_id = ${layerSql})`;
}

const READ_ALL_SQL = `ARRAY[${rolesAllowed("annotation.readAll")
  .map((role) => `'${role}'`)
  .join(", ")}]::"Role"[]`;

/** SQL true when user `userSql` is limited to their own annotations in project `projectSql`. */
export function ownLayerOnlySql(projectSql: string, userSql: string): string {
  return `EXISTS (SELECT 1 FROM projects vp JOIN memberships vm ON vm.project_id = vp.id AND vm.user_id = ${userSql}
                   WHERE vp.id = ${projectSql} AND vp.annotation_mode = 'independent' AND vm.role <> ALL(${READ_ALL_SQL}))`;
}

/** SQL true when user `userSql` may see an annotation of project `projectSql` authored by `authorSql`. */
export function annotationVisibleSql(authorSql: string, projectSql: string, userSql: string): string {
  return `(${authorSql} IS NOT DISTINCT FROM ${userSql} OR NOT ${ownLayerOnlySql(projectSql, userSql)})`;
}

/**
 * The author filter a list of the project's annotations must use for `actor`: their own id when
 * they see only their own layer (whatever they asked for), else the layer they asked for (or all).
 * Call after the access check.
 */
export async function layerAuthor(actor: Actor, projectId: string, requested?: string, q: Queryable = pool()): Promise<string | undefined> {
  const { rows } = await q.query<{ own: boolean }>(`SELECT ${ownLayerOnlySql("$1", "$2")} AS own`, [projectId, actor.id]);
  return rows[0]?.own ? actor.id : requested;
}

/**
 * The layer that counts and summaries shown to `actor` cover, as inVisibleLayerSql's parameter:
 * their own id when they see only their own layer, else null (every layer). After the access check.
 */
export async function countedLayer(actor: Actor, projectId: string, q: Queryable = pool()): Promise<string | null> {
  return (await layerAuthor(actor, projectId, undefined, q)) ?? null;
}
