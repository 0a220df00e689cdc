"use client";
// The project's sections as tabs. They are links (each section has its own URL, works without
// JavaScript and in a new tab), so this is a navigation with aria-current, not an ARIA tablist.

import Link from "next/link";
import { usePathname } from "next/navigation";
import { formatNumber } from "@/components/ui/format";
import { usePendingCount } from "./pending-reviews";
import styles from "./projects.module.css";

export function ProjectTabLinks({
  projectId,
  pending,
  mayManage,
  mayCurate = false,
}: {
  projectId: string;
  pending: number;
  mayManage: boolean;
  /** Reviewers and owners: the agreement page (and from it, curation). */
  mayCurate?: boolean;
}) {
  const pathname = usePathname();
  const pendingNow = usePendingCount(projectId, pending);
  const base = `/projects/${encodeURIComponent(projectId)}`;
  const sections = [
    { path: "", label: "Documents" },
    { path: "/review", label: `Review (${formatNumber(pendingNow)} pending)` },
    ...(mayCurate ? [{ path: "/agreement", label: "Agreement" }] : []),
    { path: "/speakers", label: "Speakers" },
    { path: "/search", label: "Search" },
    { path: "/members", label: "Members" },
    ...(mayManage ? [{ path: "/settings", label: "Settings" }] : []),
  ];
  return (
    <nav aria-label="Project sections" className={styles.tabs}>
      <ul>
        {sections.map(({ path, label }) => {
          const href = base + path;
          // A speaker's page belongs to the Speakers tab.
          const current = pathname === href || (path === "/speakers" && pathname.startsWith(`${href}/`));
          return (
            <li key={path}>
              <Link href={href} className={styles.tab} aria-current={current ? "page" : undefined}>
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
