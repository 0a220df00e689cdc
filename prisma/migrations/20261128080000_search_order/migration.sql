-- Search results come newest document first. Sorting a common word's hundreds of thousands of
-- matches by a date held in another table cannot be fast; with the document's date on each
-- annotation, an index gives the matches in that order and a page stops after twenty. A
-- document's date is its publication date, or when it was imported when that is unknown. It is
-- copied by the database on insert, and follows the document should its date ever change.

-- AlterTable
ALTER TABLE "annotations" ADD COLUMN "document_date" TIMESTAMPTZ(3);

UPDATE "annotations" a SET "document_date" = coalesce(d."published_at", d."created_at")
  FROM "documents" d WHERE d."id" = a."document_id";

ALTER TABLE "annotations" ALTER COLUMN "document_date" SET NOT NULL;

CREATE FUNCTION "annotations_document_date"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT coalesce(d."published_at", d."created_at") INTO NEW."document_date" FROM "documents" d WHERE d."id" = NEW."document_id";
  RETURN NEW;
END $$;

CREATE TRIGGER "annotations_document_date_on_insert"
  BEFORE INSERT OR UPDATE OF "document_id" ON "annotations"
  FOR EACH ROW EXECUTE FUNCTION "annotations_document_date"();

CREATE FUNCTION "documents_date_to_annotations"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "annotations" SET "document_date" = coalesce(NEW."published_at", NEW."created_at") WHERE "document_id" = NEW."id";
  RETURN NULL;
END $$;

CREATE TRIGGER "documents_date_to_annotations_on_update"
  AFTER UPDATE OF "published_at", "created_at" ON "documents"
  FOR EACH ROW WHEN (coalesce(OLD."published_at", OLD."created_at") IS DISTINCT FROM coalesce(NEW."published_at", NEW."created_at"))
  EXECUTE FUNCTION "documents_date_to_annotations"();

-- CreateIndex
CREATE INDEX "annotations_project_id_document_date_document_id_start_id_idx"
  ON "annotations"("project_id", "document_date" DESC, "document_id" DESC, "start", "id");
