// A project's Agreement tab (reviewers and owners): pairwise overlap F1 as a heat map, α_u and F1 per
// label, and the documents, least agreement first, each linking to its curation view; a CSV download.
// Everything is computed and rendered on the server (?label narrows it to one label), from one read;
// the label table's pair scores stream in last; the 100 least-agreeing documents are listed
// (?documents=all for every one). Links here are not prefetched: each target computes agreement.

import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { heatCells, heatmapSvg } from "@/components/agreement/heatmap-svg";
import styles from "@/components/projects/projects.module.css";
import { documentsByAgreement, meanOverlapF1 } from "@/lib/agreement/agreement-summary";
import { labelPairsPass } from "@/lib/agreement/compute-agreement";
import { agreementReport, mayReadAgreement, readAgreement } from "@/lib/agreement/load-agreement";
import type { AgreementInput } from "@/lib/agreement/types";
import { LABEL_INFO, LABELS, type Label } from "@/lib/model/vocabulary";
import { loadProjectPage } from "@/lib/projects/project-page";

type Props = {
  params: Promise<{ projectId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { project } = await loadProjectPage((await params).projectId);
  return { title: `Agreement · ${project.name} · Sourcemark` };
}

/** Documents listed unless ?documents=all. */
const DOCUMENT_ROWS = 100;

const score = (value: number | null) => (value === null ? "–" : value.toFixed(3));

/** α_u and mean pairwise overlap F1 per label; F1 shown as being computed until `f1` is given. */
function LabelTable({ alphaU, f1 }: { alphaU: Record<string, number | null>; f1?: Record<string, number | null> }) {
  return (
    <table className={styles.table} aria-labelledby="labels-heading" aria-busy={f1 ? undefined : true}>
      <caption id="labels-heading">By label</caption>
      <thead>
        <tr>
          <th scope="col">Label</th>
          <th scope="col">α_u</th>
          <th scope="col">Mean pairwise overlap F1</th>
        </tr>
      </thead>
      <tbody>
        {LABELS.map((l) => (
          <tr key={l}>
            <th scope="row">{LABEL_INFO[l].plural}</th>
            <td>{score(alphaU[l] ?? null)}</td>
            <td>{f1 ? score(f1[l] ?? null) : "computing…"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The label table with each label's pair scores: another matching pass per label (a few hundred ms
 * over a large project), so it streams in after the heat map and the documents rather than holding
 * them back.
 */
async function LabelTableWithF1({ alphaU, input }: { alphaU: Record<string, number | null>; input: AgreementInput }) {
  // A few documents at a time, yielding in between: a pass in one go would hold the event loop, and
  // the rest of the page could not be rendered to HTML and sent until it ended.
  const pass = labelPairsPass(input, LABELS);
  await new Promise((resolve) => setTimeout(resolve, 25));
  while (pass.step(25)) await new Promise((resolve) => setImmediate(resolve));
  const byLabel = pass.result();
  const f1 = Object.fromEntries(LABELS.map((l) => [l, meanOverlapF1(byLabel[l] ?? [])]));
  return <LabelTable alphaU={alphaU} f1={f1} />;
}

export default async function AgreementPage({ params, searchParams }: Props) {
  const { projectId } = await params;
  const { actor, project } = await loadProjectPage(projectId);
  if (!mayReadAgreement(project.role)) {
    return <p role="status">Agreement between annotators is for the project&apos;s reviewers and owners.</p>;
  }
  const query = await searchParams;
  const label = LABELS.find((l) => l === query.label) as Label | undefined;
  // One read of every label's spans; the report and the per-label figures are computed from it.
  const data = await readAgreement({ actor, projectId: project.id });
  const report = agreementReport(data, label);
  const names = report.users.map((user) => user.name);
  const documents = documentsByAgreement(report);
  // The least-agreeing documents are where a team looks; a thousand rows would make the page slow to show.
  const shown = query.documents === "all" ? documents : documents.slice(0, DOCUMENT_ROWS);
  const pageHref = `/projects/${encodeURIComponent(project.id)}/agreement?documents=all`;
  const csvHref = `/api/v1/projects/${encodeURIComponent(project.id)}/agreement?format=csv${label ? `&label=${label}` : ""}`;

  return (
    <section aria-labelledby="agreement-heading" className="stack">
      <h2 id="agreement-heading">Agreement{label ? ` · ${LABEL_INFO[label].plural}` : ""}</h2>
      <p>
        Over the documents annotators marked done, curated annotations left out. Krippendorff&apos;s α<sub>u</sub> overall:{" "}
        <strong>{score(report.alphaU.overall)}</strong> ({report.alphaU.documents} documents every annotator finished).{" "}
        <a href={csvHref} download>
          Download CSV
        </a>
      </p>
      <nav aria-label="Label">
        <Link prefetch={false} href={`/projects/${encodeURIComponent(project.id)}/agreement`} aria-current={label ? undefined : "page"}>
          All labels
        </Link>
        {LABELS.map((l) => (
          <span key={l}>
            {" · "}
            <Link
              prefetch={false}
              href={`/projects/${encodeURIComponent(project.id)}/agreement?label=${l}`}
              aria-current={label === l ? "page" : undefined}
            >
              {LABEL_INFO[l].plural}
            </Link>
          </span>
        ))}
      </nav>

      <h3 id="heatmap-heading">Pairwise overlap F1</h3>
      {report.pairs.length === 0 ? (
        <p role="status">No two annotators have marked the same document done yet.</p>
      ) : (
        <figure aria-labelledby="heatmap-heading">
          {/* The SVG carries its own accessible name (an image); the table below holds its figures. */}
          <div dangerouslySetInnerHTML={{ __html: heatmapSvg(heatCells(report), names) }} />
          <figcaption>
            <table className={styles.table}>
              <caption>Pairs</caption>
              <thead>
                <tr>
                  <th scope="col">Annotators</th>
                  <th scope="col">Documents</th>
                  <th scope="col">Exact F1</th>
                  <th scope="col">Overlap F1</th>
                  <th scope="col">Label agreement</th>
                  <th scope="col">Speaker agreement</th>
                </tr>
              </thead>
              <tbody>
                {report.pairs.map((pair) => (
                  <tr key={`${pair.a}-${pair.b}`}>
                    <td>
                      {report.users.find((u) => u.id === pair.a)?.name} – {report.users.find((u) => u.id === pair.b)?.name}
                    </td>
                    <td>{pair.documents}</td>
                    <td>{score(pair.exact.f1)}</td>
                    <td>{score(pair.overlap.f1)}</td>
                    <td>{score(pair.overlap.labelAgreement)}</td>
                    <td>{score(pair.overlap.speakerAgreement)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </figcaption>
        </figure>
      )}

      <Suspense fallback={<LabelTable alphaU={report.alphaU.byLabel} />}>
        <LabelTableWithF1 alphaU={report.alphaU.byLabel} input={data.input} />
      </Suspense>

      <table className={styles.table} aria-labelledby="documents-heading">
        <caption id="documents-heading">Documents, least agreement first</caption>
        <thead>
          <tr>
            <th scope="col">Document</th>
            <th scope="col">Annotators done</th>
            <th scope="col">Mean overlap F1</th>
            <th scope="col">α_u</th>
          </tr>
        </thead>
        <tbody>
          {documents.length === 0 ? (
            <tr>
              <td colSpan={4}>No document has two annotators done yet.</td>
            </tr>
          ) : (
            shown.map((document) => (
              <tr key={document.documentId}>
                <th scope="row">
                  {/* A plain link: a hundred rows of client Links would each be hydrated and prefetched. */}
                  <a href={`/documents/${encodeURIComponent(document.documentId)}/curate`}>{document.title}</a>
                </th>
                <td>{document.annotators.length}</td>
                <td>{score(document.f1)}</td>
                <td>{score(document.alphaU.overall)}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
      {shown.length < documents.length && (
        <p>
          The {shown.length} documents with the least agreement of {documents.length}.{" "}
          <Link prefetch={false} href={`${pageHref}${label ? `&label=${label}` : ""}`}>
            Show all {documents.length} documents
          </Link>{" "}
          (the CSV holds them all too).
        </p>
      )}
    </section>
  );
}
