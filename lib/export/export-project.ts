// Exporting a project: checks the caller may export it, then hands back the file as a stream with
// its media type and download name. The stream itself is export-stream.ts.

import { projectAccess } from "../auth/access";
import type { Actor } from "../auth/authenticate";
import { db } from "../db/client";
import { notFound } from "../errors/domain-error";
import type { AnnotationFilter } from "../validation/schemas";
import { exportStream } from "./export-stream";
import { EXPORT_FORMATS, exportFileName } from "./formats";

export interface ExportProjectOptions {
  actor: Actor;
  projectId: string;
  formatId: string;
  filter: AnnotationFilter;
  /** Origin of the server, for formats that write resolvable IRIs. */
  baseUrl?: string;
}

export interface ProjectExport {
  body: ReadableStream<Uint8Array>;
  contentType: string;
  fileName: string;
}

export async function exportProject({ actor, projectId, formatId, filter, baseUrl }: ExportProjectOptions): Promise<ProjectExport> {
  await projectAccess(actor, projectId, "project.export");
  const format = EXPORT_FORMATS[formatId];
  const project = await db().project.findUnique({ where: { id: projectId }, select: { name: true } });
  if (!format || !project) throw notFound(format ? "Project" : "Export format");
  return {
    body: exportStream({ projectId, projectName: project.name, formatId, filter, baseUrl }),
    contentType: format.contentType,
    fileName: exportFileName(project.name, format),
  };
}
