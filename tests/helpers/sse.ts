// Reads a text/event-stream body as a client would: events with their id, type and parsed data,
// awaited one by one with a timeout, so tests can assert what arrives and in which order.

export interface ServerEvent {
  id?: string;
  event: string;
  data: any;
}

export class EventReader {
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly decoder = new TextDecoder();
  private buffer = "";
  private readonly queue: ServerEvent[] = [];
  /** A read still in flight after a timeout: the next call takes its chunk, so none is lost. */
  private reading: Promise<ReadableStreamReadResult<Uint8Array>> | null = null;
  ended = false;
  /** The data of the last presence event parsed. */
  presence: { viewers: { userId: string; name: string }[] } | null = null;

  constructor(body: ReadableStream<Uint8Array>) {
    this.reader = body.getReader();
  }

  private parse(): void {
    for (let end = this.buffer.indexOf("\n\n"); end >= 0; end = this.buffer.indexOf("\n\n")) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      let id: string | undefined;
      let event = "message";
      const data: string[] = [];
      for (const line of block.split("\n")) {
        if (line.startsWith(":")) continue;
        const colon = line.indexOf(":");
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
        if (field === "id") id = value;
        else if (field === "event") event = value;
        else if (field === "data") data.push(value);
      }
      if (data.length === 0) continue;
      const parsed: ServerEvent = { id, event, data: JSON.parse(data.join("\n")) };
      if (event === "presence") this.presence = parsed.data;
      this.queue.push(parsed);
    }
  }

  /** The next event (skipping kinds in `ignore`), or an error after `timeoutMs`. */
  async next(timeoutMs = 5000, ignore: string[] = ["presence"]): Promise<ServerEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      while (this.queue.length > 0) {
        const event = this.queue.shift() as ServerEvent;
        if (!ignore.includes(event.event)) return event;
      }
      if (this.ended) throw new Error("the stream ended");
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new Error(`no event within ${timeoutMs} ms`);
      this.reading ??= this.reader.read();
      const result = await Promise.race([
        this.reading,
        new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), remaining)),
      ]);
      if (result === "timeout") continue;
      this.reading = null;
      if (result.done) {
        this.ended = true;
        continue;
      }
      this.buffer += this.decoder.decode(result.value, { stream: true });
      this.parse();
    }
  }

  /** The next `count` events. */
  async take(count: number, timeoutMs = 5000, ignore?: string[]): Promise<ServerEvent[]> {
    const events: ServerEvent[] = [];
    for (let i = 0; i < count; i++) events.push(await this.next(timeoutMs, ignore));
    return events;
  }

  /** Asserts that nothing (but ignored kinds) arrives for `ms`. */
  async expectQuiet(ms: number, ignore?: string[]): Promise<void> {
    try {
      const event = await this.next(ms, ignore);
      throw new Error(`unexpected event ${event.event} ${JSON.stringify(event.data)}`);
    } catch (error) {
      if (!(error as Error).message.startsWith("no event within")) throw error;
    }
  }

  /** Resolves when the server ends the stream (rejects after `timeoutMs`). */
  async waitForEnd(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.ended) {
      if (Date.now() > deadline) throw new Error(`the stream did not end within ${timeoutMs} ms`);
      try {
        await this.next(Math.max(1, deadline - Date.now()), ["presence", "annotation.created", "annotation.updated", "annotation.deleted"]);
      } catch {
        // ended or timed out: the loop decides
      }
    }
  }

  async cancel(): Promise<void> {
    await this.reader.cancel().catch(() => undefined);
  }
}
