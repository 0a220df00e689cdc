// The export run on this thread, on a pooled connection (tests, `next dev`): a pull-based stream,
// so a slow client slows the reads and memory stays flat.

import type pg from "pg";
import { pool } from "../db/client";
import { exportChunks, type ExportOptions } from "./export-merge";
import type { Chunk } from "./export-types";
import { nextOutput, OutputBuffer } from "./output-buffer";

export function inlineExportStream(options: ExportOptions): ReadableStream<Uint8Array> {
  let client: pg.PoolClient | undefined;
  let chunks: AsyncGenerator<Chunk> | undefined;
  let finished = false;
  const buffer = new OutputBuffer();
  const release = async (error?: unknown) => {
    if (finished) return;
    finished = true;
    if (client) {
      if (error) await client.query("ROLLBACK").catch(() => undefined);
      client.release(error instanceof Error ? error : undefined);
    }
  };
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          if (!client) {
            client = await pool().connect();
            chunks = exportChunks(client, options);
          }
          const output = await nextOutput(chunks as AsyncGenerator<Chunk>, buffer);
          if (output) controller.enqueue(output);
          else {
            controller.close();
            await release();
          }
        } catch (error) {
          console.error("[sourcemark] export failed:", error);
          await release(error);
          controller.error(error);
        }
      },
      async cancel() {
        await chunks?.return(undefined).catch(() => undefined);
        await release(new Error("export cancelled by the client"));
      },
    },
    { highWaterMark: 0 },
  );
}
