// One annotation as a reviewer reads it: label, quote kind, status, speaker, author and document
// (a link to the workspace), then its sentence with the span highlighted, the attribution hint and
// a rejection's reason. Shared by the review queue and a speaker's page.

import Link from "next/link";
import type { ReactNode } from "react";
import { LABEL_INFO, QUOTE_KIND_NAMES, STATUS_NAMES } from "@/lib/model/vocabulary";
import type { ReviewItem } from "@/lib/review/review-queue";
import styles from "./review.module.css";
import { workspaceHref } from "@/components/ui/links";

/** What a screen reader says for an item in a list: "Quote by Zhao Lijian: “…” (pending)". */
export function describeItem(item: ReviewItem): string {
  const who = item.speaker ? `by ${item.speaker.name}` : "with no speaker";
  return `${LABEL_INFO[item.label].name} ${who}: “${item.exact}” (${STATUS_NAMES[item.status].toLowerCase()})`;
}

export function AnnotationInContext({ item, headingId, children }: { item: ReviewItem; headingId?: string; children?: ReactNode }) {
  return (
    <>
      <p className={styles.meta} id={headingId}>
        <span className={`${styles.badge} ${styles[item.label]}`}>{LABEL_INFO[item.label].name}</span>
        {item.quoteKind && <span>{QUOTE_KIND_NAMES[item.quoteKind]} quote</span>}
        <span className={`${styles.status} ${styles[item.status]}`}>{STATUS_NAMES[item.status]}</span>
        <span>
          Speaker: <span className={styles.speaker}>{item.speaker?.name ?? "none"}</span>
        </span>
      </p>
      <p className={styles.context}>
        {item.context.before}
        <mark className={styles[item.label]}>{item.exact}</mark>
        {item.context.after}
      </p>
      {item.attributionHint && (
        <p className={styles.hint}>
          <strong>Check the attribution:</strong> {item.attributionHint.reason}
        </p>
      )}
      {item.status === "rejected" && item.reviewReason && <p className={styles.reason}>Rejected because: {item.reviewReason}</p>}
      <p className={styles.meta}>
        <span>
          In <Link href={workspaceHref(item.documentId, item.id)}>{item.documentTitle}</Link>
        </span>
        <span className="muted">Annotated by {item.author.name}</span>
      </p>
      {children}
    </>
  );
}
