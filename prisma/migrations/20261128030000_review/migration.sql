-- Review as its own action: who reviewed an annotation, when, and why (for a rejection), on the
-- annotation itself rather than only in its history. A review does not change the content version.

-- AlterTable
ALTER TABLE "annotations" ADD COLUMN "reviewed_by" TEXT,
ADD COLUMN "reviewed_at" TIMESTAMPTZ(3),
ADD COLUMN "review_reason" TEXT;

-- Reviews recorded so far (status set through PATCH) are attributed from the history.
UPDATE "annotations" a
   SET "reviewed_by" = e.actor_id, "reviewed_at" = e.created_at
  FROM (
    SELECT DISTINCT ON (subject_id) subject_id, actor_id, created_at
      FROM "change_events"
     WHERE kind = 'annotation.updated' AND (before->>'status') IS DISTINCT FROM (after->>'status')
     ORDER BY subject_id, id DESC
  ) e
 WHERE e.subject_id = a.id AND a.status <> 'pending';

-- CreateIndex
CREATE INDEX "annotations_project_id_status_document_id_start_end_id_idx" ON "annotations"("project_id", "status", "document_id", "start", "end", "id");

-- AddForeignKey
ALTER TABLE "annotations" ADD CONSTRAINT "annotations_reviewed_by_fkey" FOREIGN KEY ("reviewed_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
