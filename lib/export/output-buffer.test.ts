import { describe, expect, it } from "vitest";
import { FIRST_FLUSH_AT, FLUSH_AT, nextOutput, OutputBuffer } from "./output-buffer";
import type { Chunk } from "./export-types";

async function* lines(count: number, line: string): AsyncGenerator<Chunk> {
  for (let i = 0; i < count; i++) yield `${i} ${line}\n`;
}

describe("nextOutput", () => {
  it("hands on a small first piece, then pieces of about FLUSH_AT bytes, and loses or reorders nothing", async () => {
    // Emoji, combining marks, CJK and RTL text: one to four bytes a code point.
    const line = "Zhao said 🇨🇳 “e\u0301tude” 中国外交部 وزارة الخارجية";
    const count = 20_000;
    const chunks = lines(count, line);
    const buffer = new OutputBuffer();
    const pieces: Uint8Array[] = [];
    for (let piece = await nextOutput(chunks, buffer); piece; piece = await nextOutput(chunks, buffer)) pieces.push(piece);

    const first = pieces[0] as Uint8Array;
    expect(first.byteLength).toBeGreaterThanOrEqual(FIRST_FLUSH_AT);
    expect(first.byteLength).toBeLessThan(FIRST_FLUSH_AT + 1024);
    for (const piece of pieces.slice(1, -1)) {
      expect(piece.byteLength).toBeGreaterThanOrEqual(FLUSH_AT);
      expect(piece.byteLength).toBeLessThan(FLUSH_AT + 1024);
    }
    const text = Buffer.concat(pieces).toString("utf8");
    const expected = Array.from({ length: count }, (_, i) => `${i} ${line}\n`).join("");
    expect(text).toBe(expected);
  });

  it("passes bytes through between strings, in order", async () => {
    async function* mixed(): AsyncGenerator<Chunk> {
      yield "a";
      yield new Uint8Array([0x62]);
      yield "c";
    }
    const buffer = new OutputBuffer();
    const piece = await nextOutput(mixed(), buffer);
    expect(Buffer.from(piece as Uint8Array).toString()).toBe("abc");
    expect(await nextOutput(mixed(), buffer)).not.toBeNull();
  });

  it("returns null once the export is complete", async () => {
    async function* none(): AsyncGenerator<Chunk> {}
    expect(await nextOutput(none(), new OutputBuffer())).toBeNull();
  });
});
