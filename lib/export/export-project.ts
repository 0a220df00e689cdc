// Exporting a project: checks the caller may export it, then hands back the file as a stream with
// its media type and download name. The stream itself is export-stream.ts.

import { layerAuthor } from "../annotations/annotation-visibility";
import { projectAccess } from "../auth/access";
import type { Actor } from "../auth/authenticate";
import { db } from "../db/client";
import { notFound } from "../errors/domain-error";
import type { ExportFilter, CellMode } from "../validation/schemas";
import { FORMAT_CATALOG, type ExportFormatId } from "../formats/catalog";
import { exportStream } from "./export-stream";

export interface ExportProjectOptions {
  actor: Actor;
  projectId: string;
  formatId: ExportFormatId;
  filter: ExportFilter;
  /** Origin of the server, for formats that write resolvable IRIs. */
  baseUrl?: string;
  /** csv: formula-protected cells (default) or raw ones. */
  cells?: CellMode;
}

export interface ProjectExport {
  body: ReadableStream<Uint8Array>;
  contentType: string;
  fileName: string;
}

export async function exportProject({ actor, projectId, formatId, filter, baseUrl, cells }: ExportProjectOptions): Promise<ProjectExport> {
  await projectAccess(actor, projectId, "project.export");
  // Blind double annotation: an annotator exports only their own layer (annotation-visibility.ts).
  filter = { ...filter, author: await layerAuthor(actor, projectId, filter.author) };
  const project = await db().project.findUnique({ where: { id: projectId }, select: { name: true } });
  if (!project) throw notFound("Project");
  const format = FORMAT_CATALOG[formatId];
  return {
    body: exportStream({ projectId, projectName: project.name, formatId, filter, baseUrl, cells }, actor.id),
    contentType: format.contentType,
    fileName: exportFileName(project.name, format.extension),
  };
}

/** "Election claims-2026-11-28.csv": the project's name made safe, the day, the format's extension. */
export function exportFileName(projectName: string, extension: string, date = new Date()): string {
  const base =
    projectName
      .normalize("NFKD")
      .replace(/[^\w.-]+/g, "-")
      .replace(/^-+|-+$/g, "") || "project";
  return `${base}-${date.toISOString().slice(0, 10)}.${extension}`;
}
