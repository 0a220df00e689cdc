"use client";
// The project page's progress dashboard (issue 10): documents by state per annotator, annotations
// by label and status, annotations per day (a Recharts bar chart, drawn as SVG in the browser, no
// network) and the reviewed share. Figures come from lib/projects/dashboard.ts. The agreement
// summary is a slot the agreement work fills (`agreementSummary`).

import type { ReactNode } from "react";
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import type { ProjectDashboard } from "@/lib/projects/dashboard";

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
          <BarChart width={Math.min(720, 120 + perDay.length * 40)} height={220} data={perDay} accessibilityLayer>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="day" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Bar dataKey="count" name="Annotations" fill="#2f5d8a" />
          </BarChart>
          <figcaption className="muted">{perDay.map((d) => `${d.day}: ${d.count}`).join(" · ")}</figcaption>
        </figure>
      )}
      {agreementSummary && (
        <>
          <h3>Agreement</h3>
          {agreementSummary}
        </>
      )}
    </div>
  );
}
