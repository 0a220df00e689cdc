// How numbers, dates and links read on screen. Dates are shown in UTC: a published date is stored as
// midnight UTC, and a local time zone would move it to the day before.

const numbers = new Intl.NumberFormat("en");
const dates = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

export function formatNumber(value: number): string {
  return numbers.format(value);
}

/** "1 character", "12,345 characters". */
export function formatCount(value: number, one: string, many: string): string {
  return `${numbers.format(value)} ${value === 1 ? one : many}`;
}

/** "2022-11-04T00:00:00.000Z" → "4 Nov 2022". */
export function formatDate(iso: string): string {
  return dates.format(new Date(iso));
}

/** The host a link points to, for its text ("www.example.org/a/b" → "example.org"); null unless http(s). */
export function linkHost(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return null;
    return parsed.hostname.replace(/^www\./, "");
  } catch {
    return null;
  }
}
