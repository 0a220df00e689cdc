// Account and token management: tokens listed with their last use (never their secret), created
// with an optional expiry, revoked at once; sessions listed and ended; a password change ends the
// other sessions; the admin command's reset and revoke.

import { describe, expect, it } from "vitest";
import { resetPassword, revokeAllTokens } from "@/lib/auth/account";
import { call } from "../helpers/api";
import { rows } from "../helpers/db";

async function signedUp(): Promise<{ email: string; password: string; cookie: string; id: string }> {
  const email = `account-${Date.now()}-${Math.random().toString(36).slice(2)}@example.org`;
  const password = "first good password";
  const response = await call("POST", "/api/v1/auth/sign-up", { body: { email, password }, headers: { "user-agent": "Firefox Test" } });
  expect(response.status).toBe(201);
  return { email, password, id: response.body.id, cookie: (response.headers.get("set-cookie") ?? "").split(";")[0] as string };
}

async function signIn(email: string, password: string): Promise<string> {
  const response = await call("POST", "/api/v1/auth/sign-in", { body: { email, password } });
  expect(response.status).toBe(200);
  return (response.headers.get("set-cookie") ?? "").split(";")[0] as string;
}

describe("API tokens", () => {
  it("are created (secret shown once), listed with last use, expire and are revoked at once", async () => {
    const { cookie } = await signedUp();
    const created = await call("POST", "/api/v1/me/tokens", { cookie, body: { label: "notebook", expiresInDays: 30 } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: expect.any(String),
      token: expect.stringMatching(/^smk_/),
      label: "notebook",
      lastUsedAt: null,
    });
    expect(Date.parse(created.body.expiresAt) - Date.now()).toBeGreaterThan(29 * 86_400_000);
    const token = created.body.token as string;
    expect((await call("GET", "/api/v1/me", { token })).status).toBe(200);
    const listed = (await call("GET", "/api/v1/me/tokens", { cookie })).body.tokens;
    expect(listed).toHaveLength(1);
    expect(listed[0]).not.toHaveProperty("token");
    expect(listed[0].lastUsedAt).not.toBeNull();

    // Revoked: refused at once, even though credentials are cached for a few seconds.
    expect((await call("DELETE", `/api/v1/me/tokens/${created.body.id}`, { cookie })).status).toBe(204);
    expect((await call("GET", "/api/v1/me", { token })).status).toBe(401);
    expect((await call("DELETE", `/api/v1/me/tokens/${created.body.id}`, { cookie })).status).toBe(404);

    // Expired: refused.
    const short = await call("POST", "/api/v1/me/tokens", { cookie, body: { label: "short", expiresInDays: 1 } });
    await rows("UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE id = $1", [short.body.id]);
    expect((await call("GET", "/api/v1/me", { token: short.body.token })).status).toBe(401);
    expect((await call("POST", "/api/v1/me/tokens", { cookie, body: { expiresInDays: 0 } })).status).toBe(422);
  });

  it("belong to their owner only", async () => {
    const a = await signedUp();
    const b = await signedUp();
    const created = await call("POST", "/api/v1/me/tokens", { cookie: a.cookie, body: { label: "a's" } });
    expect((await call("DELETE", `/api/v1/me/tokens/${created.body.id}`, { cookie: b.cookie })).status).toBe(404);
    expect((await call("GET", "/api/v1/me/tokens", { cookie: b.cookie })).body.tokens).toEqual([]);
  });
});

describe("sessions and passwords", () => {
  it("lists sessions with their browser, ends one or all the others", async () => {
    const { email, password, cookie } = await signedUp();
    const second = await signIn(email, password);
    const third = await signIn(email, password);
    const listed = (await call("GET", "/api/v1/me/sessions", { cookie })).body.sessions;
    expect(listed).toHaveLength(3);
    expect(listed.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    expect(listed.find((s: { current: boolean }) => s.current).userAgent).toBe("Firefox Test");
    const victim = listed.find((s: { current: boolean }) => !s.current);
    expect((await call("DELETE", `/api/v1/me/sessions/${victim.id}`, { cookie })).status).toBe(204);
    const ended = await call("DELETE", "/api/v1/me/sessions", { cookie });
    expect(ended.body).toEqual({ ended: 1 });
    expect((await call("GET", "/api/v1/me", { cookie: second })).status).toBe(401);
    expect((await call("GET", "/api/v1/me", { cookie: third })).status).toBe(401);
    expect((await call("GET", "/api/v1/me", { cookie })).status).toBe(200);
  });

  it("a password change needs the current password, refuses a weak one, and ends the other sessions", async () => {
    const { email, password, cookie } = await signedUp();
    const other = await signIn(email, password);
    const change = (body: unknown) => call("POST", "/api/v1/me/password", { cookie, body });
    expect((await change({ currentPassword: "not it at all", newPassword: "another good password" })).status).toBe(401);
    expect((await change({ currentPassword: password, newPassword: "short" })).status).toBe(422);
    expect((await change({ currentPassword: password, newPassword: `${email}` })).status).toBe(422);
    const changed = await change({ currentPassword: password, newPassword: "another good password" });
    expect(changed.status).toBe(200);
    expect(changed.body).toEqual({ endedSessions: 1 });
    expect((await call("GET", "/api/v1/me", { cookie: other })).status).toBe(401);
    expect((await call("GET", "/api/v1/me", { cookie })).status).toBe(200);
    expect((await call("POST", "/api/v1/auth/sign-in", { body: { email, password } })).status).toBe(401);
    await signIn(email, "another good password");
  });

  it("the admin command's reset ends every session, and revoke-tokens every token", async () => {
    const { id, cookie, email } = await signedUp();
    const token = (await call("POST", "/api/v1/me/tokens", { cookie, body: { label: "x" } })).body.token;
    expect(await revokeAllTokens(id)).toBe(1);
    expect((await call("GET", "/api/v1/me", { token })).status).toBe(401);
    expect(await resetPassword(id, "reset by the admin 1")).toEqual({ endedSessions: 1 });
    expect((await call("GET", "/api/v1/me", { cookie })).status).toBe(401);
    await signIn(email, "reset by the admin 1");
  });
});
