import { describe, expect, it } from "vitest";
import { decodeTextFile, fileTitle, importedText, textFileKind, type TextFileKind } from "./text-file";

describe("textFileKind", () => {
  it.each<[string, string, TextFileKind | null]>([
    ["article.html", "", "html"],
    ["ARTICLE.HTM", "text/html", "html"],
    ["notes.txt", "text/plain", "plain"],
    ["README.md", "", "plain"],
    ["page.html.txt", "", "plain"],
    ["report.pdf", "application/pdf", null],
    ["archive.tar.gz", "", null],
    ["no-extension", "text/html", "html"],
    ["no-extension", "text/plain", "plain"],
    ["no-extension", "", null],
    ["misnamed.docx", "text/html", null],
  ])("%s (%s) is %s", (name, type, kind) => {
    expect(textFileKind(name, type)).toBe(kind);
  });
});

describe("fileTitle", () => {
  it.each<[string, string]>([
    ["article.html", "article"],
    ["2022-11-04 minister.speech.txt", "2022-11-04 minister.speech"],
    ["C:\\fakepath\\notes.md", "notes"],
    [".hidden", ".hidden"],
    ["no-extension", "no-extension"],
    ["中文报道.txt", "中文报道"],
  ])("%s → %s", (name, title) => {
    expect(fileTitle(name)).toBe(title);
  });
});

describe("decodeTextFile", () => {
  const bytes = (...values: number[]) => new Uint8Array(values);

  it("reads UTF-8, astral characters included", () => {
    const text = "🚢 中文 مرحبا café";
    expect(decodeTextFile(new TextEncoder().encode(text), "plain")).toBe(text);
  });

  it("drops a UTF-8 byte order mark", () => {
    expect(decodeTextFile(bytes(0xef, 0xbb, 0xbf, 0x61), "plain")).toBe("a");
  });

  it("follows a UTF-16 byte order mark", () => {
    expect(decodeTextFile(bytes(0xff, 0xfe, 0x61, 0x00, 0x3d, 0xd8, 0xa2, 0xde), "plain")).toBe("a🚢");
    expect(decodeTextFile(bytes(0xfe, 0xff, 0x00, 0x61), "plain")).toBe("a");
  });

  it("falls back to Windows-1252 for bytes that are not UTF-8", () => {
    // "don’t – café" as written by an old Windows editor
    expect(decodeTextFile(bytes(0x64, 0x6f, 0x6e, 0x92, 0x74, 0x20, 0x96, 0x20, 0x63, 0x61, 0x66, 0xe9), "plain")).toBe("don’t – café");
  });

  it("uses the charset an HTML file declares", () => {
    const html = `<meta charset="iso-8859-7"><p>`;
    const content = new Uint8Array([...new TextEncoder().encode(html), 0xe1, 0xe2, 0xe3]);
    expect(decodeTextFile(content, "html")).toBe(`${html}αβγ`);
  });

  it("ignores an unknown declared charset", () => {
    const content = new Uint8Array([...new TextEncoder().encode(`<meta charset="x-nonsense">`), 0xe9]);
    expect(decodeTextFile(content, "html")).toBe(`<meta charset="x-nonsense">é`);
  });

  it("prefers valid UTF-8 over a wrong declaration", () => {
    const html = `<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><p>café</p>`;
    expect(decodeTextFile(new TextEncoder().encode(html), "html")).toBe(html);
  });
});

describe("importedText", () => {
  it("imports plain text and Markdown as they are, titled by the file name", () => {
    const content = "# Heading\n\nFirst line is not the title.\r\n  indented\n";
    expect(importedText("notes.md", "plain", content)).toEqual({ text: content, title: "notes" });
    expect(importedText("story.txt", "plain", "Headline\nBody")).toEqual({ text: "Headline\nBody", title: "story" });
  });

  it("reduces HTML to text and takes its title", () => {
    expect(importedText("page.html", "html", "<title>T &amp; U</title><script>x()</script><p>a</p><p>b</p>")).toEqual({
      text: "a\nb",
      title: "T & U",
    });
  });

  it("titles HTML without <title> or <h1> by the file name", () => {
    expect(importedText("saved page.htm", "html", "<p>body</p>")).toEqual({ text: "body", title: "saved page" });
  });
});

describe("decodeTextFile: Windows-1252 labels", () => {
  it("decodes a declared iso-8859-1 page as Windows-1252, as browsers do", () => {
    const content = new Uint8Array([...new TextEncoder().encode(`<meta charset=iso-8859-1>`), 0x93, 0x71, 0x94, 0xff, 0xfe]);
    expect(decodeTextFile(content, "html")).toBe(`<meta charset=iso-8859-1>“q”ÿþ`);
  });

  it("decodes every byte of a large non-UTF-8 file", () => {
    const content = new Uint8Array(100_000).map((_, i) => (i % 2 === 0 ? 0x41 : 0x85));
    const text = decodeTextFile(content, "plain");
    expect(text.length).toBe(100_000);
    expect(text.slice(0, 4)).toBe("A…A…");
  });
});
