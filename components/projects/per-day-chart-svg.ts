// The dashboard's "annotations per day" bar chart as SVG text (Observable Plot on the server).

import * as Plot from "@observablehq/plot";
import { plotSvg } from "@/components/charts/plot-svg";
import type { ProjectDashboard } from "@/lib/projects/dashboard";

export function perDayChartSvg(perDay: ProjectDashboard["perDay"]): string {
  return plotSvg({
    ariaLabel: "Bar chart of annotations per day",
    width: Math.min(720, 120 + perDay.length * 40),
    height: 220,
    marginBottom: 50,
    x: { type: "band", label: null, tickRotate: perDay.length > 6 ? -30 : 0 },
    y: { grid: true, label: "Annotations", tickFormat: (n: number) => (Number.isInteger(n) ? String(n) : "") },
    marks: [
      Plot.barY(perDay, { x: "day", y: "count", fill: "#2f5d8a", title: (d: { day: string; count: number }) => `${d.day}: ${d.count}` }),
      Plot.ruleY([0]),
    ],
  });
}
