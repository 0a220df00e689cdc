"use client";
// The project's sections as tabs. They are links (each section has its own URL, works without
// JavaScript and in a new tab), so this is a navigation with aria-current, not an ARIA tablist.

import Link from "next/link";
import { usePathname } from "next/navigation";
import styles from "./projects.module.css";

const SECTIONS = [
  { path: "", label: "Documents" },
  { path: "/speakers", label: "Speakers" },
  { path: "/members", label: "Members" },
] as const;

export function ProjectTabs({ projectId }: { projectId: string }) {
  const pathname = usePathname();
  const base = `/projects/${encodeURIComponent(projectId)}`;
  return (
    <nav aria-label="Project sections" className={styles.tabs}>
      <ul>
        {SECTIONS.map(({ path, label }) => {
          const href = base + path;
          return (
            <li key={label}>
              <Link href={href} className={styles.tab} aria-current={pathname === href ? "page" : undefined}>
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
