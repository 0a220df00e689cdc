// The export run in a worker thread with its own small heap. A million-row export allocates
// gigabytes of short-lived objects; in the server's own heap — which holds Next.js and React, and
// from whose live size V8 sizes its next collection — that garbage piles up by hundreds of MB
// before it is collected (measured: +300 MB for 1M rows as jsonl). In a worker it stays small, and
// the export's CPU stays off the thread that answers requests. The worker is a bundle of
// export-worker.ts built by `npm run build` (scripts/build-server.mjs), started at the first read
// (a HEAD or a client gone before reading starts none), and stopped when the client cancels or
// stops reading for IDLE_MS.

import { Worker } from "node:worker_threads";
import type { ExportOptions } from "./export-merge";
import type { ExportWorkerData, FromWorker, ToWorker } from "./worker-protocol";

/** A client that reads nothing for this long is dropped, and its database connection freed. */
export const IDLE_MS = 60_000;

export function workerExportStream(options: ExportOptions, workerFile: string, onEnd: () => void): ReadableStream<Uint8Array> {
  let worker: Worker | undefined;
  let waiting: { controller: ReadableStreamDefaultController<Uint8Array>; resolve: () => void } | null = null;
  let failed: Error | null = null;
  let idle: NodeJS.Timeout | undefined;
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    clearTimeout(idle);
    onEnd();
  };
  const stop = async () => {
    end();
    const running = worker;
    worker = undefined;
    running?.postMessage({ type: "cancel" } satisfies ToWorker);
    await running?.terminate();
  };
  const settle = (act: (controller: ReadableStreamDefaultController<Uint8Array>) => void) => {
    const current = waiting;
    waiting = null;
    if (!current) return;
    act(current.controller);
    current.resolve();
  };
  const start = (): Worker => {
    const created = new Worker(workerFile, {
      workerData: options satisfies ExportWorkerData,
      // Not the server's own flags: under `npm start` they load tsx's loader (--import tsx), which
      // the plain bundle does not need and which cost the worker's start-up, and the export's first
      // byte, a few hundred ms.
      execArgv: [],
      // A small heap of its own: the export's garbage is collected early instead of piling up.
      resourceLimits: { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 8 },
    });
    created.on("message", (message: FromWorker) => {
      settle((controller) => {
        if (message.type === "chunk") controller.enqueue(message.bytes);
        else if (message.type === "end") {
          controller.close();
          end();
        } else {
          failed = new Error(message.message);
          controller.error(failed);
          end();
        }
      });
    });
    created.on("error", (error) => {
      console.error("[sourcemark] export worker failed:", error);
      failed = error;
      settle((controller) => controller.error(error));
      end();
    });
    created.on("exit", (code) => {
      if (code !== 0) settle((controller) => controller.error(new Error(`export worker stopped (${code})`)));
      end();
    });
    return created;
  };
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (failed) return Promise.reject(failed);
        clearTimeout(idle);
        worker ??= start();
        const current = worker;
        return new Promise<void>((resolve) => {
          waiting = {
            controller,
            resolve: () => {
              resolve();
              // The next pull comes when the client has taken this piece; if it never does, give up.
              if (!ended) idle = setTimeout(() => void stop(), IDLE_MS).unref();
            },
          };
          current.postMessage({ type: "pull" } satisfies ToWorker);
        });
      },
      cancel: stop,
    },
    { highWaterMark: 0 },
  );
}
