// The top of every project page: breadcrumb back to the project list, the project's name and the
// caller's role in it.

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
        <ExportDialog projectId={project.id} />
      </div>
    </>
  );
}
