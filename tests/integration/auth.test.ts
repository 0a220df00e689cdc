// Accounts and credentials: sign-up, sign-in, sessions, sign-out, API tokens, CSRF guard.

import { describe, expect, it } from "vitest";
import { call, newUser, uniqueEmail } from "../helpers/api";
import { count, snapshotCounts } from "../helpers/db";

function sessionCookieOf(setCookie: string | null): string {
  const value = /sourcemark_session=([^;]*)/.exec(setCookie ?? "")?.[1];
  if (!value) throw new Error(`no session cookie in ${setCookie}`);
  return `sourcemark_session=${value}`;
}

describe("sign-up and sign-in", () => {
  it("creates an account with an Argon2id hash and an httpOnly, SameSite session cookie", async () => {
    const email = uniqueEmail("signup");
    const result = await call("POST", "/api/v1/auth/sign-up", {
      body: { email: email.toUpperCase(), password: "a long password", name: "Ada" },
    });
    expect(result.status).toBe(201);
    expect(result.body).toMatchObject({ email, name: "Ada" });
    const setCookie = result.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    const stored = await count("SELECT count(*) FROM users WHERE email = $1 AND password_hash LIKE '$argon2id$%'", [email]);
    expect(stored).toBe(1);
    const me = await call("GET", "/api/v1/me", { cookie: sessionCookieOf(setCookie) });
    expect(me.status).toBe(200);
    expect(me.body.email).toBe(email);
  });

  it("refuses a second account with the same email (any case) with 409", async () => {
    const email = uniqueEmail("dup");
    expect((await call("POST", "/api/v1/auth/sign-up", { body: { email, password: "password one" } })).status).toBe(201);
    const before = await snapshotCounts();
    const again = await call("POST", "/api/v1/auth/sign-up", { body: { email: email.toUpperCase(), password: "password two" } });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("conflict");
    expect(await snapshotCounts()).toEqual(before);
  });

  it("validates email and password length with 422 naming the fields", async () => {
    const result = await call("POST", "/api/v1/auth/sign-up", { body: { email: "not-an-email", password: "short" } });
    expect(result.status).toBe(422);
    expect(result.body.error.code).toBe("validation_failed");
    expect(Object.keys(result.body.error.details.fields).sort()).toEqual(["email", "password"]);
  });

  it("signs in with the right password only, with the same message for unknown emails", async () => {
    const email = uniqueEmail("signin");
    await call("POST", "/api/v1/auth/sign-up", { body: { email, password: "right password" } });
    const wrong = await call("POST", "/api/v1/auth/sign-in", { body: { email, password: "wrong password" } });
    const unknown = await call("POST", "/api/v1/auth/sign-in", { body: { email: uniqueEmail("nobody"), password: "whatever" } });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error.message).toBe(unknown.body.error.message);
    const right = await call("POST", "/api/v1/auth/sign-in", { body: { email, password: "right password" } });
    expect(right.status).toBe(200);
    const cookie = sessionCookieOf(right.headers.get("set-cookie"));
    expect((await call("GET", "/api/v1/projects", { cookie })).status).toBe(200);
  });

  it("signs out: the session no longer authenticates", async () => {
    const email = uniqueEmail("signout");
    const signUp = await call("POST", "/api/v1/auth/sign-up", { body: { email, password: "password 123" } });
    const cookie = sessionCookieOf(signUp.headers.get("set-cookie"));
    const out = await call("POST", "/api/v1/auth/sign-out", { cookie });
    expect(out.status).toBe(204);
    expect(out.headers.get("set-cookie")).toMatch(/Max-Age=0/);
    expect((await call("GET", "/api/v1/me", { cookie })).status).toBe(401);
  });
});

describe("API tokens and credentials", () => {
  it("authenticates a Bearer token and rejects bad or missing credentials with 401", async () => {
    const user = await newUser("token");
    expect((await call("GET", "/api/v1/me", { token: user.token })).body.id).toBe(user.id);
    const cases: Record<string, string>[] = [{ authorization: "Bearer smk_not-a-real-token" }, { authorization: "Basic abc" }, {}];
    for (const headers of cases) {
      const result = await call("GET", "/api/v1/projects", { headers });
      expect(result.status).toBe(401);
      expect(result.body.error.code).toBe("unauthorized");
    }
  });

  it("stores only a digest of each token", async () => {
    const user = await newUser("digest");
    expect(await count("SELECT count(*) FROM api_tokens WHERE token_hash = $1", [user.token])).toBe(0);
    expect(await count("SELECT count(*) FROM api_tokens WHERE user_id = $1 AND length(token_hash) = 64", [user.id])).toBe(1);
  });

  it("refuses cookie-authenticated writes from another origin (CSRF) and writes nothing", async () => {
    const email = uniqueEmail("csrf");
    const signUp = await call("POST", "/api/v1/auth/sign-up", { body: { email, password: "password 123" } });
    const cookie = sessionCookieOf(signUp.headers.get("set-cookie"));
    const before = await snapshotCounts();
    const result = await call("POST", "/api/v1/projects", {
      cookie,
      body: { name: "evil" },
      headers: { origin: "https://evil.example" },
    });
    expect(result.status).toBe(403);
    expect(await snapshotCounts()).toEqual(before);
    const sameOrigin = await call("POST", "/api/v1/projects", {
      cookie,
      body: { name: "fine" },
      headers: { origin: "http://sourcemark.test" },
    });
    expect(sameOrigin.status).toBe(201);
  });
});
