// Windows-1252, the encoding of old web pages and Windows text files: Latin-1 except that bytes
// 0x80–0x9F are typographic characters. Written out because Node's TextDecoder decodes the label as
// plain Latin-1, and HTML's numeric references in that range mean the same characters.

const HIGH_CONTROLS: Readonly<Record<number, number>> = {
  0x80: 0x20ac,
  0x82: 0x201a,
  0x83: 0x0192,
  0x84: 0x201e,
  0x85: 0x2026,
  0x86: 0x2020,
  0x87: 0x2021,
  0x88: 0x02c6,
  0x89: 0x2030,
  0x8a: 0x0160,
  0x8b: 0x2039,
  0x8c: 0x0152,
  0x8e: 0x017d,
  0x91: 0x2018,
  0x92: 0x2019,
  0x93: 0x201c,
  0x94: 0x201d,
  0x95: 0x2022,
  0x96: 0x2013,
  0x97: 0x2014,
  0x98: 0x02dc,
  0x99: 0x2122,
  0x9a: 0x0161,
  0x9b: 0x203a,
  0x9c: 0x0153,
  0x9e: 0x017e,
  0x9f: 0x0178,
};

/** The code point Windows-1252 gives byte (or Latin-1 code point) `value`; others pass through. */
export function windows1252CodePoint(value: number): number {
  return HIGH_CONTROLS[value] ?? value;
}

/** Decodes bytes as Windows-1252; every byte decodes to something. */
export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const chunk = 8192; // String.fromCharCode takes its arguments on the stack
  for (let start = 0; start < bytes.length; start += chunk) {
    const codes = Array.from(bytes.subarray(start, start + chunk), windows1252CodePoint);
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join("");
}
