// The pairwise F1 heat map as SVG text, drawn on the server with Observable Plot
// (components/charts/plot-svg.ts): no script, no network, the same picture with JavaScript off.

import * as Plot from "@observablehq/plot";
import { plotSvg } from "@/components/charts/plot-svg";
import type { AgreementReport } from "@/lib/agreement/load-agreement";

export interface HeatCell {
  a: string;
  b: string;
  f1: number | null;
}

/** Both halves of the matrix (F1 is symmetric), the diagonal left empty. */
export function heatCells(report: AgreementReport): HeatCell[] {
  const name = new Map(report.users.map((user) => [user.id, user.name]));
  return report.pairs.flatMap((pair) => {
    const a = name.get(pair.a) ?? pair.a;
    const b = name.get(pair.b) ?? pair.b;
    return [
      { a, b, f1: pair.overlap.f1 },
      { a: b, b: a, f1: pair.overlap.f1 },
    ];
  });
}

export function heatmapSvg(cells: readonly HeatCell[], names: readonly string[]): string {
  const label = (f1: number | null) => (f1 === null ? "–" : f1.toFixed(2));
  const size = Math.max(160, 60 * names.length);
  return plotSvg({
    ariaLabel: "Heat map of pairwise overlap F1",
    width: size + 120,
    height: size + 60,
    marginLeft: 120,
    marginBottom: 60,
    x: { domain: [...names], label: null, tickRotate: -30 },
    y: { domain: [...names], label: null },
    color: { domain: [0, 1], scheme: "blues", label: "Overlap F1" },
    marks: [
      Plot.cell(cells, { x: "a", y: "b", fill: (d: HeatCell) => d.f1, inset: 1 }),
      Plot.text(cells, {
        x: "a",
        y: "b",
        text: (d: HeatCell) => label(d.f1),
        fill: (d: HeatCell) => ((d.f1 ?? 0) > 0.6 ? "white" : "black"),
      }),
    ],
  });
}
