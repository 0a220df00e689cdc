// The heat map is drawn on the server without a browser: an SVG with a cell and a score per ordered pair.

import { describe, expect, it } from "vitest";
import { heatmapSvg } from "./heatmap-svg";

describe("heatmapSvg", () => {
  it("draws each ordered pair's overlap F1, names escaped", () => {
    const svg = heatmapSvg(
      [
        { a: "Ann <3", b: "Bob", f1: 0.5 },
        { a: "Bob", b: "Ann <3", f1: 0.5 },
      ],
      ["Ann <3", "Bob"],
    );
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg.match(/<rect/g)?.length).toBeGreaterThanOrEqual(2);
    expect(svg.match(/>0\.50</g)).toHaveLength(2);
    expect(svg).toContain("Ann &lt;3");
    expect(svg).not.toContain("Ann <3");
  });
});
