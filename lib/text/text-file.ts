// Turning a file the user picked (.txt, .md, .html, .htm) into a document's text and a title
// suggestion. Pure: the browser form reads the bytes and hands them here.

import { htmlToText } from "./html-to-text";
import { decodeWindows1252 } from "./windows-1252";

/** For `<input type="file" accept>`. */
export const IMPORTABLE_FILE_TYPES = ".txt,.md,.html,.htm";

export type TextFileKind = "html" | "plain";

/** How a file is imported, from its name (and type, when the name has no known extension), or null. */
export function textFileKind(fileName: string, mimeType = ""): TextFileKind | null {
  const extension = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (extension === "html" || extension === "htm") return "html";
  if (extension === "txt" || extension === "md") return "plain";
  if (extension === undefined && mimeType === "text/html") return "html";
  if (extension === undefined && (mimeType === "text/plain" || mimeType === "text/markdown")) return "plain";
  return null;
}

/** "2022-11-04 minister.speech.html" → "2022-11-04 minister.speech". */
export function fileTitle(fileName: string): string {
  const base = fileName.split(/[/\\]/).pop() ?? fileName;
  const dot = base.lastIndexOf(".");
  return (dot > 0 ? base.slice(0, dot) : base).trim();
}

/** A `charset` declared in the first bytes of an HTML file (`<meta charset>` or http-equiv). */
function declaredCharset(bytes: Uint8Array): string | null {
  const head = decodeWindows1252(bytes.subarray(0, 4096));
  return /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i.exec(head)?.[1] ?? null;
}

function decodeAs(label: string, bytes: Uint8Array, fatal: boolean): string | null {
  try {
    const decoder = new TextDecoder(label, { fatal });
    // "iso-8859-1", "latin1", "ascii" and friends all mean Windows-1252 on the web.
    return decoder.encoding === "windows-1252" ? decodeWindows1252(bytes) : decoder.decode(bytes);
  } catch {
    return null; // unknown label, or (when fatal) bytes that are not in that encoding
  }
}

/**
 * Decodes a file's bytes. A byte order mark decides; then UTF-8 if the bytes are valid UTF-8; then
 * the charset an HTML file declares; then Windows-1252, which is what old pages without a declaration
 * were written in and which decodes any byte.
 */
export function decodeTextFile(bytes: Uint8Array, kind: TextFileKind): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeAs("utf-16be", bytes, false) ?? "";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeAs("utf-16le", bytes, false) ?? "";
  // TextDecoder("utf-8") drops a UTF-8 BOM itself.
  const utf8 = decodeAs("utf-8", bytes, true);
  if (utf8 !== null) return utf8;
  const declared = kind === "html" ? declaredCharset(bytes) : null;
  return (declared ? decodeAs(declared, bytes, false) : null) ?? decodeWindows1252(bytes);
}

export interface ImportedText {
  text: string;
  /** The page's <title> or first <h1> for HTML, else the file name without its extension. */
  title: string;
}

/** A document's text and title from a file's decoded content: HTML reduced to text, the rest as it is. */
export function importedText(fileName: string, kind: TextFileKind, content: string): ImportedText {
  if (kind === "plain") return { text: content, title: fileTitle(fileName) };
  const { text, title } = htmlToText(content);
  return { text, title: title ?? fileTitle(fileName) };
}
