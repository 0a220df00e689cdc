// Home: the sign-in form when signed out; the user's queue (documents assigned to them) and
// projects when signed in.

import Link from "next/link";
import { AuthForm } from "@/components/auth/AuthForm";
import { CreateProjectForm } from "@/components/projects/CreateProjectForm";
import { TopBar } from "@/components/TopBar";
import { currentActor } from "@/lib/auth/current-actor";
import { InvitationsInbox } from "@/components/projects/InvitationsInbox";
import { myInvitations } from "@/lib/projects/invitations";
import { listProjects } from "@/lib/projects/projects";
import { myQueue, type AssignmentState } from "@/lib/assignments/assignments";

const STATE_LABELS: Record<AssignmentState, string> = { todo: "to do", in_progress: "in progress", done: "done" };
/** The queue shown on the home page; the API pages the rest. */
const QUEUE_SHOWN = 50;

export default async function HomePage() {
  const actor = await currentActor();
  if (!actor) {
    return (
      <main className="auth">
        <AuthForm mode="sign-in" />
        <p>
          New here? <Link href="/sign-up">Sign up</Link>
        </p>
      </main>
    );
  }
  const [{ items: projects }, invitations, queue] = await Promise.all([
    listProjects(actor),
    myInvitations(actor),
    myQueue(actor, { limit: QUEUE_SHOWN }),
  ]);
  return (
    <>
      <TopBar actor={actor} />
      <main className="page">
        <h1>Your projects</h1>
        <InvitationsInbox invitations={invitations} />
        {queue.items.length > 0 && (
          <section aria-labelledby="my-queue">
            <h2 id="my-queue">My queue</h2>
            <ul className="list" aria-label="My queue">
              {queue.items.map((item) => (
                <li key={item.documentId}>
                  <Link href={`/documents/${item.documentId}`}>{item.documentTitle}</Link> <span className="muted">{item.projectName}</span>{" "}
                  <span className="badge">{STATE_LABELS[item.state]}</span>
                </li>
              ))}
            </ul>
            {queue.nextCursor && <p className="muted">The first {QUEUE_SHOWN} are shown; GET /api/v1/me/queue lists them all.</p>}
          </section>
        )}
        {projects.length === 0 ? (
          <p className="muted">No projects yet. Create one to import articles and start annotating.</p>
        ) : (
          <ul className="list" aria-label="Projects">
            {projects.map((project) => (
              <li key={project.id}>
                <Link href={`/projects/${project.id}`}>{project.name}</Link>
                <span className="badge">{project.role}</span>
              </li>
            ))}
          </ul>
        )}
        <h2>New project</h2>
        <CreateProjectForm />
      </main>
    </>
  );
}
