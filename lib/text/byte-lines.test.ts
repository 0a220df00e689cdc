import { describe, expect, it } from "vitest";
import { byteLines, type ByteLine } from "./byte-lines";

function streamOf(...chunks: (string | number[])[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(typeof chunk === "string" ? encoder.encode(chunk) : new Uint8Array(chunk));
      controller.close();
    },
  });
}

async function collect(stream: ReadableStream<Uint8Array>, max = 1024): Promise<(string | "TOO LONG")[]> {
  const out: (string | "TOO LONG")[] = [];
  const decoder = new TextDecoder();
  for await (const line of byteLines(stream, max))
    out.push("tooLong" in line ? "TOO LONG" : decoder.decode((line as Extract<ByteLine, { bytes: Uint8Array }>).bytes));
  return out;
}

describe("byteLines", () => {
  it("splits on newlines across chunk boundaries, keeping a last line without one", async () => {
    expect(await collect(streamOf("a🚢b\nc", "d\n\n", "e"))).toEqual(["a🚢b", "cd", "", "e"]);
    expect(await collect(streamOf("one\r\ntwo\r\n"))).toEqual(["one\r", "two\r"]);
    expect(await collect(streamOf(""))).toEqual([]);
  });

  it("keeps a line's bytes whole even when a multi-byte character is cut between chunks", async () => {
    const bytes = [...new TextEncoder().encode("中国\n")];
    expect(await collect(streamOf(bytes.slice(0, 2), bytes.slice(2)))).toEqual(["中国"]);
  });

  it("numbers lines and reports a line over the limit without keeping it", async () => {
    const lines: ByteLine[] = [];
    for await (const line of byteLines(streamOf("ok\n", "x".repeat(10), "y".repeat(10), "\nafter\n"), 15)) lines.push(line);
    expect(lines.map((l) => ("tooLong" in l ? [l.number, "too long"] : [l.number, l.bytes.byteLength]))).toEqual([
      [1, 2],
      [2, "too long"],
      [3, 5],
    ]);
  });

  it("gets through one 32 MB line in chunks without joining it as it grows", async () => {
    const chunk = "x".repeat(64 * 1024);
    const chunks = Array.from({ length: 512 }, () => chunk);
    const lines = await collect(streamOf(...chunks, "\nend"), 1024 * 1024);
    expect(lines).toEqual(["TOO LONG", "end"]);
  });
});
