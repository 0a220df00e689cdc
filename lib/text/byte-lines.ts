// Splits a byte stream into lines in linear time: every byte is looked at once (a long line is
// gathered as its chunks, never rescanned or re-joined as it grows), a line longer than
// `maxLineBytes` is reported and skipped without being kept, and each line stays bytes until its
// reader decodes it — so a line that is not UTF-8 is that line's problem, not the whole stream's.

export type ByteLine = { number: number; bytes: Uint8Array } | { number: number; tooLong: true };

const NEWLINE = 0x0a;

export async function* byteLines(stream: ReadableStream<Uint8Array>, maxLineBytes: number): AsyncGenerator<ByteLine> {
  const reader = stream.getReader();
  let parts: Uint8Array[] = [];
  let size = 0;
  let tooLong = false;
  let number = 0;
  const finish = (): ByteLine => {
    number++;
    const line: ByteLine = tooLong
      ? { number, tooLong: true }
      : { number, bytes: parts.length === 1 ? (parts[0] as Uint8Array) : concat(parts, size) };
    parts = [];
    size = 0;
    tooLong = false;
    return line;
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      let from = 0;
      for (let at = value.indexOf(NEWLINE); at >= 0; at = value.indexOf(NEWLINE, from)) {
        take(value.subarray(from, at));
        yield finish();
        from = at + 1;
      }
      take(value.subarray(from));
    }
    if (size > 0 || tooLong) yield finish();
  } finally {
    reader.releaseLock();
  }

  function take(piece: Uint8Array): void {
    if (piece.byteLength === 0 || tooLong) return;
    if (size + piece.byteLength > maxLineBytes) {
      tooLong = true;
      parts = [];
      size = 0;
      return;
    }
    // Copied: the stream may reuse its chunk's memory.
    parts.push(piece.slice());
    size += piece.byteLength;
  }
}

function concat(parts: Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}
