// Suggested quotes and speakers, as an analyst works through them: the demo article opens with its
// quotes proposed (ghost highlights and the "Suggestions" list); one is accepted with Enter (a
// highlight with its speaker at once), one dismissed with X, one corrected with the Speaker
// combobox and accepted, one hidden when an annotation over it arrives live, the rest accepted with
// "Accept all" after its confirmation. Then the Suggest button on a freshly added document, the
// import form's option and the project setting.

import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { codePoints, FIRST_ACCOUNT, openNewDocument, SEED_ARTICLE, SEED_TITLE, signUp } from "./helpers";

const panel = (page: Page) => page.getByRole("region", { name: "Suggestions" });
const suggestionRows = (page: Page) => panel(page).getByRole("listbox", { name: "Suggestions in text order" }).getByRole("option");
const annotationRows = (page: Page) =>
  page.getByRole("region", { name: "Annotations" }).getByRole("listbox", { name: "Annotations in text order" }).getByRole("option");
const ghosts = (page: Page) => page.locator(".article-text hl-suggestion");

interface Annotation {
  exact: string;
  label: string;
  quoteKind: string | null;
  speaker: { name: string } | null;
}

async function annotationsOf(page: Page, documentId: string): Promise<Annotation[]> {
  const response = await page.request.get(`/api/v1/documents/${documentId}/annotations`);
  expect(response.status()).toBe(200);
  return (await response.json()).annotations;
}

async function pendingSuggestions(page: Page, documentId: string): Promise<{ exact: string }[]> {
  const response = await page.request.get(`/api/v1/documents/${documentId}/suggestions`);
  expect(response.status()).toBe(200);
  return (await response.json()).suggestions;
}

test("the demo article opens with its quotes proposed: accept, dismiss, correct, accept all", async ({ page }) => {
  // The account the first-run spec signed up: the first of this install, which received the demo.
  const signIn = await page.request.post("/api/v1/auth/sign-in", { data: FIRST_ACCOUNT });
  expect(signIn.status()).toBe(200);
  await page.goto("/");
  await page.getByRole("link", { name: "Demo project" }).click();
  await page.getByRole("link", { name: SEED_TITLE }).click();
  await expect(page.getByRole("heading", { name: SEED_TITLE })).toBeVisible();
  const documentId = page.url().split("/documents/")[1]!.split("?")[0]!;

  // Ghost highlights naming their speakers, and the list.
  await expect(panel(page).getByRole("heading", { name: /Suggestions/ })).toBeVisible();
  const initial = await suggestionRows(page).count();
  expect(initial).toBeGreaterThanOrEqual(4);
  await expect(ghosts(page).first()).toBeVisible();
  await expect(page.locator('.article-text hl-suggestion[data-speaker="Zhao Lijian"]').first()).toBeVisible();
  await expect(annotationRows(page)).toHaveCount(0);

  // Enter accepts the selected one: at once a quote highlight with its (new) speaker.
  const jiro = suggestionRows(page).filter({ hasText: "reflect an intersection" });
  await expect(jiro).toContainText("Jiro Minier (new)");
  await jiro.click();
  const details = panel(page).getByRole("group", { name: "Suggested direct quote" });
  await expect(details.getByRole("blockquote")).toContainText("reflect an intersection");
  await page.keyboard.press("Enter");
  await expect(annotationRows(page)).toHaveCount(1);
  await expect(annotationRows(page).first()).toContainText("Jiro Minier");
  await expect(annotationRows(page).first()).not.toContainText("saving");
  await expect(suggestionRows(page).filter({ hasText: "reflect an intersection" })).toHaveCount(0);
  await expect(page.locator(".article-text hl-quote").first()).toContainText("reflect an intersection");
  const afterAccept = await annotationsOf(page, documentId);
  expect(afterAccept).toHaveLength(1);
  expect(afterAccept[0]).toMatchObject({ label: "quote", quoteKind: "direct", speaker: { name: "Jiro Minier" } });
  expect(afterAccept[0]!.exact).toMatch(/^reflect an intersection/);

  // X dismisses the selected one; it is not proposed again.
  const milestones = suggestionRows(page).filter({ hasText: "just one of many milestones" });
  await milestones.click();
  await page.keyboard.press("x");
  await expect(milestones).toHaveCount(0);
  // Hidden at once; the server has it dismissed once its answer is in.
  await expect
    .poll(async () => (await pendingSuggestions(page, documentId)).some((s) => s.exact.includes("just one of many milestones")))
    .toBe(false);

  // The speaker corrected with the combobox before accepting.
  const alert = suggestionRows(page).filter({ hasText: "should stay on high alert" });
  await alert.click();
  const indirect = panel(page).getByRole("group", { name: "Suggested indirect quote" });
  await indirect.getByRole("button", { name: "Change speaker" }).click();
  const speaker = indirect.getByRole("combobox", { name: "Speaker" });
  await expect(speaker).toBeFocused();
  await speaker.fill("Chinese Foreign Ministry");
  await expect(indirect.getByRole("option", { name: "Create speaker “Chinese Foreign Ministry”" })).toHaveAttribute(
    "aria-selected",
    "true",
  );
  await speaker.press("Enter");
  await expect(indirect).toContainText("Speaker: Chinese Foreign Ministry (new)");
  const accept = indirect.getByRole("button", { name: "Accept", exact: true });
  await expect(accept).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(annotationRows(page)).toHaveCount(2);
  await expect(annotationRows(page).filter({ hasText: "Chinese Foreign Ministry" })).toHaveCount(1);
  await expect(alert).toHaveCount(0);
  await expect
    .poll(async () => (await annotationsOf(page, documentId)).find((a) => a.exact.includes("should stay on high alert"))?.speaker)
    .toEqual(expect.objectContaining({ name: "Chinese Foreign Ministry" }));

  // An annotation over a suggestion arrives live (made elsewhere): the suggestion is no longer shown.
  const zhao = suggestionRows(page).filter({ hasText: "Due to its history" });
  await expect(zhao).toHaveCount(1);
  const overlapping = await page.request.post(`/api/v1/documents/${documentId}/annotations`, {
    data: { label: "claim", ...codePoints(SEED_ARTICLE, "what Japan should do") },
  });
  expect(overlapping.status()).toBe(201);
  await expect(zhao).toHaveCount(0);
  await expect(annotationRows(page)).toHaveCount(3);

  // Accept all the rest, after the confirmation; progress, then what was done.
  const rest = await suggestionRows(page).count();
  expect(rest).toBeGreaterThan(0);
  await panel(page).getByRole("button", { name: "Accept all" }).click();
  const confirm = page.getByRole("dialog", { name: `Accept ${rest} suggestion${rest === 1 ? "" : "s"}?` });
  await expect(confirm).toBeVisible();
  await confirm.getByRole("button", { name: `Accept ${rest} suggestion${rest === 1 ? "" : "s"}` }).click();
  const done = page.getByRole("dialog", { name: "Suggestions accepted" });
  await expect(done).toContainText(`Accepted ${rest} of ${rest} suggestion`);
  await done.getByRole("button", { name: "Close" }).click();
  await expect(done).toBeHidden();
  await expect(panel(page)).toContainText("None left: each was accepted or dismissed.");
  await expect(ghosts(page)).toHaveCount(0);
  await expect(annotationRows(page)).toHaveCount(3 + rest);
  expect(await pendingSuggestions(page, documentId)).toEqual([]);
  expect(await annotationsOf(page, documentId)).toHaveLength(3 + rest);

  // After a reload, the same: the decisions were the server's.
  await page.reload();
  await expect(annotationRows(page)).toHaveCount(3 + rest);
  await expect(ghosts(page)).toHaveCount(0);
});

test("Suggest on a freshly added document shows its progress, then what it found", async ({ page }) => {
  await signUp(page, "Sam Suggest");
  const { documentId } = await openNewDocument(page);
  await expect(panel(page)).toContainText("None yet");
  await expect(ghosts(page)).toHaveCount(0);
  await panel(page).getByRole("button", { name: "Suggest", exact: true }).click();
  await expect(panel(page).getByRole("status")).toContainText(/Found \d+ suggestions\./);
  const found = await suggestionRows(page).count();
  expect(found).toBeGreaterThanOrEqual(4);
  await expect(panel(page).getByRole("status")).toHaveText(`Found ${found} suggestions.`);
  await expect(ghosts(page).first()).toBeVisible();
  expect(await pendingSuggestions(page, documentId)).toHaveLength(found);

  // J / K step through the suggestions once one is selected; Enter accepts.
  await suggestionRows(page).first().click();
  await page.keyboard.press("j");
  await expect(suggestionRows(page).nth(1)).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Enter");
  await expect(annotationRows(page)).toHaveCount(1);
  await expect(suggestionRows(page)).toHaveCount(found - 1);
});

test("“Suggest quotes and speakers” when importing, and the project setting that does it for every document", async ({ page }) => {
  await signUp(page, "Ivy Import");
  const project = await (await page.request.post("/api/v1/projects", { data: { name: "Imports with suggestions" } })).json();
  await page.goto(`/projects/${project.id}`);
  const form = page.getByRole("form", { name: "Import document" });
  await form.getByLabel("Title").fill(SEED_TITLE);
  await form.getByLabel("Text", { exact: true }).fill(SEED_ARTICLE);
  const option = form.getByRole("checkbox", { name: "Suggest quotes and speakers" });
  await expect(option).not.toBeChecked();
  await option.check();
  await form.getByRole("button", { name: "Import document" }).click();
  await expect(page.getByRole("heading", { name: SEED_TITLE })).toBeVisible();
  await expect(suggestionRows(page).first()).toBeVisible();
  await expect(ghosts(page).first()).toBeVisible();

  // The owner turns it on for every new document; the import form says so.
  await page.goto(`/projects/${project.id}/settings`);
  const setting = page.getByRole("checkbox", { name: "Suggest quotes and speakers for every new document" });
  await expect(setting).not.toBeChecked();
  await setting.check();
  await expect(page.getByRole("status").filter({ hasText: "Saved" })).toContainText("new documents get suggestions");
  await page.reload();
  await expect(setting).toBeChecked();
  await page.goto(`/projects/${project.id}`);
  await expect(form.getByRole("checkbox", { name: "Suggest quotes and speakers" })).toBeChecked();
  await expect(form.getByRole("checkbox", { name: "Suggest quotes and speakers" })).toBeDisabled();

  // A document added through the API, without asking, opens with its suggestions.
  const created = await page.request.post(`/api/v1/projects/${project.id}/documents`, { data: { title: "Second", text: SEED_ARTICLE } });
  expect(created.status()).toBe(201);
  await page.goto(`/documents/${(await created.json()).id}`);
  await expect(suggestionRows(page).first()).toBeVisible();
});

test("the suggestions, a selected one and the Accept all confirmation pass the accessibility checks", async ({ page }) => {
  await signUp(page, "Axel Axe");
  await openNewDocument(page);
  await panel(page).getByRole("button", { name: "Suggest", exact: true }).click();
  await expect(suggestionRows(page).first()).toBeVisible();
  await suggestionRows(page).first().click();
  await expect(panel(page).getByRole("group", { name: /Suggested/ })).toBeVisible();
  const check = async (what: string) => {
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(
      results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`),
      what,
    ).toEqual([]);
  };
  await check("suggestions with one selected");
  await panel(page).getByRole("button", { name: "Accept all" }).click();
  await expect(page.getByRole("dialog", { name: /Accept \d+ suggestions\?/ })).toBeVisible();
  await check("Accept all confirmation");
});
