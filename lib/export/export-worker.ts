// Worker thread entry for exports (see worker-stream.ts): runs one export on its own database
// connection and posts the output piece by piece, one per "pull".

import { parentPort, workerData } from "node:worker_threads";
import pg from "pg";
import { exportChunks } from "./export-merge";
import type { Chunk } from "./export-types";
import { nextOutput, OutputBuffer } from "./output-buffer";
import type { ExportWorkerData, FromWorker, ToWorker } from "./worker-protocol";

const port = parentPort;
if (!port) throw new Error("export-worker.ts must run in a worker thread");

const options = workerData as ExportWorkerData;
const client = new pg.Client({ connectionString: process.env.DATABASE_URL, application_name: "sourcemark-export" });
// A connection lost between two reads (PostgreSQL restarted) fails the next read, which reports
// it; without a listener the error would also be thrown as an uncaught exception.
client.on("error", () => undefined);
let chunks: AsyncGenerator<Chunk> | null = null;
const buffer = new OutputBuffer();
let busy = false;

const send = (message: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

async function finish(error?: unknown): Promise<void> {
  if (error) await client.query("ROLLBACK").catch(() => undefined);
  await client.end().catch(() => undefined);
  port?.close();
}

port.on("message", async (message: ToWorker) => {
  if (message.type === "cancel") {
    await finish(new Error("cancelled"));
    return;
  }
  if (busy) return;
  busy = true;
  try {
    if (!chunks) {
      await client.connect();
      chunks = exportChunks(client, options);
    }
    const output = await nextOutput(chunks, buffer);
    if (output) {
      // Transfer needs a buffer of its own (a Buffer may be a slice of a shared pool).
      const whole = output.byteOffset === 0 && output.byteLength === output.buffer.byteLength;
      const bytes = whole ? output : new Uint8Array(output);
      send({ type: "chunk", bytes }, [bytes.buffer as ArrayBuffer]);
    } else {
      send({ type: "end" });
      await finish();
    }
  } catch (error) {
    send({ type: "error", message: (error as Error).message });
    await finish(error);
  } finally {
    busy = false;
  }
});
