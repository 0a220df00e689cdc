// The top of every project page: breadcrumb back to the project list, the project's name and the
// caller's role in it, a search box and the export.

import Link from "next/link";
import { ExportDialog } from "@/components/export/ExportDialog";
import type { ProjectView } from "@/lib/projects/projects";
import { ROLE_LABELS } from "./labels";
import styles from "./projects.module.css";

export function ProjectHeader({ project }: { project: ProjectView }) {
  return (
    <>
      <nav aria-label="Breadcrumb" className={styles.breadcrumb}>
        <ol>
          <li>
            <Link href="/">Projects</Link>
          </li>
          <li>{project.name}</li>
        </ol>
      </nav>
      <div className={styles.header}>
        <h1>{project.name}</h1>
        <p className={styles.role}>
          Your role: <strong>{ROLE_LABELS[project.role]}</strong>
        </p>
        <form
          role="search"
          aria-label="Search this project"
          action={`/projects/${encodeURIComponent(project.id)}/search`}
          className={styles.headerSearch}
        >
          <input
            type="search"
            name="q"
            aria-label="Search quotes, claims and speakers"
            placeholder="Search quotes and speakers"
            maxLength={500}
          />
          <button type="submit" className="secondary">
            Search
          </button>
        </form>
        <ExportDialog projectId={project.id} />
      </div>
    </>
  );
}
