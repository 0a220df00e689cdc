// A speaker's page: the speaker, their annotations across the project's documents, reassigning
// them, merging the speaker into another and its likely duplicates.

import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SpeakerProfile } from "@/components/review/SpeakerProfile";
import { SPEAKER_PAGE_SIZE } from "@/components/review/review-model";
import { can } from "@/lib/auth/roles";
import { loadProjectPage } from "@/lib/projects/project-page";
import { speakerAnnotations } from "@/lib/review/review-queue";
import { speakerDuplicates } from "@/lib/speakers/merge-speakers";
import { listSpeakers } from "@/lib/speakers/speakers";

type Props = { params: Promise<{ projectId: string; speakerId: string }> };

/** The project's speakers and this one among them: a speaker of another project is not found here. */
async function loadSpeaker(projectId: string, speakerId: string) {
  const { actor, project } = await loadProjectPage(projectId);
  const speakers = (await listSpeakers(actor, project.id)).items;
  const speaker = speakers.find((s) => s.id === speakerId);
  if (!speaker) notFound();
  return { actor, project, speakers, speaker };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { projectId, speakerId } = await params;
  const { project, speaker } = await loadSpeaker(projectId, speakerId);
  return { title: `${speaker.name} · Speakers · ${project.name} · Sourcemark` };
}

export default async function SpeakerPage({ params }: Props) {
  const { projectId, speakerId } = await params;
  const { actor, project, speakers, speaker } = await loadSpeaker(projectId, speakerId);
  const [page, pairs] = await Promise.all([
    speakerAnnotations(actor, speaker.id, { limit: SPEAKER_PAGE_SIZE }),
    speakerDuplicates(actor, project.id),
  ]);
  const duplicates = pairs
    .filter((pair) => pair.a.id === speaker.id || pair.b.id === speaker.id)
    .map((pair) => ({ other: pair.a.id === speaker.id ? pair.b : pair.a, reason: pair.reason }));
  return (
    <SpeakerProfile
      key={speaker.id}
      projectId={project.id}
      actorId={actor.id}
      role={project.role}
      mayMerge={can(project.role, "speaker.update")}
      speaker={speaker}
      speakers={speakers}
      duplicates={duplicates}
      initialPage={page}
    />
  );
}
