// Observable Plot, drawn on the server as SVG text over linkedom's DOM: the project's one charting
// library (see the README). No script reaches the browser, nothing is fetched, and the chart is the
// same with JavaScript off. Server-only.

import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";

/** The chart `options` describe, as an SVG element's markup, with its accessible name. */
export function plotSvg(options: Plot.PlotOptions & { ariaLabel: string }): string {
  const { document } = parseHTML("<!doctype html><html><body></body></html>");
  const svg = Plot.plot({ ...options, document: document as unknown as Document });
  return (svg as unknown as { outerHTML: string }).outerHTML;
}
