-- Suggested quotes and speakers (issue 11): suggestions per document, the cue span on annotations
-- (PARC-style cueStart/cueEnd, code points) and where a change came from on its change event.

-- CreateEnum
CREATE TYPE "SuggestionStatus" AS ENUM ('pending', 'accepted', 'dismissed');

-- AlterTable
ALTER TABLE "annotations" ADD COLUMN "cue_start" INTEGER, ADD COLUMN "cue_end" INTEGER;

-- AlterTable
ALTER TABLE "change_events" ADD COLUMN "origin" JSON;

-- CreateTable
CREATE TABLE "suggestions" (
    "id" TEXT NOT NULL DEFAULT (gen_random_uuid())::text,
    "project_id" TEXT NOT NULL,
    "document_id" TEXT NOT NULL,
    "label" "Label" NOT NULL,
    "quote_kind" "QuoteKind",
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "cue_start" INTEGER,
    "cue_end" INTEGER,
    "speaker_id" TEXT,
    "new_name" TEXT,
    "description" TEXT,
    "confidence" DOUBLE PRECISION NOT NULL,
    "rule" TEXT NOT NULL,
    "status" "SuggestionStatus" NOT NULL DEFAULT 'pending',
    "annotation_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "suggestions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "suggestions_document_id_status_start_idx" ON "suggestions"("document_id", "status", "start");

-- AddForeignKey
ALTER TABLE "suggestions" ADD CONSTRAINT "suggestions_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE CASCADE ON UPDATE CASCADE;
