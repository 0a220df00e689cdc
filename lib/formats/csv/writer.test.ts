import { describe, expect, it } from "vitest";
import type { ExportAnnotation } from "../../export/export-types";
import { CSV_HEADER, csvCell, csvFormat, csvRow, parseCsv, toCsvCells } from "./writer";

describe("CSV_HEADER", () => {
  it("has the documented columns in the documented order", () => {
    expect(CSV_HEADER.join(",")).toBe(
      "annotation_id,document_id,document_title,label,quote_kind,start,end,text,speaker,note,status,author,created_at,comments,cue_start,cue_end",
    );
  });

  it("is the first row the writer emits, CRLF-terminated", () => {
    const writer = csvFormat.createWriter();
    const begin = writer.begin({ project: { id: "p", name: "P" }, exportedAt: "", filter: {} }, []);
    expect(begin).toBe(
      "annotation_id,document_id,document_title,label,quote_kind,start,end,text,speaker,note,status,author,created_at,comments,cue_start,cue_end\r\n",
    );
  });
});

describe("csvCell", () => {
  it.each<[string | number | null, string]>([
    [null, ""],
    ["", ""],
    ["plain", "plain"],
    ["with space", "with space"],
    ["😀 👍🏽 日本語 مرحبا שלום", "😀 👍🏽 日本語 مرحبا שלום"],
    // formula guard
    ["=SUM(A1:A2)", "'=SUM(A1:A2)"],
    ["+1", "'+1"],
    ["-1", "'-1"],
    ["@cmd", "'@cmd"],
    ["\tindent", "'\tindent"],
    ["\rx", '"\'\rx"'], // guarded, and quoted because of the CR
    ['=HYPERLINK("http://x","y")', '"\'=HYPERLINK(""http://x"",""y"")"'],
    ["-", "'-"],
    ["=", "'="],
    // only the first character matters
    ["a=b", "a=b"],
    ["1+1", "1+1"],
    [" =x", " =x"],
    ["'=already", "'=already"],
    // RFC 4180 quoting
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['"', '""""'],
    ["a\nb", '"a\nb"'],
    ["a\rb", '"a\rb"'],
    ["a\r\nb", '"a\r\nb"'],
    ["«مرحبا», 😀", '"«مرحبا», 😀"'],
    // numbers are never guarded
    [-5, "-5"],
    [0, "0"],
    [42, "42"],
    [3.5, "3.5"],
    [-0.25, "-0.25"],
  ])("csvCell(%j) is %j", (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });
});

describe("csvRow", () => {
  it.each<[(string | number | null)[], string]>([
    [["a", "b", "c"], "a,b,c\r\n"],
    [["a", 1, null, "b,c"], 'a,1,,"b,c"\r\n'],
    [[null, null], ",\r\n"],
    [[""], "\r\n"],
    [["=1", -1], "'=1,-1\r\n"],
    [["multi\nline", 'q"q'], '"multi\nline","q""q"\r\n'],
  ])("csvRow(%j) is %j", (cells, expected) => {
    expect(csvRow(cells)).toBe(expected);
  });
});

describe("parseCsv", () => {
  it.each<[string, string[][]]>([
    ["", []],
    [
      "a,b\r\nc,d\r\n",
      [
        ["a", "b"],
        ["c", "d"],
      ],
    ],
    [
      "a,b\nc,d\n",
      [
        ["a", "b"],
        ["c", "d"],
      ],
    ],
    [
      "a,b\r\nc,d",
      [
        ["a", "b"],
        ["c", "d"],
      ],
    ],
    ['"a,b","c""d"\r\n', [["a,b", 'c"d']]],
    ['"line\r\nbreak",x\r\n', [["line\r\nbreak", "x"]]],
    [",\r\n", [["", ""]]],
    ["a,\r\n", [["a", ""]]],
    ["a,", [["a", ""]]],
    ['""\r\n', [[""]]],
  ])("parseCsv(%j)", (text, rows) => {
    expect(parseCsv(text)).toEqual(rows);
  });

  it("parses the header row back into CSV_HEADER", () => {
    expect(parseCsv(csvRow([...CSV_HEADER]))).toEqual([[...CSV_HEADER]]);
  });

  it("round-trips tricky rows written with csvRow (modulo the ' formula guard)", () => {
    const rows: (string | number | null)[][] = [
      ["plain", 1, 2, null],
      ['She said "no, never"', "a,b,c", '""', '"'],
      ["line 1\nline 2", "cr\rin the middle", "crlf\r\ninside", "\n"],
      ["😀", "👍🏽 👨\u200d👩\u200d👧 🇯🇵", "cafe\u0301", "中国外交部"],
      ["«مرحبا»", "שלום, עולם", "مرحبا\nשלום", ""],
      ["=1+2", "+cmd", "-5", "@SUM(A1)"],
      ["\tab", "\rcr", -3, 0],
      [null, null, null, null],
      ["trailing space ", " leading space", "'quoted'", ","],
    ];
    const text = rows.map((row) => csvRow(row)).join("");
    const parsed = parseCsv(text);
    const expected = rows.map((row) =>
      row.map((cell) => {
        if (cell === null) return "";
        if (typeof cell === "number") return String(cell);
        return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
      }),
    );
    expect(parsed).toEqual(expected);
    // Spot checks independent of the expectation mapping above.
    expect(parsed[5]).toEqual(["'=1+2", "'+cmd", "'-5", "'@SUM(A1)"]);
    expect(parsed[6]).toEqual(["'\tab", "'\rcr", "-3", "0"]);
    expect(parsed[2]?.[2]).toBe("crlf\r\ninside");
  });
});

describe("toCsvCells", () => {
  it("puts each field in its header column", () => {
    const annotation: ExportAnnotation = {
      id: "ann-1",
      documentId: "doc-1",
      documentTitle: "Title, with comma",
      label: "quote",
      quoteKind: "direct",
      start: 2,
      end: 4,
      exact: "ab",
      prefix: "🚢 ",
      suffix: "",
      speakerId: "spk-1",
      speaker: { id: "spk-1", name: "Speaker Name" },
      note: "=note",
      status: "accepted",
      reviewedBy: null,
      reviewedAt: null,
      reviewReason: null,
      author: { id: "usr-1", name: "Author Name" },
      version: 3,
      createdAt: "2024-01-02T03:04:05.000Z",
      updatedAt: "2024-01-03T03:04:05.000Z",
      cueStart: 5,
      cueEnd: 9,
    };
    const cells = toCsvCells(annotation);
    const byColumn = Object.fromEntries(CSV_HEADER.map((column, i) => [column, cells[i]]));
    expect(cells).toHaveLength(CSV_HEADER.length);
    expect(byColumn).toEqual({
      annotation_id: "ann-1",
      document_id: "doc-1",
      document_title: "Title, with comma",
      label: "quote",
      quote_kind: "direct",
      start: 2,
      end: 4,
      text: "ab",
      speaker: "Speaker Name",
      note: "=note",
      status: "accepted",
      author: "Author Name",
      created_at: "2024-01-02T03:04:05.000Z",
      comments: 0,
      cue_start: 5,
      cue_end: 9,
    });
    const line = csvFormat.createWriter().annotation(annotation, { id: "doc-1", title: "", sourceUrl: null, publishedAt: null, length: 4 });
    expect(line).toBe(
      'ann-1,doc-1,"Title, with comma",quote,direct,2,4,ab,Speaker Name,\'=note,accepted,Author Name,2024-01-02T03:04:05.000Z,0,5,9\r\n',
    );
    expect(
      toCsvCells({
        ...annotation,
        speaker: null,
        speakerId: null,
        quoteKind: null,
        note: null,
        commentCount: 3,
        cueStart: null,
        cueEnd: null,
      }),
    ).toEqual([
      "ann-1",
      "doc-1",
      "Title, with comma",
      "quote",
      null,
      2,
      4,
      "ab",
      null,
      null,
      "accepted",
      "Author Name",
      "2024-01-02T03:04:05.000Z",
      3,
      null,
      null,
    ]);
  });
});

describe("cells=raw", () => {
  it("writes every cell as it is: -40 degrees, @mayor, =1+2 and a literal '-5 degrees stay distinct and exact", () => {
    const values = ["-40 degrees", "@mayor", "=1+2", "'-5 degrees", "\ttab"];
    expect(parseCsv(csvRow(values, "raw"))[0]).toEqual(values);
    expect(parseCsv(csvRow(values, "safe"))[0]).toEqual(["'-40 degrees", "'@mayor", "'=1+2", "'-5 degrees", "'\ttab"]);
  });
});
