import { describe, expect, it } from "vitest";
import { browserOf, formatDateTime } from "./account-format";

describe("formatDateTime", () => {
  it("shows the time in UTC, the same on the server and in the browser", () => {
    expect(formatDateTime("2026-11-28T17:39:29.123Z")).toBe("28 Nov 2026, 17:39 UTC");
  });
});

describe("browserOf", () => {
  it.each([
    ["Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36", "Chrome 126 on Linux"],
    [
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.2592.68",
      "Edge 126 on Windows",
    ],
    ["Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0", "Firefox 128 on Linux"],
    [
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
      "Safari 17 on macOS",
    ],
    [
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
      "Safari 17 on iOS",
    ],
    [
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/140.0.0.0 Safari/537.36",
      "Headless Chrome 140 on Linux",
    ],
    ["curl/8.5.0", "curl"],
    ["", "Unknown browser"],
  ])("%s", (userAgent, expected) => {
    expect(browserOf(userAgent)).toBe(expected);
  });

  it("names no browser when there is no User-Agent", () => {
    expect(browserOf(null)).toBe("Unknown browser");
  });
});
