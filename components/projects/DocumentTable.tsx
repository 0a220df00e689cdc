// The documents of a project: title (opens the annotation workspace), annotations, length,
// published date and source.

import Link from "next/link";
import { formatCount, formatDate, formatNumber, linkHost } from "@/components/ui/format";
import type { DocumentSummary } from "@/lib/documents/documents";
import styles from "./projects.module.css";
import { TableRegion } from "./TableRegion";

function Missing() {
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">none</span>
    </>
  );
}

export function DocumentTable({ documents, labelledBy }: { documents: DocumentSummary[]; labelledBy: string }) {
  return (
    <TableRegion labelledBy={labelledBy}>
      <table className={styles.table} aria-labelledby={labelledBy}>
        <thead>
          <tr>
            <th scope="col">Title</th>
            <th scope="col" className={styles.number}>
              Annotations
            </th>
            <th scope="col" className={styles.number}>
              Length
            </th>
            <th scope="col">Published</th>
            <th scope="col">Source</th>
          </tr>
        </thead>
        <tbody>
          {documents.map((document) => {
            const host = document.sourceUrl ? linkHost(document.sourceUrl) : null;
            return (
              <tr key={document.id}>
                <td className={styles.titleCell}>
                  <Link href={`/documents/${encodeURIComponent(document.id)}`}>{document.title}</Link>
                </td>
                <td className={styles.number}>{formatNumber(document.annotationCount)}</td>
                <td className={styles.number}>{formatCount(document.length, "character", "characters")}</td>
                <td className={styles.nowrap}>
                  {document.publishedAt ? <time dateTime={document.publishedAt}>{formatDate(document.publishedAt)}</time> : <Missing />}
                </td>
                <td>
                  {document.sourceUrl && host ? (
                    <a href={document.sourceUrl} rel="noreferrer" title={document.sourceUrl}>
                      {host}
                    </a>
                  ) : (
                    <Missing />
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableRegion>
  );
}
