import { describe, expect, it } from "vitest";
import { sharedBuffersMb } from "./embedded-postgres";

describe("sharedBuffersMb", () => {
  const GB = 2 ** 30;
  it("gives PostgreSQL a quarter of the machine's memory, between 128 MB and 2 GB", () => {
    expect(sharedBuffersMb(23 * GB)).toBe(2048);
    expect(sharedBuffersMb(4 * GB)).toBe(1024);
    expect(sharedBuffersMb(256 * 2 ** 20)).toBe(128);
  });
});
