// Steps for specs where several people work on one project: a colleague signed up in a request
// context of their own, membership (an invitation accepted, where the server asks for one), and
// speakers and annotations made through the API.

import { expect, request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { codePoints, SEED_ARTICLE } from "./helpers";

/** The password e2e/helpers.ts signUp gives every account. */
export const PASSWORD = "an analyst's password";

export interface Colleague {
  context: APIRequestContext;
  id: string;
  email: string;
  name: string;
}

let counter = 0;

export async function signUpColleague(baseURL: string, name: string): Promise<Colleague> {
  const context = await playwrightRequest.newContext({ baseURL });
  const email = `${name.toLowerCase().replace(/\W+/g, "")}-${Date.now()}-${++counter}-${Math.random().toString(36).slice(2, 8)}@example.org`;
  const response = await context.post("/api/v1/auth/sign-up", { data: { email, password: PASSWORD, name } });
  expect(response.status()).toBe(201);
  const me = await (await context.get("/api/v1/me")).json();
  return { context, id: me.id, email, name };
}

/** Makes `member` a member of the project with `role`: added at once, or invited and accepting. */
export async function addMember(owner: APIRequestContext, projectId: string, member: Colleague, role: string): Promise<void> {
  const response = await owner.post(`/api/v1/projects/${projectId}/members`, { data: { email: member.email, role } });
  if (response.status() === 202) {
    const invitation = await response.json();
    expect((await member.context.post(`/api/v1/invitations/${invitation.id}/accept`)).status()).toBe(200);
  } else {
    expect(response.status()).toBe(201);
  }
}

export async function createSpeaker(context: APIRequestContext, projectId: string, name: string): Promise<{ id: string; name: string }> {
  const response = await context.post(`/api/v1/projects/${projectId}/speakers`, { data: { name } });
  expect(response.status()).toBe(201);
  return response.json();
}

/** An annotation of the seed article's `exact` (its first occurrence), attributed to `speakerId`. */
export async function annotate(
  context: APIRequestContext,
  documentId: string,
  label: "claim" | "quote",
  exact: string,
  speakerId: string | null,
): Promise<{ id: string }> {
  const response = await context.post(`/api/v1/documents/${documentId}/annotations`, {
    data: { label, ...codePoints(SEED_ARTICLE, exact), speakerId },
  });
  expect(response.status()).toBe(201);
  return response.json();
}
