// An export as a sequence of output chunks: the format's writer (lib/formats/writers.ts) fed, in
// order, begin → (document → annotation* → endDocument)* → end — walking the documents cursor and
// the annotations cursor together (both are ordered by document id) — or, for flat formats,
// begin → annotation* → end.

import type pg from "pg";
import { EXPORT_WRITERS } from "../formats/writers";
import type { ExportFormatId } from "../formats/catalog";
import type { ExportFilter, CellMode } from "../validation/schemas";
import { ExportQuery } from "./export-query";
import type { Chunk, ExportDocument, ExportMeta } from "./export-types";

export interface ExportOptions {
  projectId: string;
  projectName: string;
  formatId: ExportFormatId;
  filter: ExportFilter;
  /** Origin of the server, for formats that write resolvable IRIs. */
  baseUrl?: string;
  cells?: CellMode;
}

export async function* exportChunks(client: pg.ClientBase, options: ExportOptions): AsyncGenerator<Chunk> {
  const format = EXPORT_WRITERS[options.formatId];
  const writer = format.createWriter();
  const meta: ExportMeta = {
    project: { id: options.projectId, name: options.projectName },
    exportedAt: new Date().toISOString(),
    filter: options.filter,
    baseUrl: options.baseUrl,
    cells: options.cells,
  };
  const query = new ExportQuery(client, options.projectId, options.filter, format.comments);
  await query.open();
  const speakers = format.needsSpeakers ? await query.speakers() : [];
  yield writer.begin(meta, speakers);
  if (format.shape === "annotations") {
    const titleOnly: ExportDocument = { id: "", title: "", sourceUrl: null, publishedAt: null, length: 0 };
    for (let annotation = await query.nextAnnotation(); annotation; annotation = await query.nextAnnotation()) {
      titleOnly.id = annotation.documentId;
      titleOnly.title = annotation.documentTitle;
      yield writer.annotation(annotation, titleOnly);
    }
  } else {
    await query.openDocuments();
    for (let documents = await query.nextDocuments(); documents.length > 0; documents = await query.nextDocuments()) {
      for (const document of documents) {
        yield writer.document(document);
        for (
          let annotation = await query.nextAnnotationOf(document.id);
          annotation;
          annotation = await query.nextAnnotationOf(document.id)
        ) {
          yield writer.annotation(annotation, document);
        }
        yield writer.endDocument(document);
      }
    }
  }
  yield writer.end(speakers);
  await query.close();
}
