// The project page's progress figures (issue 10), in one module: documents by state per annotator,
// annotations by label and status, annotations per day (UTC) and the reviewed share. An annotator
// in an independent project sees the annotation figures of their own layer only
// (annotation-visibility.ts); assignment states are not annotations and are shown to all members.

import { z } from "zod";
import { countedLayer, inVisibleLayerSql } from "../annotations/annotation-visibility";
import { assignmentStateSql } from "../assignments/assignments";
import { projectAccess } from "../auth/access";
import type { Actor } from "../auth/authenticate";
import { pool } from "../db/client";
import { ANNOTATION_STATUSES, LABELS } from "../model/vocabulary";

export const projectDashboardSchema = z.object({
  annotators: z.array(z.object({ userId: z.string(), name: z.string(), todo: z.int(), inProgress: z.int(), done: z.int() })),
  byLabelStatus: z.array(z.object({ label: z.enum(LABELS), status: z.enum(ANNOTATION_STATUSES), count: z.int() })),
  perDay: z.array(z.object({ day: z.string(), count: z.int() })),
  reviewed: z.object({ reviewed: z.int(), total: z.int() }),
});
export type ProjectDashboard = z.infer<typeof projectDashboardSchema>;

export async function projectDashboard(actor: Actor, projectId: string): Promise<ProjectDashboard> {
  await projectAccess(actor, projectId, "project.read");
  const author = await countedLayer(actor, projectId);
  const mine = `a.project_id = $1 AND ${inVisibleLayerSql("$2")}`;
  const [annotators, byLabelStatus, perDay] = await Promise.all([
    pool().query<ProjectDashboard["annotators"][number]>(
      `SELECT x.user_id AS "userId", u.name,
              count(*) FILTER (WHERE s.state = 'todo')::int AS todo,
              count(*) FILTER (WHERE s.state = 'in_progress')::int AS "inProgress",
              count(*) FILTER (WHERE s.state = 'done')::int AS done
         FROM assignments x JOIN users u ON u.id = x.user_id CROSS JOIN LATERAL (SELECT ${assignmentStateSql("x")} AS state) s
        WHERE x.project_id = $1
        GROUP BY x.user_id, u.name ORDER BY u.name, x.user_id`,
      [projectId],
    ),
    pool().query<ProjectDashboard["byLabelStatus"][number]>(
      `SELECT a.label::text AS label, a.status::text AS status, count(*)::int AS count FROM annotations a
        WHERE ${mine} GROUP BY 1, 2 ORDER BY 1, 2`,
      [projectId, author],
    ),
    pool().query<ProjectDashboard["perDay"][number]>(
      `SELECT to_char(a.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, count(*)::int AS count FROM annotations a
        WHERE ${mine} GROUP BY 1 ORDER BY 1`,
      [projectId, author],
    ),
  ]);
  const total = byLabelStatus.rows.reduce((sum, row) => sum + row.count, 0);
  const pending = byLabelStatus.rows.filter((row) => row.status === "pending").reduce((sum, row) => sum + row.count, 0);
  return {
    annotators: annotators.rows,
    byLabelStatus: byLabelStatus.rows,
    perDay: perDay.rows,
    reviewed: { reviewed: total - pending, total },
  };
}
