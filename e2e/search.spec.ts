// Searching a project: from the header's search box to quote cards with the matched words marked,
// facets that narrow the search, the keyboard into the workspace with the annotation selected,
// and exporting exactly the results.

import fs from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { SEED_ARTICLE, SEED_TITLE, signUp } from "./helpers";
import { annotate, createSpeaker } from "./team-helpers";

test("an analyst finds what a speaker said, narrows by facet, opens it in the workspace and exports the results", async ({ page }) => {
  await signUp(page, "Sam Searcher");
  const project = await (await page.request.post("/api/v1/projects", { data: { name: `Search ${Date.now()}` } })).json();
  const document = await (
    await page.request.post(`/api/v1/projects/${project.id}/documents`, {
      data: { title: SEED_TITLE, text: SEED_ARTICLE, publishedAt: "2022-11-08" },
    })
  ).json();
  const zhao = await createSpeaker(page.request, project.id, "Zhao Lijian");
  const jiro = await createSpeaker(page.request, project.id, "Jiro Minier");
  const alert = await annotate(
    page.request,
    document.id,
    "claim",
    "the world, especially countries in the Asia-Pacific region, should stay on high alert",
    zhao.id,
  );
  await annotate(page.request, document.id, "claim", "NATO, as a regional alliance, would not expand into the Asia-Pacific", zhao.id);
  await annotate(page.request, document.id, "quote", "“just one of many milestones during a busy period”", jiro.id);

  // The header's search box leads to the Search tab.
  await page.goto(`/projects/${project.id}`);
  await page.getByRole("searchbox", { name: "Search quotes, claims and speakers" }).fill("asia-pacific");
  await page.getByRole("searchbox", { name: "Search quotes, claims and speakers" }).press("Enter");
  await expect(page).toHaveURL(/\/search\?q=asia-pacific$/);
  await expect(page.getByRole("heading", { level: 2, name: "Search" })).toBeVisible();
  await expect(page.getByText("2 results for “asia-pacific”.")).toBeVisible();
  const results = page.getByRole("list", { name: "Search results" });
  await expect(results.getByRole("article")).toHaveCount(2);
  const card = results.getByRole("article", { name: /stay on high alert/ });
  await expect(card).toContainText("Zhao Lijian");
  await expect(card).toContainText(SEED_TITLE);
  await expect(card).toContainText("8 Nov 2022");
  await expect(card.locator("mark").first()).toHaveText(/Asia-Pacific/i);

  // A speaker found by name; then the speaker facet narrows, and following it again widens.
  await page.getByRole("searchbox", { name: /Words, a “phrase”/ }).fill("Minier");
  await page.getByLabel("Order").selectOption("relevance");
  await page.getByRole("button", { name: "Search", exact: true }).last().click();
  await expect(page).toHaveURL(/q=Minier&sort=relevance$/);
  // His quote first; the words around the others mention him too.
  await expect(results.getByRole("article").first()).toContainText("milestones");
  await page.getByLabel("Order").selectOption("date");
  await page.getByRole("searchbox", { name: /Words, a “phrase”/ }).fill("");
  await page.getByRole("searchbox", { name: /Words, a “phrase”/ }).press("Enter");
  await expect(results.getByRole("article")).toHaveCount(3);
  const facets = page.getByRole("navigation", { name: "Narrow the search" });
  await facets.getByRole("link", { name: /Zhao Lijian\s*2/ }).click();
  await expect(page).toHaveURL(/speakerId=/);
  await expect(results.getByRole("article")).toHaveCount(2);
  await expect(facets.getByRole("link", { name: /Zhao Lijian/ })).toHaveAttribute("aria-current", "true");
  expect((await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze()).violations).toEqual([]);

  // Export these results: only Zhao's two, in the chosen format.
  await page.getByRole("button", { name: "Export these results" }).click();
  const dialog = page.getByRole("dialog", { name: "Export annotations" });
  await dialog.getByLabel("Format").selectOption("jsonl");
  const [download] = await Promise.all([page.waitForEvent("download"), dialog.getByRole("button", { name: "Download" }).click()]);
  const lines = fs
    .readFileSync((await download.path()) as string, "utf8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as { speaker: { name: string } });
  expect(lines.map((line) => line.speaker.name)).toEqual(["Zhao Lijian", "Zhao Lijian"]);
  await dialog.getByRole("button", { name: "Close" }).click();

  // The keyboard: / searches, J moves to a result, Enter opens it in the workspace, selected.
  await page.keyboard.press("/");
  await expect(page.getByRole("searchbox", { name: /Words, a “phrase”/ })).toBeFocused();
  await page.getByRole("searchbox", { name: /Words, a “phrase”/ }).fill("alert");
  await page.keyboard.press("Enter");
  await expect(results.getByRole("article")).toHaveCount(1);
  await page.locator("body").click({ position: { x: 1, y: 1 } });
  await page.keyboard.press("j");
  await expect(results.getByRole("article").first()).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/documents/${document.id}\\?annotation=${alert.id}$`));
  await expect(page.getByRole("listbox", { name: "Annotations in text order" }).getByRole("option", { selected: true })).toContainText(
    "stay on high alert",
  );
});

test("a bad date in the address is said, not a server error", async ({ page }) => {
  await signUp(page, "Dora Date");
  const project = await (await page.request.post("/api/v1/projects", { data: { name: `Dates ${Date.now()}` } })).json();
  await page.goto(`/projects/${project.id}/search?q=x&from=2022-02-30`);
  await expect(page.getByText("The search could not be run: from")).toBeVisible();
});
