import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { sendWebResponse } from "./node-adapter";

let server: http.Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

/** A server answering every request with `respond()`, through sendWebResponse. */
async function serve(respond: () => Response): Promise<string> {
  server = http.createServer((_req, res) => void sendWebResponse(res, respond()));
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("sendWebResponse", () => {
  it("sends a one-piece body (a JSON answer) whole, with its Content-Length", async () => {
    const url = await serve(() => Response.json({ said: "Zhao Lijian 赵立坚 🇨🇳" }, { status: 201 }));
    const response = await fetch(url);
    expect(response.status).toBe(201);
    const body = Buffer.from(await response.arrayBuffer());
    expect(response.headers.get("content-length")).toBe(String(body.byteLength));
    expect(response.headers.get("transfer-encoding")).toBeNull();
    expect(JSON.parse(body.toString("utf8"))).toEqual({ said: "Zhao Lijian 赵立坚 🇨🇳" });
  });

  it("writes a streamed body's first piece before the second is ready, and the rest in order", async () => {
    let release: () => void = () => undefined;
    const secondReady = new Promise<void>((resolve) => (release = resolve));
    const url = await serve(() => {
      const encoder = new TextEncoder();
      let step = 0;
      const body = new ReadableStream<Uint8Array>(
        {
          async pull(controller) {
            step++;
            if (step === 1) controller.enqueue(encoder.encode("first\n"));
            else if (step === 2) {
              await secondReady;
              controller.enqueue(encoder.encode("second\n"));
            } else controller.close();
          },
        },
        { highWaterMark: 0 },
      );
      return new Response(body, { headers: { "content-type": "application/x-ndjson" } });
    });
    // The second piece is held back until the client has the first: the answer would never begin
    // if the server waited for the second piece before writing.
    const opened = (async () => {
      const response = await fetch(url);
      const reader = (response.body as ReadableStream<Uint8Array>).getReader();
      return { response, reader, first: await reader.read() };
    })();
    const { response, reader, first } = await Promise.race([
      opened,
      new Promise<never>((_resolve, reject) => setTimeout(() => reject(new Error("the first piece waited for the second")), 2000)),
    ]);
    const decoder = new TextDecoder();
    expect(decoder.decode(first.value)).toBe("first\n");
    release();
    let rest = "";
    for (let next = await reader.read(); !next.done; next = await reader.read()) rest += decoder.decode(next.value);
    expect(rest).toBe("second\n");
    expect(response.headers.get("transfer-encoding")).toBe("chunked");
  });
});
