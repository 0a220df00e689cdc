// The per-day chart is drawn on the server without a browser: one bar per day, named, with the counts in titles.

import { describe, expect, it } from "vitest";
import { perDayChartSvg } from "./per-day-chart-svg";

describe("perDayChartSvg", () => {
  it("draws a bar per day with its count, and names the chart", () => {
    const svg = perDayChartSvg([
      { day: "2026-11-27", count: 3 },
      { day: "2026-11-28", count: 12 },
    ]);
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toContain('aria-label="Bar chart of annotations per day"');
    expect(svg.match(/<rect/g)).toHaveLength(2);
    expect(svg).toContain("<title>2026-11-28: 12</title>");
  });
});
