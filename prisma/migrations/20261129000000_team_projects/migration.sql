-- Team projects (issue 10): blind double annotation, assignments, the curated layer; and the
-- project setting for automatic suggestions on import (issue 11).

-- CreateEnum
CREATE TYPE "AnnotationMode" AS ENUM ('shared', 'independent');

-- AlterTable
ALTER TABLE "projects" ADD COLUMN "annotation_mode" "AnnotationMode" NOT NULL DEFAULT 'shared',
ADD COLUMN "auto_suggest" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "annotations" ADD COLUMN "curated" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "curated_by" TEXT,
ADD COLUMN "curated_at" TIMESTAMPTZ(3),
ADD COLUMN "curated_from" TEXT;

-- CreateIndex
CREATE INDEX "annotations_document_id_author_id_idx" ON "annotations"("document_id", "author_id");

-- CreateTable
CREATE TABLE "assignments" (
    "document_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "project_id" TEXT NOT NULL,
    "assigned_by" TEXT,
    "assigned_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "done_at" TIMESTAMPTZ(3),

    CONSTRAINT "assignments_pkey" PRIMARY KEY ("document_id","user_id")
);

-- CreateIndex
CREATE INDEX "assignments_user_id_idx" ON "assignments"("user_id");

-- CreateIndex
CREATE INDEX "assignments_project_id_user_id_idx" ON "assignments"("project_id", "user_id");

-- AddForeignKey
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
