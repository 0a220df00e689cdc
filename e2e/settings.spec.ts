// Hardening, as a person uses it: API tokens (the secret shown once and working, then revoked),
// sessions (one ended, all others ended), changing the password with the API's messages, and
// deleting a document and a project — each after its confirmation, with its export offered first —
// while the Documents tab follows a colleague's changes live.

import fs from "node:fs";
import { expect, request as playwrightRequest, test, type Page } from "@playwright/test";
import { SEED_ARTICLE, signUp } from "./helpers";
import { PASSWORD, addMember, annotate, signUpColleague } from "./team-helpers";

async function openSettings(page: Page) {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
}

test("an API token: its secret shown once works with the API until it is revoked", async ({ page, baseURL, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signUp(page, "Tom Tokens");
  await openSettings(page);
  await expect(page.getByText("You have no API tokens.")).toBeVisible();

  const form = page.getByRole("form", { name: "New token" });
  await form.getByLabel("Label").fill("notebook");
  await form.getByLabel("Expires").selectOption({ label: "In 30 days" });
  await form.getByRole("button", { name: "Create token" }).click();

  const secret = page.getByRole("region", { name: "Your new token “notebook”" });
  await expect(secret).toBeVisible();
  await expect(secret).toContainText("Copy it now: you won’t see it again.");
  const token = await secret.getByLabel("Token").inputValue();
  expect(token).toMatch(/^smk_/);
  await secret.getByRole("button", { name: "Copy token" }).click();
  await expect(secret.getByRole("status")).toHaveText("Copied to the clipboard.");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);

  const script = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
  const me = await script.get("/api/v1/me");
  expect(me.status()).toBe(200);

  // Listed with its dates; the secret is never shown again.
  await secret.getByRole("button", { name: "Done" }).click();
  await expect(secret).toBeHidden();
  await page.reload();
  await expect(page.getByLabel("Token", { exact: true })).toHaveCount(0);
  const row = page.getByRole("table", { name: "API tokens" }).getByRole("row", { name: /notebook/ });
  await expect(row).toBeVisible();
  // Created and expires, at least (last used is recorded as the server gets to it).
  expect(await row.getByRole("cell", { name: /UTC$/ }).count()).toBeGreaterThanOrEqual(2);

  await row.getByRole("button", { name: "Revoke “notebook”" }).click();
  const confirm = page.getByRole("group", { name: "Confirm revoking “notebook”" });
  await expect(confirm).toContainText("Whatever uses it stops working at once.");
  await confirm.getByRole("button", { name: "Yes, revoke" }).click();
  await expect(page.getByRole("main").getByRole("status").first()).toHaveText("Revoked “notebook”: it no longer works.");
  await expect(page.getByText("You have no API tokens.")).toBeVisible();
  expect((await script.get("/api/v1/me")).status()).toBe(401);
  await script.dispose();
});

test("sessions: this browser marked, one ended, all others ended; changing the password", async ({ page, baseURL }) => {
  const { email } = await signUp(page, "Sam Sessions");
  const elsewhere = async () => {
    const other = await playwrightRequest.newContext({ baseURL });
    expect((await other.post("/api/v1/auth/sign-in", { data: { email, password: PASSWORD } })).status()).toBe(200);
    return other;
  };
  const [laptop, phone] = [await elsewhere(), await elsewhere()];
  await openSettings(page);

  const sessions = page.getByRole("table", { name: "Sessions" });
  await expect(sessions.getByRole("row")).toHaveCount(4); // the header and three sessions
  await expect(sessions.getByRole("row", { name: /\(this browser\)/ })).toHaveCount(1);
  await expect(sessions.getByRole("row", { name: /\(this browser\)/ }).getByRole("button")).toHaveCount(0);

  await sessions
    .getByRole("button", { name: /^Sign out/ })
    .first()
    .click();
  await expect(
    page
      .getByRole("main")
      .getByRole("status")
      .filter({ hasText: /^Signed out / }),
  ).toBeVisible();
  await expect(sessions.getByRole("row")).toHaveCount(3);
  const stillIn = async () => [(await laptop.get("/api/v1/me")).status(), (await phone.get("/api/v1/me")).status()].sort();
  expect(await stillIn()).toEqual([200, 401]);

  await page.getByRole("button", { name: "Sign out all other sessions" }).click();
  await expect(page.getByRole("main").getByRole("status").filter({ hasText: "Signed out 1 other session." })).toBeVisible();
  await expect(sessions.getByRole("row")).toHaveCount(2);
  await expect(page.getByText("This is your only session.")).toBeVisible();
  expect(await stillIn()).toEqual([401, 401]);

  // The API's messages are shown as it words them.
  const form = page.getByRole("form", { name: "Change password" });
  await form.getByLabel("Current password").fill("not my password");
  await form.getByLabel("New password").fill("a brand new passphrase");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByRole("alert")).toHaveText("The current password is wrong.");
  await form.getByLabel("Current password").fill(PASSWORD);
  await form.getByLabel("New password").fill("short");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByRole("alert")).toContainText("New password:");

  const phoneAgain = await elsewhere();
  await form.getByLabel("New password").fill("a brand new passphrase");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByRole("status")).toHaveText("Password changed. 1 other session was signed out.");
  expect((await phoneAgain.get("/api/v1/me")).status()).toBe(401);
  const signIn = (password: string) => phoneAgain.post("/api/v1/auth/sign-in", { data: { email, password } });
  expect((await signIn(PASSWORD)).status()).toBe(401);
  expect((await signIn("a brand new passphrase")).status()).toBe(200);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  for (const context of [laptop, phone, phoneAgain]) await context.dispose();
});

test("deleting a document and a project, each confirmed with its export offered; the Documents tab follows a colleague live", async ({
  page,
  baseURL,
}) => {
  await signUp(page, "Owen Owner");
  const name = `Doomed project ${Date.now()}`;
  const project = await (await page.request.post("/api/v1/projects", { data: { name } })).json();
  const addDocument = async (context = page.request, title: string) => {
    const response = await context.post(`/api/v1/projects/${project.id}/documents`, { data: { title, text: SEED_ARTICLE } });
    expect(response.status()).toBe(201);
    return (await response.json()) as { id: string };
  };
  const first = await addDocument(page.request, "First article");
  const second = await addDocument(page.request, "Second article");
  const colleague = await signUpColleague(baseURL!, "Cora Colleague");
  await addMember(page.request, project.id, colleague, "annotator");

  const streamOpen = page.waitForResponse((r) => r.url().includes(`/api/v1/projects/${project.id}/events`) && r.status() === 200);
  await page.goto(`/projects/${project.id}`);
  await streamOpen;
  const table = page.getByRole("table", { name: "Documents" });
  await expect(table.getByRole("row")).toHaveCount(3);

  // A colleague's import and annotation show without a reload.
  const third = await addDocument(colleague.context, "Third article");
  await expect(table.getByRole("row", { name: /Third article/ })).toBeVisible();
  await expect(page.getByRole("main").getByRole("status").filter({ hasText: "Cora Colleague imported “Third article”." })).toBeVisible();
  await annotate(colleague.context, first.id, "claim", "Japan becomes the ninth non-NATO state", null);
  await expect(
    table
      .getByRole("row", { name: /First article/ })
      .getByRole("cell")
      .nth(1),
  ).toHaveText("1");

  // Deleting a document: the dialog says it is permanent and offers the document's export first.
  await table.getByRole("button", { name: "Delete “Second article”" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete “Second article”?" });
  await expect(dialog).toContainText("Deleting is permanent.");
  await expect(dialog).toContainText("can be imported into a new project");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    dialog.getByRole("link", { name: "Download this document’s export (JSON)" }).click(),
  ]);
  const exported = JSON.parse(fs.readFileSync((await download.path())!, "utf8"));
  expect(JSON.stringify(exported)).toContain("Second article");
  expect(JSON.stringify(exported)).not.toContain("First article");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(table.getByRole("button", { name: "Delete “Second article”" })).toBeFocused();
  await page.keyboard.press("Enter");
  await dialog.getByRole("button", { name: "Delete permanently" }).click();
  await expect(dialog).toBeHidden();
  await expect(table.getByRole("row", { name: /Second article/ })).toHaveCount(0);
  await expect(page.getByRole("main").getByRole("status").filter({ hasText: "Deleted “Second article”." })).toBeVisible();
  expect((await page.request.get(`/api/v1/documents/${second.id}`)).status()).toBe(404);

  // A deletion made elsewhere disappears from the table too.
  expect((await page.request.delete(`/api/v1/documents/${third.id}`)).status()).toBe(204);
  await expect(table.getByRole("row", { name: /Third article/ })).toHaveCount(0);

  // Only owners have the project's Settings tab; there the project is deleted after typing its name.
  const tabs = page.getByRole("navigation", { name: "Project sections" });
  await tabs.getByRole("link", { name: "Settings" }).click();
  const danger = page.getByRole("region", { name: "Delete this project" });
  await expect(danger).toContainText("Deleting is permanent.");
  await expect(danger).toContainText("can be imported into a new project");
  const [projectDownload] = await Promise.all([
    page.waitForEvent("download"),
    danger.getByRole("link", { name: "Download the project’s export (JSON)" }).click(),
  ]);
  expect(fs.readFileSync((await projectDownload.path())!, "utf8")).toContain("First article");
  const button = danger.getByRole("button", { name: "Delete this project permanently" });
  await expect(button).toBeDisabled();
  await danger.getByLabel("Type the project’s name to confirm").fill("Doomed");
  await expect(button).toBeDisabled();
  await danger.getByLabel("Type the project’s name to confirm").fill(name);
  await button.click();
  await expect(page.getByRole("heading", { name: "Your projects" })).toBeVisible();
  await expect(page.getByRole("link", { name })).toHaveCount(0);
  expect((await page.request.get(`/api/v1/projects/${project.id}`)).status()).toBe(404);
  expect((await colleague.context.get(`/api/v1/projects/${project.id}`)).status()).toBe(404);
  await colleague.context.dispose();
});

test("a project's Settings tab is for owners only", async ({ page, baseURL }) => {
  const owner = await signUpColleague(baseURL!, "Olga Owner");
  const project = await (await owner.context.post("/api/v1/projects", { data: { name: `Kept ${Date.now()}` } })).json();
  await owner.context.post(`/api/v1/projects/${project.id}/documents`, { data: { title: "Kept article", text: SEED_ARTICLE } });
  await signUp(page, "Rex Reviewer");
  const me = await (await page.request.get("/api/v1/me")).json();
  await addMember(owner.context, project.id, { context: page.request, id: me.id, email: me.email, name: me.name }, "reviewer");
  await page.goto(`/projects/${project.id}`);
  await expect(page.getByRole("link", { name: "Kept article" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Project sections" }).getByRole("link", { name: "Settings" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Delete/ })).toHaveCount(0);
  await page.goto(`/projects/${project.id}/settings`);
  await expect(page.getByText("Only the project’s owners can change its settings or delete it.")).toBeVisible();
  await owner.context.dispose();
});
