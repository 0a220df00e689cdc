// The annotation workspace, driven as an analyst would: select, tag, attribute, save, edit,
// delete and undo, by mouse and by keyboard.

import { expect, test, type Page } from "@playwright/test";
import { codePoints, openNewDocument, SEED_ARTICLE, selectText, signUp, tag } from "./helpers";

const ZHAO_QUOTE =
  "“Due to its history of modern militarist aggression, what Japan should do is to earnestly learn lessons from history, stick to the path of peaceful development, and refrain from doing anything that undermines mutual trust between countries in East Asia, a highland of peace and stability and of cooperation and development, not a battleground for geopolitical contention,”";

async function annotationsOf(page: Page, documentId: string) {
  const response = await page.request.get(`/api/v1/documents/${documentId}/annotations`);
  expect(response.status()).toBe(200);
  return (await response.json()).annotations as {
    id: string;
    label: string;
    start: number;
    end: number;
    exact: string;
    speaker: { name: string } | null;
    quoteKind: string | null;
  }[];
}

const sidebar = (page: Page) => page.getByRole("region", { name: "Annotations" });
const rows = (page: Page) => sidebar(page).getByRole("listbox", { name: "Annotations in text order" }).getByRole("option");

test("quote Zhao Lijian by mouse, creating the speaker; it survives a reload at code point offsets", async ({ page }) => {
  await signUp(page);
  const { documentId } = await openNewDocument(page);
  await selectText(page, ZHAO_QUOTE);
  await expect(page.getByRole("button", { name: "Quote" })).toBeVisible();
  await page.keyboard.press("q");
  const speaker = page.getByRole("combobox", { name: "Speaker" });
  await expect(speaker).toBeFocused();
  await speaker.fill("Zhao Lijian");
  await expect(page.getByRole("option", { name: "Create speaker “Zhao Lijian”" })).toHaveAttribute("aria-selected", "true");
  await speaker.press("Enter");
  const row = rows(page).filter({ hasText: "Zhao Lijian" });
  await expect(row).toBeVisible();
  await expect(row).not.toContainText("saving");

  await page.reload();
  const highlight = page.locator(".article-text [data-annotation-id]");
  await expect(highlight.first()).toBeVisible();
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText("Quote");
  await expect(rows(page).first()).toContainText("Zhao Lijian");

  const [annotation] = await annotationsOf(page, documentId);
  expect(annotation).toMatchObject({
    label: "quote",
    exact: ZHAO_QUOTE,
    speaker: { name: "Zhao Lijian" },
    quoteKind: "direct",
    ...codePoints(SEED_ARTICLE, ZHAO_QUOTE),
  });
  await expect(highlight.first()).toHaveAttribute("data-annotation-id", annotation!.id);
});

async function waitForSaved(page: Page, count: number) {
  await expect(rows(page)).toHaveCount(count);
  await expect(rows(page).filter({ hasText: "saving" })).toHaveCount(0);
}

test("a claim attributed by picking the existing speaker creates no duplicate", async ({ page }) => {
  await signUp(page);
  const { projectId, documentId } = await openNewDocument(page);
  const quote = await tag(page, ZHAO_QUOTE, "q", "Zhao Lijian");
  await quote.press("Enter");
  await waitForSaved(page, 1);

  const claim = "Zhao stressed that the world, especially countries in the Asia-Pacific region, should stay on high alert.";
  const speaker = await tag(page, claim, "c", "zhao");
  await expect(page.getByRole("dialog", { name: "New claim" }).getByRole("option", { name: "Zhao Lijian" })).toHaveAttribute(
    "aria-selected",
    "true",
  );
  await speaker.press("Enter");
  await waitForSaved(page, 2);

  const speakers = (await (await page.request.get(`/api/v1/projects/${projectId}/speakers`)).json()).speakers;
  expect(speakers.map((s: { name: string }) => s.name)).toEqual(["Zhao Lijian"]);
  const annotations = await annotationsOf(page, documentId);
  expect(annotations.map((a) => [a.label, a.speaker?.name, a.exact])).toEqual([
    ["claim", "Zhao Lijian", claim],
    ["quote", "Zhao Lijian", ZHAO_QUOTE],
  ]);
});

test("a claim across two paragraphs, and a quote nested inside a claim", async ({ page }) => {
  await signUp(page);
  const { documentId } = await openNewDocument(page);
  const across = "for Japan’s cybersecurity efforts.\nShortly after its formal membership of CCDCOE";
  await (await tag(page, across, "c", null)).press("Enter");
  await waitForSaved(page, 1);

  const outer = 'Such developments "reflect an intersection of two increasingly important considerations in Japanese security thinking';
  await (await tag(page, outer, "c", "Jiro Minier")).press("Enter");
  await waitForSaved(page, 2);
  const inner = '"reflect an intersection of two increasingly important considerations';
  await (await tag(page, inner, "q", "Jiro")).press("Enter");
  await waitForSaved(page, 3);

  const annotations = await annotationsOf(page, documentId);
  const byExact = new Map(annotations.map((a) => [a.exact, a]));
  expect(byExact.get(across)).toMatchObject({ label: "claim", ...codePoints(SEED_ARTICLE, across) });
  expect(byExact.get(outer)).toMatchObject({ label: "claim", speaker: { name: "Jiro Minier" }, ...codePoints(SEED_ARTICLE, outer) });
  expect(byExact.get(inner)).toMatchObject({
    label: "quote",
    quoteKind: "direct",
    speaker: { name: "Jiro Minier" },
    ...codePoints(SEED_ARTICLE, inner),
  });
  // The nested quote's text carries both highlights (one element inside the other).
  const innerId = byExact.get(inner)!.id;
  const outerId = byExact.get(outer)!.id;
  const both = `.article-text [data-annotation-id="${outerId}"] [data-annotation-id="${innerId}"], .article-text [data-annotation-id="${innerId}"] [data-annotation-id="${outerId}"]`;
  await expect(page.locator(both).first()).toBeVisible();
  await expect(page.locator(both).first()).toContainText("reflect an intersection");
  // The cross-paragraph claim is highlighted in both paragraphs.
  await expect(page.locator(`.article-text [data-annotation-id="${byExact.get(across)!.id}"]`)).toHaveCount(2);
});

test("delete an annotation, then undo", async ({ page }) => {
  await signUp(page);
  const { documentId } = await openNewDocument(page);
  await (await tag(page, "Japan joined NATO Cyber Defense Center", "c", null)).press("Enter");
  await waitForSaved(page, 1);
  const [created] = await annotationsOf(page, documentId);

  await page.locator(`.article-text [data-annotation-id="${created!.id}"]`).click();
  await expect(rows(page).first()).toHaveAttribute("aria-selected", "true");
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(rows(page)).toHaveCount(0);
  await expect(page.locator(".article-text [data-annotation-id]")).toHaveCount(0);
  // Undo is offered once the server has confirmed the deletion.
  const undo = page.getByRole("button", { name: "Undo" });
  await expect(undo).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Claim deleted." })).toBeVisible();
  expect(await annotationsOf(page, documentId)).toHaveLength(0);

  await undo.click();
  await expect(rows(page)).toHaveCount(1);
  await expect(page.locator(`.article-text [data-annotation-id="${created!.id}"]`)).toBeVisible();
  const restored = await annotationsOf(page, documentId);
  expect(restored).toHaveLength(1);
  expect(restored[0]).toMatchObject({ id: created!.id, exact: "Japan joined NATO Cyber Defense Center" });
});

test("an article with emoji before the selection gets code point offsets", async ({ page }) => {
  await signUp(page);
  const text = "🚢🇯🇵 Tokyo 👍🏽 report, e\u0301dition 中国:\nThe 👨‍👩‍👧 ministry said “we will join 🚀 soon” on Friday. مرحبا";
  const { documentId } = await openNewDocument(page, text, "Emoji 🚢 article");
  const exact = "“we will join 🚀 soon”";
  await (await tag(page, exact, "q", "The ministry")).press("Enter");
  await waitForSaved(page, 1);
  const [annotation] = await annotationsOf(page, documentId);
  expect(annotation).toMatchObject({ exact, ...codePoints(text, exact) });
  // The UTF-16 offsets would be larger: make sure the API did not get those.
  expect(annotation!.start).toBeLessThan(text.indexOf(exact));
  expect(Array.from(text).slice(annotation!.start, annotation!.end).join("")).toBe(exact);
});

test("keyboard only: select with Shift+arrows, tag, pick a speaker, save", async ({ page }) => {
  await signUp(page);
  const text = "Headline\nThe spokesman said the talks were useful.\nAnother paragraph.";
  const { documentId } = await openNewDocument(page, text, "Keyboard article");
  const article = page.getByRole("textbox", { name: "Article text" });
  // Reach the article with Tab, as a keyboard user would.
  for (let i = 0; i < 15 && !(await article.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(article).toBeFocused();
  await page.keyboard.press("Control+Home");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Home");
  for (let i = 0; i < "The spokesman".length; i++) await page.keyboard.press("Shift+ArrowRight");
  await expect(page.getByRole("toolbar", { name: "Tag the selection" })).toBeVisible();
  await page.keyboard.press("c");
  const speaker = page.getByRole("combobox", { name: "Speaker", exact: true });
  await expect(speaker).toBeFocused();
  await page.keyboard.type("Spokes");
  await expect(page.getByRole("option", { name: "Create speaker “Spokes”" })).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("dialog").getByRole("option", { name: "No speaker" })).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("ArrowUp");
  await page.keyboard.type("person");
  await expect(page.getByRole("option", { name: "Create speaker “Spokesperson”" })).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Enter");
  await waitForSaved(page, 1);
  const [annotation] = await annotationsOf(page, documentId);
  expect(annotation).toMatchObject({ label: "claim", exact: "The spokesman", speaker: { name: "Spokesperson" }, start: 9, end: 22 });
  // Focus is back in the article; J selects the annotation, Esc clears it.
  await expect(article).toBeFocused();
  await page.keyboard.press("j");
  await expect(rows(page).first()).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Escape");
  await expect(rows(page).first()).toHaveAttribute("aria-selected", "false");
});

test("select from the sidebar, edit speaker, label and note; a stale edit reports the conflict", async ({ page }) => {
  await signUp(page);
  const { documentId } = await openNewDocument(page);
  await (await tag(page, "JMOD will continue to collaborate with international partners", "c", "JMOD")).press("Enter");
  await waitForSaved(page, 1);
  await rows(page).first().click();
  const details = page.getByRole("group", { name: "Selected claim" });
  await expect(details).toBeVisible();
  const [original] = await annotationsOf(page, documentId);
  await expect(page.locator(`.article-text .hl-selected[data-annotation-id="${original!.id}"]`)).toBeVisible();

  await details.getByRole("radio", { name: "Quote" }).check();
  await details.getByLabel("Note").fill("check the translation");
  await details.getByRole("button", { name: "Save changes" }).click();
  await expect(rows(page).first()).toContainText("Quote");
  await page.getByRole("group", { name: "Selected quote" }).getByRole("button", { name: "Change speaker" }).click();
  const speaker = page.getByRole("combobox", { name: "Speaker", exact: true });
  await speaker.fill("Japanese Ministry of Defense");
  await speaker.press("Enter");
  await expect(rows(page).first()).toContainText("Japanese Ministry of Defense");
  // The row shows the change at once; the server has it when the save comes back.
  await expect
    .poll(async () => (await annotationsOf(page, documentId))[0])
    .toMatchObject({ label: "quote", speaker: { name: "Japanese Ministry of Defense" } });
  const [edited] = await annotationsOf(page, documentId);

  // Someone else changes it while the note is being edited: the form keeps what was typed (it
  // does not follow the live change), and saving it meets the conflict.
  const group = page.getByRole("group", { name: "Selected quote" });
  await group.getByLabel("Note").fill("my late edit");
  const response = await page.request.patch(`/api/v1/annotations/${edited!.id}`, { data: { version: 3, note: "changed elsewhere" } });
  expect(response.status()).toBe(200);
  await expect(group).toContainText("version 4");
  await expect(group.getByLabel("Note")).toHaveValue("my late edit");
  await group.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "changed this annotation meanwhile" })).toBeVisible();
  await expect(page.getByRole("group", { name: "Selected quote" }).getByLabel("Note")).toHaveValue("changed elsewhere");
  const [final] = await annotationsOf(page, documentId);
  expect(final).toMatchObject({ version: 4 });
});

test("creating a speaker someone has just created under the same name attributes to theirs, without a duplicate", async ({ page }) => {
  await signUp(page);
  const { projectId, documentId } = await openNewDocument(page);
  // The same name as theirs by the one rule (case, spacing, Unicode normalisation): typed in
  // lower case with combining accents (NFD), theirs composed (NFC) with a double space.
  const typed = "jose\u0301 marti\u0301";
  const stored = "José Martí";
  const speaker = await tag(page, ZHAO_QUOTE, "q", typed);
  await expect(page.getByRole("option", { name: `Create speaker “${typed}”` })).toHaveAttribute("aria-selected", "true");
  // Meanwhile someone else creates it.
  const theirs = await page.request.post(`/api/v1/projects/${projectId}/speakers`, { data: { name: "José  Martí" } });
  expect(theirs.status()).toBe(201);
  const theirId = (await theirs.json()).id as string;
  await speaker.press("Enter");
  await waitForSaved(page, 1);
  await expect(page.getByRole("status").filter({ hasText: "Quote saved." })).toBeVisible();
  await expect(rows(page).first()).toContainText(stored);

  const speakers = (await (await page.request.get(`/api/v1/projects/${projectId}/speakers`)).json()).speakers;
  expect(speakers.map((s: { id: string }) => s.id)).toEqual([theirId]);
  const [annotation] = await annotationsOf(page, documentId);
  expect(annotation).toMatchObject({ exact: ZHAO_QUOTE, speaker: { name: stored } });
});
