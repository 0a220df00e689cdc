// How the account settings read: times of tokens and sessions (UTC, so the server's render and the
// browser's agree), and a session's browser named from its User-Agent. Pure, so it is unit-tested.

const times = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** "2026-11-28T17:39:29.123Z" → "28 Nov 2026, 17:39 UTC". */
export function formatDateTime(iso: string): string {
  return `${times.format(new Date(iso))} UTC`;
}

const BROWSERS: [RegExp, string][] = [
  [/\bEdg(?:e|A|iOS)?\/(\d+)/, "Edge"],
  [/\bOPR\/(\d+)/, "Opera"],
  [/\bFirefox\/(\d+)/, "Firefox"],
  [/\bFxiOS\/(\d+)/, "Firefox"],
  [/\bCriOS\/(\d+)/, "Chrome"],
  [/\bHeadlessChrome\/(\d+)/, "Headless Chrome"],
  [/\bChrom(?:e|ium)\/(\d+)/, "Chrome"],
  [/\bVersion\/(\d+)[\d.]* (?:Mobile\/\S+ )?Safari\//, "Safari"],
];

const SYSTEMS: [RegExp, string][] = [
  [/\bWindows\b/, "Windows"],
  [/\b(?:iPhone|iPad|iPod)\b/, "iOS"],
  [/\bMac OS X\b/, "macOS"],
  [/\bAndroid\b/, "Android"],
  [/\bCrOS\b/, "ChromeOS"],
  [/\bLinux\b/, "Linux"],
];

/** "Firefox 128 on Linux", "Chrome 120 on macOS"; a script's agent by its first word ("curl"); "Unknown browser". */
export function browserOf(userAgent: string | null): string {
  if (!userAgent?.trim()) return "Unknown browser";
  const system = SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1];
  for (const [pattern, name] of BROWSERS) {
    const match = pattern.exec(userAgent);
    if (match) return `${name} ${match[1]}${system ? ` on ${system}` : ""}`;
  }
  const product = /^[^\s/()]+/.exec(userAgent.trim())?.[0] ?? "Unknown browser";
  return system && product === "Mozilla" ? `A browser on ${system}` : product;
}
