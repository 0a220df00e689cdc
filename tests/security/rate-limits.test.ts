// Rate limits and password rules: guessing slows down progressively per account and address (and
// never locks the person out from their own address), sign-ups and made-up tokens are capped per
// address, the counters live in PostgreSQL (shared by every app process), and weak new passwords
// are refused.

import { describe, expect, it } from "vitest";
import { REMOTE_ADDRESS_HEADER } from "@/lib/http/public-origin";
import { call, newUser } from "../helpers/api";
import { count } from "../helpers/db";

const from = (address: string) => ({ [REMOTE_ADDRESS_HEADER]: address });

async function account(): Promise<{ email: string; password: string }> {
  const email = `limits-${Date.now()}-${Math.random().toString(36).slice(2)}@example.org`;
  const password = "the right password 42";
  expect((await call("POST", "/api/v1/auth/sign-up", { body: { email, password }, headers: from("192.0.2.200") })).status).toBe(201);
  return { email, password };
}

describe("sign-in", () => {
  it("slows guessing down progressively per account and address; the owner still signs in from elsewhere", async () => {
    const { email, password } = await account();
    const attacker = from("203.0.113.7");
    const guess = (pw: string, headers = attacker) => call("POST", "/api/v1/auth/sign-in", { body: { email, password: pw }, headers });
    for (let i = 0; i < 5; i++) expect((await guess(`wrong guess ${i}`)).status).toBe(401);
    // The sixth failure blocks this account from this address for 2 s, then 4 s, …
    expect((await guess("wrong guess 5")).status).toBe(401);
    const blocked = await guess(password);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    // The same person at another address is not locked out.
    expect((await guess(password, from("198.51.100.9"))).status).toBe(200);
    // The delay is short: after it, the right password works from the attacker's address too.
    await new Promise((r) => setTimeout(r, 2200));
    expect((await guess(password)).status).toBe(200);
    // Counters are rows in PostgreSQL: every app process sees them.
    expect(await count("SELECT count(*) FROM rate_limits WHERE key LIKE $1", ["signInAddress:203.0.113.7"])).toBe(1);
  });

  it("caps guesses per address across accounts", async () => {
    const address = from("203.0.113.50");
    let refused = 0;
    for (let i = 0; i < 55; i++) {
      const result = await call("POST", "/api/v1/auth/sign-in", {
        body: { email: `nobody-${i}@example.org`, password: "some password 1" },
        headers: address,
      });
      if (result.status === 429) refused++;
    }
    expect(refused).toBeGreaterThanOrEqual(4);
  });
});

describe("sign-up", () => {
  it("allows 10 accounts per address per hour, then 429", async () => {
    const address = from("203.0.113.99");
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const result = await call("POST", "/api/v1/auth/sign-up", {
        body: { email: `many-${Date.now()}-${i}@example.org`, password: "a long password 123" },
        headers: address,
      });
      statuses.push(result.status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 201)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  it("refuses weak new passwords with 422", async () => {
    const email = `weak-${Date.now()}@example.org`;
    for (const password of [
      "password",
      "12345678",
      "          ",
      "password123",
      "abcabcabcabc",
      "aaaaaaaaaaaa",
      email,
      `${email.split("@")[0]}!!`,
    ]) {
      const result = await call("POST", "/api/v1/auth/sign-up", { body: { email, password }, headers: from("192.0.2.201") });
      expect(result.status, JSON.stringify(password)).toBe(422);
      expect(result.body.error.details.fields).toHaveProperty("password");
    }
  });
});

describe("API tokens", () => {
  it("an address presenting too many unknown tokens is blocked, even with a valid one, while others carry on", async () => {
    const owner = await newUser("owner");
    const address = from("203.0.113.66");
    for (let i = 0; i < 30; i++) {
      expect((await call("GET", "/api/v1/projects", { token: `smk_guess_${i}`, headers: address })).status).toBe(401);
    }
    expect((await call("GET", "/api/v1/projects", { token: "smk_guess_31", headers: address })).status).toBe(429);
    expect((await call("GET", "/api/v1/projects", { token: owner.token, headers: address })).status).toBe(429);
    expect((await call("GET", "/api/v1/projects", { token: owner.token, headers: from("198.51.100.66") })).status).toBe(200);
  });
});
