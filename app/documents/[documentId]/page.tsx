// The document page is the annotation workspace. Its annotations travel packed (see
// lib/annotations/annotation-record.ts): a long article's thousands of annotations are most of
// the page, and the browser slices their quotes from the text it receives anyway (so it does the
// suggestions' too). They are read while the page's frame, and with it the scripts, is already on
// its way to the browser.

import { documentStreamStart } from "@/lib/changes/change-log";
import { pool } from "@/lib/db/client";
import Link from "next/link";
import { Suspense } from "react";
import { TopBar } from "@/components/TopBar";
import { Workspace } from "@/components/workspace/Workspace";
import { DoneButton } from "@/components/workspace/DoneButton";
import { parseLayer, type Layer } from "@/components/workspace/workspace-model";
import { myAssignment } from "@/lib/assignments/assignments";
import { packAnnotations, type UnquotedRecord } from "@/lib/annotations/annotation-record";
import { seesOthersAnnotations } from "@/lib/annotations/annotation-visibility";
import { listAnnotationRecords } from "@/lib/annotations/list-annotation-records";
import type { Actor } from "@/lib/auth/authenticate";
import { can } from "@/lib/auth/roles";
import { requirePageActor } from "@/lib/auth/current-actor";
import { getDocument } from "@/lib/documents/documents";
import type { DocumentView } from "@/lib/documents/document-view";
import { orNotFound } from "@/lib/projects/project-page";
import { getProject, type ProjectView } from "@/lib/projects/projects";
import { listSpeakers } from "@/lib/speakers/speakers";
import { listSuggestions } from "@/lib/suggestions/suggestions";

export default async function DocumentPage({
  params,
  searchParams,
}: {
  params: Promise<{ documentId: string }>;
  searchParams: Promise<{ annotation?: string | string[]; layer?: string | string[] }>;
}) {
  const { documentId } = await params;
  const { annotation, layer } = await searchParams;
  const actor = await requirePageActor();
  // Before the annotations: the live stream resumes after it, so nothing that lands in between is
  // missed. (Only handed to the page once getDocument has checked access.)
  const since = await documentStreamStart(pool(), documentId);
  // Started at once, awaited below the frame. Marked handled here so that a document one may not
  // see (answered by getDocument's 404) leaves no unhandled rejection behind.
  const annotations = listAnnotationRecords(actor, documentId);
  annotations.catch(() => {});
  const document = await orNotFound(getDocument(actor, documentId));
  const project = await getProject(actor, document.projectId);
  return (
    <>
      <TopBar actor={actor} />
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        <Link href="/">Projects</Link> / <Link href={`/projects/${project.id}`}>{project.name}</Link>
      </nav>
      <main>
        <Suspense fallback={<p className="muted workspace-loading">Loading the article…</p>}>
          <LoadedWorkspace
            actor={actor}
            document={document}
            project={project}
            annotations={annotations}
            selectedId={typeof annotation === "string" ? annotation : null}
            layer={parseLayer(layer)}
            since={since}
          />
        </Suspense>
      </main>
    </>
  );
}

async function LoadedWorkspace(props: {
  actor: Actor;
  document: DocumentView;
  project: ProjectView;
  annotations: Promise<UnquotedRecord[]>;
  selectedId: string | null;
  layer: Layer;
  since: string;
}) {
  const { actor, document, project } = props;
  // Suggestions are for those who may annotate; nobody else is shown them.
  const [annotations, speakers, suggestions, assignment] = await Promise.all([
    props.annotations,
    listSpeakers(actor, document.projectId),
    can(project.role, "annotation.create") ? listSuggestions(actor, document.id) : [],
    myAssignment(actor, document.id),
  ]);
  return (
    <>
      {assignment && <DoneButton documentId={document.id} initial={assignment} />}
      <Workspace
        document={{ id: document.id, projectId: document.projectId, title: document.title, text: document.text }}
        annotations={packAnnotations(annotations)}
        speakers={speakers.items}
        actor={{ id: actor.id, name: actor.name }}
        role={project.role}
        initialSelectedId={props.selectedId}
        layers={seesOthersAnnotations(project.annotationMode, project.role)}
        initialLayer={props.layer}
        since={props.since}
        suggestions={suggestions.map(({ exact: _exact, ...suggestion }) => suggestion)}
      />
    </>
  );
}
