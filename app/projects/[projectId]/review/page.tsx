// A project's Review tab: the queue of annotations to accept, reject or reattribute, filtered by the
// page's query (?status&label&speakerId&author&documentId). Reviewers and owners review; everyone
// else reads the queue.

import type { Metadata } from "next";
import { ReviewQueue } from "@/components/review/ReviewQueue";
import { REVIEW_PAGE_SIZE, filtersFromQuery } from "@/components/review/review-model";
import { can } from "@/lib/auth/roles";
import { projectStreamStart } from "@/lib/changes/change-log";
import { pool } from "@/lib/db/client";
import { listDocuments } from "@/lib/documents/documents";
import { loadProjectPage } from "@/lib/projects/project-page";
import { listMembers } from "@/lib/projects/projects";
import { reviewQueue } from "@/lib/review/review-queue";
import { listSpeakers } from "@/lib/speakers/speakers";

type Props = {
  params: Promise<{ projectId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { project } = await loadProjectPage((await params).projectId);
  return { title: `Review · ${project.name} · Sourcemark` };
}

export default async function ProjectReviewPage({ params, searchParams }: Props) {
  const { projectId } = await params;
  const { actor, project } = await loadProjectPage(projectId);
  const filters = filtersFromQuery(await searchParams);
  // Before the data: the live stream resumes after it, so nothing that lands in between is missed.
  const since = await projectStreamStart(pool(), project.id);
  const [page, speakers, members, documents] = await Promise.all([
    reviewQueue(actor, project.id, {
      status: filters.status,
      label: filters.label || undefined,
      speakerId: filters.speakerId || undefined,
      author: filters.author || undefined,
      documentId: filters.documentId || undefined,
      limit: REVIEW_PAGE_SIZE,
    }),
    listSpeakers(actor, project.id),
    listMembers(actor, project.id),
    listDocuments(actor, project.id),
  ]);
  return (
    <ReviewQueue
      projectId={project.id}
      since={since}
      actorId={actor.id}
      mayReview={can(project.role, "annotation.review")}
      initialFilters={filters}
      initialPage={page}
      speakers={speakers.items}
      members={members.items.map((m) => ({ id: m.userId, name: m.name }))}
      documents={documents.items.map((d) => ({ id: d.id, name: d.title }))}
    />
  );
}
