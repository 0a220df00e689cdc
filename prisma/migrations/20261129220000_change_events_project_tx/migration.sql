-- Where a project's live stream starts (projectStreamStart, documentStreamStart: the document page
-- reads it on every opening) is the project's last event in commit order: ORDER BY tx DESC, id DESC
-- for one project. With only (project_id, id) and (tx, id) to choose from, PostgreSQL walked the
-- whole log backwards from its end until it met an event of that project: 22,000 rows (13 ms) to
-- open a document of a project whose last change came before another project's import, and a
-- million on a large shared install. The project's events in commit order are now an index of their
-- own; it also serves everything (project_id, id) served (nothing ordered a project's events by id).
DROP INDEX "change_events_project_id_id_idx";

CREATE INDEX "change_events_project_id_tx_id_idx" ON "change_events"("project_id", "tx", "id");
