// Home: the sign-in form when signed out; the user's projects when signed in.

import Link from "next/link";
import { AuthForm } from "@/components/auth/AuthForm";
import { CreateProjectForm } from "@/components/projects/CreateProjectForm";
import { TopBar } from "@/components/TopBar";
import { currentActor } from "@/lib/auth/current-actor";
import { InvitationsInbox } from "@/components/projects/InvitationsInbox";
import { myInvitations } from "@/lib/projects/invitations";
import { listProjects } from "@/lib/projects/projects";

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
  const [{ items: projects }, invitations] = await Promise.all([listProjects(actor), myInvitations(actor)]);
  return (
    <>
      <TopBar actor={actor} />
      <main className="page">
        <h1>Your projects</h1>
        <InvitationsInbox invitations={invitations} />
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
