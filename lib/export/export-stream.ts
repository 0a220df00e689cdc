// The export as a byte stream: in a worker thread when SOURCEMARK_EXPORT_WORKER names the worker
// bundle (the production server sets it), else on this thread (tests, `next dev`). Exports hold a
// database connection for as long as they run, so they are capped — per user and per process —
// and never take connections from the pool the API answers with (a worker has its own; inline
// exports are the test path).

import { tooManyRequests } from "../errors/domain-error";
import type { ExportOptions } from "./export-merge";
import { inlineExportStream } from "./inline-stream";
import { workerExportStream } from "./worker-stream";

export type { ExportOptions } from "./export-merge";

/** Exports running at once, per user and in all, in this process. */
export const MAX_EXPORTS_PER_USER = 3;
export const MAX_EXPORTS = 12;

const running = new Map<string, number>();
let total = 0;

/** Takes a place for `userId`'s export, or refuses with 429 and Retry-After. */
function admit(userId: string): () => void {
  const mine = running.get(userId) ?? 0;
  if (mine >= MAX_EXPORTS_PER_USER)
    throw tooManyRequests(`At most ${MAX_EXPORTS_PER_USER} exports at once per user; wait for one to finish.`, 10);
  if (total >= MAX_EXPORTS) throw tooManyRequests("The server is running as many exports as it can; try again shortly.", 10);
  running.set(userId, mine + 1);
  total++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    total--;
    const left = (running.get(userId) ?? 1) - 1;
    if (left > 0) running.set(userId, left);
    else running.delete(userId);
  };
}

export function exportStream(options: ExportOptions, userId: string): ReadableStream<Uint8Array> {
  const release = admit(userId);
  const workerFile = process.env.SOURCEMARK_EXPORT_WORKER;
  if (workerFile) return workerExportStream(options, workerFile, release);
  return releasing(inlineExportStream(options), release);
}

/** The same stream, calling `release` once it ends, fails or is cancelled. */
function releasing(stream: ReadableStream<Uint8Array>, release: () => void): ReadableStream<Uint8Array> {
  const reader = stream.getReader();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const { done, value } = await reader.read();
          if (done) {
            release();
            controller.close();
          } else controller.enqueue(value);
        } catch (error) {
          release();
          controller.error(error);
        }
      },
      async cancel(reason) {
        release();
        await reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
}
