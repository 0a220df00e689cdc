// Export output, gathered into pieces of about FLUSH_AT bytes: each small string a writer produces
// is encoded straight into one reused buffer, so no large joined strings are built and flattened
// on the way out.

import type { Chunk } from "./export-types";

/** Hand output on once this many bytes are pending. */
export const FLUSH_AT = 256 * 1024;
/** The first piece is handed on sooner: the client sees the file begin without waiting for 256 KB. */
export const FIRST_FLUSH_AT = 16 * 1024;

/**
 * Gathers output into one reused byte buffer, encoding each small string as it comes, so no large
 * joined strings are built and flattened on the way out.
 */
export class OutputBuffer {
  private readonly encoder = new TextEncoder();
  private readonly buffer = new Uint8Array(FLUSH_AT + 64 * 1024);
  private used = 0;
  private readonly extra: Uint8Array[] = [];
  private extraSize = 0;
  private taken = false;

  get size(): number {
    return this.used + this.extraSize;
  }

  write(chunk: Chunk): void {
    if (typeof chunk !== "string") {
      this.spill();
      this.extra.push(chunk);
      this.extraSize += chunk.byteLength;
      return;
    }
    // A UTF-16 unit encodes to at most 3 bytes.
    if (this.used + chunk.length * 3 > this.buffer.byteLength) this.spill();
    if (chunk.length * 3 > this.buffer.byteLength) {
      const bytes = this.encoder.encode(chunk);
      this.extra.push(bytes);
      this.extraSize += bytes.byteLength;
      return;
    }
    this.used += this.encoder.encodeInto(chunk, this.buffer.subarray(this.used)).written;
  }

  private spill(): void {
    if (this.used === 0) return;
    this.extra.push(this.buffer.slice(0, this.used));
    this.extraSize += this.used;
    this.used = 0;
  }

  /** How many pending bytes make a piece: fewer for the first piece. */
  get flushAt(): number {
    return this.taken ? FLUSH_AT : FIRST_FLUSH_AT;
  }

  /** Everything written so far, as one piece (null if nothing). */
  take(): Uint8Array | null {
    this.spill();
    this.taken = true;
    const parts = this.extra.splice(0);
    this.extraSize = 0;
    if (parts.length === 0) return null;
    return parts.length === 1 ? (parts[0] as Uint8Array) : new Uint8Array(Buffer.concat(parts));
  }
}

/**
 * The next piece of output (about FLUSH_AT bytes, the first FIRST_FLUSH_AT); null when the export is
 * complete. One `output` buffer for the whole export: it knows whether its first piece has gone.
 */
export async function nextOutput(chunks: AsyncGenerator<Chunk>, output: OutputBuffer): Promise<Uint8Array | null> {
  for (;;) {
    const { done, value } = await chunks.next();
    if (done) break;
    output.write(value);
    if (output.size >= output.flushAt) break;
  }
  return output.take();
}
