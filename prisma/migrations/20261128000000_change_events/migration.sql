-- One append-only log of changes replaces annotation_history: every change to an annotation, a
-- speaker or a document is one row, written in the same statement or transaction as the change.
-- It is both the annotations' history and the source of live change events. A statement trigger
-- notifies listeners (pg_notify, delivered on commit); they read the rows themselves, in (tx, id)
-- order below the oldest running transaction, so a change that commits late is never skipped.

-- CreateTable
CREATE TABLE "change_events" (
    "id" BIGSERIAL NOT NULL,
    "tx" xid8 NOT NULL DEFAULT pg_current_xact_id(),
    "project_id" TEXT NOT NULL,
    "document_id" TEXT,
    "subject_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "actor_id" TEXT,
    "before" JSON,
    "after" JSON,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "change_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "change_events_subject_id_id_idx" ON "change_events"("subject_id", "id");

-- CreateIndex
CREATE INDEX "change_events_project_id_id_idx" ON "change_events"("project_id", "id");

-- CreateIndex
CREATE INDEX "change_events_document_id_id_idx" ON "change_events"("document_id", "id");

-- CreateIndex
CREATE INDEX "change_events_tx_id_idx" ON "change_events"("tx", "id");

-- The annotation history's raw row images become the API's annotation object, as GET returns it
-- (the shape every new event carries). Speaker and author names are today's.
CREATE FUNCTION pg_temp.annotation_image(r jsonb) RETURNS json LANGUAGE sql AS $$
  SELECT CASE WHEN r IS NULL THEN NULL ELSE json_build_object(
    'id', r->>'id',
    'documentId', r->>'document_id',
    'label', r->>'label',
    'quoteKind', r->>'quote_kind',
    'start', (r->>'start')::int,
    'end', (r->>'end')::int,
    'exact', r->>'exact',
    'prefix', r->>'prefix',
    'suffix', r->>'suffix',
    'speakerId', r->>'speaker_id',
    'speaker', CASE WHEN r->>'speaker_id' IS NULL THEN NULL
                    ELSE json_build_object('id', r->>'speaker_id', 'name', (SELECT s.name FROM speakers s WHERE s.id = r->>'speaker_id')) END,
    'note', r->>'note',
    'status', r->>'status',
    'author', json_build_object('id', r->>'author_id', 'name', (SELECT u.name FROM users u WHERE u.id = r->>'author_id')),
    'version', (r->>'version')::int,
    'createdAt', to_char((r->>'created_at')::timestamptz AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    'updatedAt', to_char((r->>'updated_at')::timestamptz AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
  ) END
$$;

INSERT INTO "change_events" ("project_id", "document_id", "subject_id", "kind", "actor_id", "before", "after", "created_at")
SELECT h.project_id,
       COALESCE(h.after->>'document_id', h.before->>'document_id'),
       h.annotation_id,
       'annotation.' || CASE h.action WHEN 'create' THEN 'created' WHEN 'update' THEN 'updated' ELSE 'deleted' END,
       h.actor_id,
       pg_temp.annotation_image(h.before),
       pg_temp.annotation_image(h.after),
       h.created_at
  FROM "annotation_history" h
 ORDER BY h.id;

DROP TABLE "annotation_history";
DROP FUNCTION "annotation_history_append_only"();
DROP TYPE "HistoryAction";

-- The log is append-only: rows are written with the change they record and never altered.
CREATE FUNCTION "change_events_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'change_events is append-only';
END;
$$;

CREATE TRIGGER "change_events_no_update_or_delete"
  BEFORE UPDATE OR DELETE ON "change_events"
  FOR EACH ROW EXECUTE FUNCTION "change_events_append_only"();

-- One notification per writing statement, carrying its highest event id; PostgreSQL delivers it
-- when (and only if) the transaction commits.
CREATE FUNCTION "change_events_notify"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('sourcemark_changes', (SELECT max(id)::text FROM new_events));
  RETURN NULL;
END;
$$;

CREATE TRIGGER "change_events_notify_on_insert"
  AFTER INSERT ON "change_events"
  REFERENCING NEW TABLE AS new_events
  FOR EACH STATEMENT EXECUTE FUNCTION "change_events_notify"();
