-- An imported annotation remembers the id it had where it came from (a W3C annotation's id or via,
-- the id in a Sourcemark json/jsonl export), so that importing the same file again finds it
-- "already present" instead of doubling it. One per project: the unique index also settles two
-- imports of the same file racing each other.

-- AlterTable
ALTER TABLE "annotations" ADD COLUMN "source_id" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "annotations_project_id_source_id_key" ON "annotations"("project_id", "source_id");
