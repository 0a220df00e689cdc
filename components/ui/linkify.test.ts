import { describe, expect, it } from "vitest";
import { linkify } from "./linkify";

describe("linkify", () => {
  it.each([
    ["no links here", [{ kind: "text", text: "no links here" }]],
    [
      "see https://example.org/a?b=1.",
      [
        { kind: "text", text: "see " },
        { kind: "link", text: "https://example.org/a?b=1", href: "https://example.org/a?b=1" },
        { kind: "text", text: "." },
      ],
    ],
    [
      "(http://x.test/p) and more",
      [
        { kind: "text", text: "(" },
        { kind: "link", text: "http://x.test/p", href: "http://x.test/p" },
        { kind: "text", text: ") and more" },
      ],
    ],
    ["javascript:alert(1) stays text", [{ kind: "text", text: "javascript:alert(1) stays text" }]],
    [
      "<b>https://a.test</b>",
      [
        { kind: "text", text: "<b>" },
        { kind: "link", text: "https://a.test", href: "https://a.test/" },
        { kind: "text", text: "</b>" },
      ],
    ],
  ])("%s", (text, pieces) => {
    expect(linkify(text)).toEqual(pieces);
  });
});
