-- Who has a document open, across every app process on this database: one row per open live
-- stream, refreshed by its process and swept when stale. Nothing here needs to survive a crash,
-- so the table is unlogged.

-- CreateTable
CREATE UNLOGGED TABLE "presence" (
    "stream_id" TEXT NOT NULL,
    "process_id" TEXT NOT NULL,
    "document_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "presence_pkey" PRIMARY KEY ("stream_id")
);

-- CreateIndex
CREATE INDEX "presence_document_id_idx" ON "presence"("document_id");

-- CreateIndex
CREATE INDEX "presence_process_id_idx" ON "presence"("process_id");
