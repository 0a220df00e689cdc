// The messages between the server and an export worker thread (worker-stream.ts ⇄ export-worker.ts).
// Flow control is credit-based: the worker produces one piece of output per "pull".

import type { ExportOptions } from "./export-merge";

/** What the worker is started with (workerData). */
export type ExportWorkerData = ExportOptions;

/** Server → worker. */
export type ToWorker = { type: "pull" } | { type: "cancel" };

/** Worker → server. */
export type FromWorker = { type: "chunk"; bytes: Uint8Array } | { type: "end" } | { type: "error"; message: string };
