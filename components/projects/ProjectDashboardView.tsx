// The project page's progress dashboard (issue 10): documents by state per annotator, annotations
// by label and status, annotations per day (an Observable Plot bar chart drawn on the server: a
// server component, no chart script in the browser) and the reviewed share. Figures come from
// lib/projects/dashboard.ts; the agreement summary is streamed into its slot (`agreementSummary`).

import type { ReactNode } from "react";
import type { ProjectDashboard } from "@/lib/projects/dashboard";
import { perDayChartSvg } from "./per-day-chart-svg";

export interface ProjectDashboardViewProps {
  dashboard: ProjectDashboard;
  /** The agreement summary (issue 10, part B): shown under its own heading when given. */
  agreementSummary?: ReactNode;
}

export function ProjectDashboardView({ dashboard, agreementSummary }: ProjectDashboardViewProps) {
  const { annotators, byLabelStatus, perDay, reviewed } = dashboard;
  const share = reviewed.total === 0 ? 0 : Math.round((reviewed.reviewed / reviewed.total) * 100);
  const labels = [...new Set(byLabelStatus.map((r) => r.label))];
  const statuses = [...new Set(byLabelStatus.map((r) => r.status))];
  const cell = (label: string, status: string) => byLabelStatus.find((r) => r.label === label && r.status === status)?.count ?? 0;
  return (
    <div className="dashboard">
      <p>
        Reviewed: <strong>{share}%</strong> ({reviewed.reviewed} of {reviewed.total} annotations)
      </p>
      <h3>Documents by state per annotator</h3>
      {annotators.length === 0 ? (
        <p className="muted">No documents are assigned yet.</p>
      ) : (
        <table aria-label="Documents by state per annotator">
          <thead>
            <tr>
              <th scope="col">Annotator</th>
              <th scope="col">To do</th>
              <th scope="col">In progress</th>
              <th scope="col">Done</th>
            </tr>
          </thead>
          <tbody>
            {annotators.map((a) => (
              <tr key={a.userId}>
                <th scope="row">{a.name}</th>
                <td>{a.todo}</td>
                <td>{a.inProgress}</td>
                <td>{a.done}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>Annotations by label and status</h3>
      {labels.length === 0 ? (
        <p className="muted">No annotations yet.</p>
      ) : (
        <table aria-label="Annotations by label and status">
          <thead>
            <tr>
              <th scope="col">Label</th>
              {statuses.map((s) => (
                <th scope="col" key={s}>
                  {s}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {labels.map((label) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                {statuses.map((s) => (
                  <td key={s}>{cell(label, s)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3 id="per-day-heading">Annotations per day</h3>
      {perDay.length === 0 ? (
        <p className="muted">No annotations yet.</p>
      ) : (
        <figure aria-labelledby="per-day-heading">
          {/* The SVG carries its own accessible name (an image); the caption holds its figures. */}
          <div dangerouslySetInnerHTML={{ __html: perDayChartSvg(perDay) }} />
          <figcaption className="muted">{perDay.map((d) => `${d.day}: ${d.count}`).join(" · ")}</figcaption>
        </figure>
      )}
      {agreementSummary && (
        <section aria-labelledby="agreement-summary-heading">
          <h3 id="agreement-summary-heading">Agreement</h3>
          {agreementSummary}
        </section>
      )}
    </div>
  );
}
