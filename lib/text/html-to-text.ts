// Reduces a saved HTML page to the plain text of its article, one paragraph per line, for import.
// A small tokenizer instead of a DOM, so it runs the same in the browser, in Node and in tests, and
// nothing in the file is ever rendered or executed.

import { windows1252CodePoint } from "./windows-1252";

export interface HtmlText {
  /** The visible text: paragraphs joined by one "\n", none empty, no blank lines at either end. */
  text: string;
  /** The first non-empty `<title>`, else the first non-empty `<h1>`, else null. */
  title: string | null;
}

/** Elements that end the paragraph before them and after them. */
const BLOCK = new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "body",
  "br",
  "caption",
  "center",
  "dd",
  "details",
  "dialog",
  "div",
  "dl",
  "dt",
  "fieldset",
  "figcaption",
  "figure",
  "footer",
  "form",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hgroup",
  "hr",
  "html",
  "legend",
  "li",
  "main",
  "menu",
  "nav",
  "ol",
  "p",
  "pre",
  "search",
  "section",
  "summary",
  "table",
  "tbody",
  "tfoot",
  "thead",
  "tr",
  "ul",
]);

/** Containers whose whole content is dropped; they may nest, so their depth is tracked. */
const DROPPED = new Set(["head", "svg", "template"]);

/** Elements whose content is not markup: it runs to the matching end tag (HTML's raw text and RCDATA). */
const RAW_TEXT = new Set(["iframe", "noembed", "noframes", "noscript", "script", "style", "textarea", "title", "xmp"]);

/** What may stand in <head>; any other start tag (or visible text) there starts the body, as in browsers. */
const HEAD_CONTENT = new Set([
  "base",
  "basefont",
  "bgsound",
  "link",
  "meta",
  "noframes",
  "noscript",
  "script",
  "style",
  "template",
  "title",
]);

/** Table cells are inline, but neighbouring cells must not run together. */
const CELL = new Set(["td", "th"]);

/** HTML whitespace plus the no-break space, which plain text has no use for. */
const COLLAPSIBLE = /[\t\n\f\r \u00a0]+/g;

// Latin-1 names, in code point order from U+00A0.
const LATIN1 = (
  "nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 " +
  "sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc " +
  "Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve " +
  "Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute " +
  "acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde " +
  "ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml"
).split(" ");

/** Named character references: Latin-1 and the punctuation and symbols news pages use. */
const NAMED: ReadonlyMap<string, string> = new Map<string, string>([
  ...LATIN1.map((name, i): [string, string] => [name, String.fromCodePoint(0xa0 + i)]),
  ["nbsp", " "],
  ...Object.entries({
    quot: 0x22,
    QUOT: 0x22,
    amp: 0x26,
    AMP: 0x26,
    apos: 0x27,
    lt: 0x3c,
    LT: 0x3c,
    gt: 0x3e,
    GT: 0x3e,
    COPY: 0xa9,
    REG: 0xae,
    Tab: 0x09,
    NewLine: 0x0a,
    OElig: 0x152,
    oelig: 0x153,
    Scaron: 0x160,
    scaron: 0x161,
    Yuml: 0x178,
    fnof: 0x192,
    circ: 0x2c6,
    tilde: 0x2dc,
    ensp: 0x2002,
    emsp: 0x2003,
    thinsp: 0x2009,
    zwnj: 0x200c,
    zwj: 0x200d,
    lrm: 0x200e,
    rlm: 0x200f,
    hyphen: 0x2010,
    ndash: 0x2013,
    mdash: 0x2014,
    lsquo: 0x2018,
    rsquo: 0x2019,
    sbquo: 0x201a,
    ldquo: 0x201c,
    rdquo: 0x201d,
    bdquo: 0x201e,
    dagger: 0x2020,
    Dagger: 0x2021,
    bull: 0x2022,
    hellip: 0x2026,
    permil: 0x2030,
    prime: 0x2032,
    Prime: 0x2033,
    lsaquo: 0x2039,
    rsaquo: 0x203a,
    oline: 0x203e,
    frasl: 0x2044,
    euro: 0x20ac,
    trade: 0x2122,
    larr: 0x2190,
    uarr: 0x2191,
    rarr: 0x2192,
    darr: 0x2193,
    harr: 0x2194,
    minus: 0x2212,
    infin: 0x221e,
    asymp: 0x2248,
    ne: 0x2260,
    le: 0x2264,
    ge: 0x2265,
  }).map(([name, cp]): [string, string] => [name, String.fromCodePoint(cp)]),
]);

// Named references need their ";" (so "AT&T" and "?a=1&b=2" stay as written); numeric ones do not.
const REFERENCE = /&(?:#(\d+)|#[xX]([0-9a-fA-F]+)|([A-Za-z][A-Za-z0-9]*));?/g;

function numericCharacter(codePoint: number): string {
  if (codePoint === 0 || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return "\ufffd";
  // `&#128;`–`&#159;` mean the Windows-1252 characters, as in browsers (old CMSs write `&#146;` for ’).
  return String.fromCodePoint(windows1252CodePoint(codePoint));
}

/** Decodes character references in text (not in markup: markup is tokenized first). */
export function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(REFERENCE, (match: string, dec?: string, hex?: string, name?: string) => {
    // Overlong digit runs parse to huge numbers (or Infinity), which numericCharacter refuses.
    if (dec !== undefined) return numericCharacter(Number.parseInt(dec, 10));
    if (hex !== undefined) return numericCharacter(Number.parseInt(hex, 16));
    if (!match.endsWith(";")) return match;
    return NAMED.get(name as string) ?? match;
  });
}

/**
 * Collapses HTML whitespace runs to one space and drops a space at either end. Not `trim()`: that
 * would also strip the ideographic space (U+3000) that opens a Japanese paragraph.
 */
function collapse(text: string): string {
  const collapsed = text.replace(COLLAPSIBLE, " ");
  const start = collapsed.startsWith(" ") ? 1 : 0;
  const end = collapsed.endsWith(" ") ? collapsed.length - 1 : collapsed.length;
  return start >= end ? "" : collapsed.slice(start, end);
}

/** Gathers text into paragraphs; inside <pre> every line break is a paragraph break and spaces stay. */
class Paragraphs {
  private readonly done: string[] = [];
  private pieces: string[] = [];
  private preformatted = false;

  add(text: string, inPre: boolean): void {
    if (!inPre) {
      this.pieces.push(text);
      return;
    }
    const lines = text.replace(/\u00a0/g, " ").split(/\r\n?|\n/);
    lines.forEach((line, k) => {
      if (k > 0) this.end();
      this.preformatted = true;
      this.pieces.push(line);
    });
  }

  end(): void {
    if (this.pieces.length === 0) return;
    const raw = this.pieces.join("");
    // Preformatted lines keep their indentation; trailing blanks are invisible, so they go.
    const paragraph = this.preformatted ? raw.replace(/[\t\f ]+$/, "") : collapse(raw);
    if (paragraph.replace(COLLAPSIBLE, "") !== "") this.done.push(paragraph);
    this.pieces = [];
    this.preformatted = false;
  }

  text(): string {
    this.end();
    return this.done.join("\n");
  }
}

interface Tag {
  name: string;
  selfClosing: boolean;
  /** Index just past the tag's ">" (or the end of the input when it has none). */
  end: number;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

function isTagSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d;
}

/** Reads a tag whose name starts at `from`, honouring quoted attribute values (they may hold ">"). */
function readTag(html: string, from: number): Tag {
  const n = html.length;
  let j = from;
  while (j < n && !isTagSpace(html.charCodeAt(j)) && html[j] !== "/" && html[j] !== ">") j++;
  const name = html.slice(from, j).toLowerCase();
  let selfClosing = false;
  for (;;) {
    while (j < n && isTagSpace(html.charCodeAt(j))) j++;
    if (j >= n) return { name, selfClosing, end: n };
    const c = html[j];
    if (c === ">") return { name, selfClosing, end: j + 1 };
    if (c === "/") {
      j++;
      selfClosing = html[j] === ">";
      continue;
    }
    selfClosing = false;
    // Attribute name (its first character may be anything, even "=").
    j++;
    while (j < n && !isTagSpace(html.charCodeAt(j)) && html[j] !== "/" && html[j] !== ">" && html[j] !== "=") j++;
    while (j < n && isTagSpace(html.charCodeAt(j))) j++;
    if (html[j] !== "=") continue;
    j++;
    while (j < n && isTagSpace(html.charCodeAt(j))) j++;
    const quote = html[j];
    if (quote === '"' || quote === "'") {
      const close = html.indexOf(quote, j + 1);
      j = close === -1 ? n : close + 1;
    } else {
      while (j < n && !isTagSpace(html.charCodeAt(j)) && html[j] !== ">") j++;
    }
  }
}

const rawTextEnds = new Map<string, RegExp>();

/** Where the raw text of element `name` that starts at `from` ends: at its end tag, or at the end. */
function rawTextEnd(html: string, name: string, from: number): number {
  let pattern = rawTextEnds.get(name);
  if (!pattern) {
    pattern = new RegExp(`</${name}(?=[\\t\\n\\f\\r />]|$)`, "gi");
    rawTextEnds.set(name, pattern);
  }
  pattern.lastIndex = from;
  const match = pattern.exec(html);
  return match ? match.index : html.length;
}

/** The text of an HTML document, paragraphs kept, and its title. Markup, scripts and styles are dropped. */
export function htmlToText(html: string): HtmlText {
  const source = html.startsWith("\ufeff") ? html.slice(1) : html;
  const n = source.length;
  const paragraphs = new Paragraphs();
  const dropped: string[] = []; // open containers from DROPPED, innermost last
  let preDepth = 0;
  let title: string | null = null;
  let heading: string | null = null; // the first non-empty <h1>
  let headingPieces: string[] | null = null; // while inside a candidate <h1>

  const inHead = () => dropped.length > 0 && dropped[dropped.length - 1] === "head";

  function onText(raw: string): void {
    if (inHead() && /[^\t\n\f\r ]/.test(raw)) dropped.pop(); // visible text ends an unclosed <head>
    if (dropped.length > 0) return;
    const text = decodeEntities(raw.includes("\0") ? raw.replace(/\0/g, "") : raw);
    paragraphs.add(text, preDepth > 0);
    headingPieces?.push(text);
  }

  function onStartTag({ name, selfClosing }: Tag): void {
    if (inHead() && (name === "body" || !HEAD_CONTENT.has(name))) dropped.pop();
    if (dropped.length > 0 || DROPPED.has(name)) {
      // <svg/> is foreign content and really self-closing; <head/> and <template/> are not.
      if (DROPPED.has(name) && !(name === "svg" && selfClosing)) dropped.push(name);
      return;
    }
    if (BLOCK.has(name)) {
      paragraphs.end();
      headingPieces?.push(" "); // "<h1>Line<br>break</h1>" is the title "Line break"
    }
    if (CELL.has(name)) paragraphs.add(" ", false);
    if (name === "pre") preDepth++;
    if (name === "h1" && heading === null && headingPieces === null) headingPieces = [];
  }

  function onEndTag({ name }: Tag): void {
    if (dropped.length > 0) {
      if (dropped[dropped.length - 1] === name) dropped.pop();
      return;
    }
    if (BLOCK.has(name)) {
      paragraphs.end();
      headingPieces?.push(" ");
    }
    if (CELL.has(name)) paragraphs.add(" ", false);
    if (name === "pre" && preDepth > 0) preDepth--;
    if (name === "h1" && headingPieces !== null) {
      heading = collapse(headingPieces.join("")) || null;
      headingPieces = null;
    }
  }

  let i = 0;
  while (i < n) {
    const lt = source.indexOf("<", i);
    const textEnd = lt === -1 ? n : lt;
    if (textEnd > i) onText(source.slice(i, textEnd));
    if (lt === -1) break;
    i = lt;
    const next = source.charCodeAt(i + 1);

    if (source.startsWith("<!--", i)) {
      // "<!-->" and "<!--->" are whole (empty) comments.
      if (source.startsWith("<!-->", i)) i += 5;
      else if (source.startsWith("<!--->", i)) i += 6;
      else {
        const close = source.indexOf("-->", i + 4);
        i = close === -1 ? n : close + 3;
      }
    } else if (next === 0x21 /* ! */ || next === 0x3f /* ? */) {
      // <!DOCTYPE>, <![CDATA[...]]> and <?xml?> are bogus comments in HTML: up to the next ">".
      const close = source.indexOf(">", i + 2);
      i = close === -1 ? n : close + 1;
    } else if (next === 0x2f /* / */) {
      if (isAsciiLetter(source.charCodeAt(i + 2))) {
        const tag = readTag(source, i + 2);
        onEndTag(tag);
        i = tag.end;
      } else if (i + 2 >= n) {
        onText("</");
        i = n;
      } else {
        // "</>" is ignored; "</ ..." and "</3" are bogus comments.
        const close = source.indexOf(">", i + 2);
        i = close === -1 ? n : close + 1;
      }
    } else if (isAsciiLetter(next)) {
      const tag = readTag(source, i + 1);
      onStartTag(tag);
      i = tag.end;
      if (RAW_TEXT.has(tag.name)) {
        const end = rawTextEnd(source, tag.name, i);
        // Only the document's <title> counts: not an SVG image's, not one inside a <template>.
        if (tag.name === "title" && title === null && dropped.every((name) => name === "head")) {
          title = collapse(decodeEntities(source.slice(i, end))) || null;
        }
        i = end;
      }
    } else {
      onText("<"); // "a < b" is text
      i += 1;
    }
  }

  return { text: paragraphs.text(), title: title ?? heading };
}
