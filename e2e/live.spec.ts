// Live collaboration, with two people in two browsers on one document: a colleague's highlight,
// speaker, deletion and comment show without a reload, presence says who is there, and a
// connection that is cut catches up when it comes back.

import { expect, test, type Page } from "@playwright/test";
import { openNewDocument, SEED_ARTICLE, signUp, tag } from "./helpers";
import { addMember } from "./team-helpers";

const QUOTE =
  "“Due to its history of modern militarist aggression, what Japan should do is to earnestly learn lessons from history, stick to the path of peaceful development, and refrain from doing anything that undermines mutual trust between countries in East Asia, a highland of peace and stability and of cooperation and development, not a battleground for geopolitical contention,”";
const CLAIM = "Zhao stressed that the world, especially countries in the Asia-Pacific region, should stay on high alert.";
const OTHER = "Japan joined NATO Cyber Defense Center";

const sidebar = (page: Page) => page.getByRole("region", { name: "Annotations" });
const rows = (page: Page) => sidebar(page).getByRole("listbox", { name: "Annotations in text order" }).getByRole("option");
const highlights = (page: Page) => page.locator(".article-text [data-annotation-id]");
const presence = (page: Page) => page.getByRole("region", { name: "Who has this document open" });
const status = (page: Page, text: string) => page.getByRole("status").filter({ hasText: text });

test("two analysts on one document see each other's highlights, speakers, deletions and comments live", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  expect(SEED_ARTICLE).toContain(QUOTE);
  // Alice owns the project; Bob, an annotator, opens the same document in a browser of his own.
  await signUp(page, "Alice");
  const { projectId, documentId } = await openNewDocument(page);
  const bobContext = await browser.newContext({ baseURL });
  const bob = await bobContext.newPage();
  await signUp(bob, "Bob");
  const bobMe = await (await bob.request.get("/api/v1/me")).json();
  const bobMember = { context: bob.request, id: bobMe.id, email: bobMe.email, name: bobMe.name };
  await addMember(page.request, projectId, bobMember, "annotator");
  await bob.goto(`/documents/${documentId}`);
  await expect(bob.getByRole("textbox", { name: "Article text" })).toBeVisible();

  // Presence: each sees the other (and themselves as "You").
  await expect(presence(page)).toContainText("Bob");
  await expect(presence(bob)).toContainText("Alice");
  await expect(presence(bob)).toContainText("You");

  // Alice quotes a new speaker: Bob sees the highlight, the row (marked as Alice's) and the speaker.
  await (await tag(page, QUOTE, "q", "Zhao Lijian")).press("Enter");
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).filter({ hasText: "saving" })).toHaveCount(0);
  await expect(highlights(bob)).toHaveCount(1);
  await expect(rows(bob)).toHaveCount(1);
  await expect(rows(bob).first()).toContainText("Zhao Lijian");
  await expect(rows(bob).first()).toContainText("by Alice");
  const combobox = await tag(bob, OTHER, "c", "Zhao");
  await expect(bob.getByRole("dialog", { name: "New claim" }).getByRole("option", { name: "Zhao Lijian", exact: true })).toBeVisible();
  await combobox.press("Escape");
  await expect(bob.getByRole("dialog", { name: "New claim" })).toHaveCount(0);
  // Alice's own write came back on her stream too, and shows once.
  await expect(rows(page)).toHaveCount(1);
  await expect(highlights(page)).toHaveCount(1);

  // Both open the quote; Bob comments (Enter sends); Alice sees it arrive.
  await rows(page).first().click();
  await rows(bob).first().click();
  const bobReply = bob.getByRole("textbox", { name: "Reply" });
  await bobReply.fill("Is this the full quote? See https://example.org/transcript");
  await bobReply.press("Enter");
  await expect(bobReply).toHaveValue("");
  const aliceThread = page.getByRole("region", { name: "Comments" });
  await expect(aliceThread.getByRole("listitem")).toHaveCount(1);
  await expect(aliceThread).toContainText("Bob");
  await expect(aliceThread.getByRole("link", { name: "https://example.org/transcript" })).toHaveAttribute("rel", /noopener/);

  // Alice deletes it: gone for Bob, who had it open and is told who did it.
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(rows(page)).toHaveCount(0);
  await expect(rows(bob)).toHaveCount(0);
  await expect(highlights(bob)).toHaveCount(0);
  await expect(status(bob, "Deleted by Alice.")).toBeVisible();

  // Bob's connection is cut by the server and restored. Chromium's offline emulation leaves an open
  // stream alone, so the cut is the server's own: it ends the stream of a member who is removed.
  // Added back, Bob catches up on the claim Alice made meanwhile.
  expect((await page.request.delete(`/api/v1/projects/${projectId}/members/${bobMe.id}`)).status()).toBe(204);
  await expect(status(bob, "Reconnecting…")).toBeVisible();
  await (await tag(page, CLAIM, "c", null)).press("Enter");
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).filter({ hasText: "saving" })).toHaveCount(0);
  await addMember(page.request, projectId, bobMember, "annotator");
  await expect(rows(bob)).toHaveCount(1, { timeout: 30_000 });
  await expect(rows(bob).first()).toContainText("Claim");
  await expect(highlights(bob)).toHaveCount(1);
  await expect(status(bob, "Reconnecting…")).toHaveCount(0);

  await bobContext.close();
});
