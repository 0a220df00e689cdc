// The project dashboard's agreement summary (reviewers and owners): α_u, mean pairwise overlap F1,
// the documents two or more annotators finished and the one with the least agreement, linking to
// the Agreement tab. An async server component: the page streams it inside a Suspense boundary, since
// agreement over a large project takes a second or more and the rest of the dashboard need not wait.

import Link from "next/link";
import { agreementSummary } from "@/lib/agreement/agreement-summary";
import { loadAgreement } from "@/lib/agreement/load-agreement";
import type { Actor } from "@/lib/auth/authenticate";

const score = (value: number | null) => (value === null ? "–" : value.toFixed(3));

export async function AgreementSummaryPanel({ actor, projectId }: { actor: Actor; projectId: string }) {
  const summary = agreementSummary(await loadAgreement({ actor, projectId }));
  const agreementHref = `/projects/${encodeURIComponent(projectId)}/agreement`;
  if (summary.documents === 0 || !summary.lowest) {
    return (
      <p role="status" data-testid="agreement-summary">
        Agreement appears when two annotators have marked the same document done.
      </p>
    );
  }
  return (
    <div data-testid="agreement-summary">
      <dl>
        <dt>
          Krippendorff&apos;s α<sub>u</sub>, all labels
        </dt>
        <dd>
          {score(summary.alphaU)}{" "}
          <span className="muted">
            (over {summary.alphaDocuments} {summary.alphaDocuments === 1 ? "document" : "documents"} every annotator finished)
          </span>
        </dd>
        <dt>Mean pairwise overlap F1</dt>
        <dd>{score(summary.meanF1)}</dd>
        <dt>Documents done by two or more annotators</dt>
        <dd>{summary.documents}</dd>
        <dt>Lowest agreement</dt>
        <dd>
          <Link href={`/documents/${encodeURIComponent(summary.lowest.documentId)}/curate`}>{summary.lowest.title}</Link> (overlap F1{" "}
          {score(summary.lowest.f1)})
        </dd>
      </dl>
      <p>
        <Link href={agreementHref}>Open the agreement page</Link>
      </p>
    </div>
  );
}

/** What the summary's Suspense boundary shows while agreement is computed. */
export function AgreementSummaryLoading() {
  return (
    <p role="status" aria-busy="true" className="muted">
      Computing agreement…
    </p>
  );
}
