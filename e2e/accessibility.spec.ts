// Automated accessibility checks (axe-core, WCAG 2.1 A and AA rules, colour contrast included) on
// every screen, with annotations on show and popups open: no violation is allowed.

import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { codePoints, openNewDocument, SEED_ARTICLE, selectText, signUp } from "./helpers";

async function expectNoViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(" "))
        .join(" | ")}`,
  );
  expect(summary, what).toEqual([]);
}

test("sign-in and sign-up pages", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expectNoViolations(page, "sign in");
  await page.goto("/sign-up");
  await expect(page.getByRole("heading", { name: "Create an account" })).toBeVisible();
  await expectNoViolations(page, "sign up");
});

test("projects, project tabs and the export dialog", async ({ page }) => {
  await signUp(page);
  const { projectId } = await openNewDocument(page);
  await page.goto("/");
  await expectNoViolations(page, "projects");
  for (const path of ["", "/speakers", "/members"]) {
    await page.goto(`/projects/${projectId}${path}`);
    await expectNoViolations(page, `project ${path || "/documents"}`);
  }
  await page.getByRole("button", { name: "Export annotations" }).click();
  await expect(page.getByRole("dialog", { name: "Export annotations" })).toBeVisible();
  await expectNoViolations(page, "export dialog");
});

test("the workspace with highlights, the toolbar, the attribution popup and a selected annotation", async ({ page }) => {
  await signUp(page);
  const { documentId } = await openNewDocument(page);
  for (const [label, exact] of [
    ["claim", "Japan joined NATO Cyber Defense Center"],
    ["quote", "“just one of many milestones during a busy period”"],
  ] as const) {
    await page.request.post(`/api/v1/documents/${documentId}/annotations`, { data: { label, ...codePoints(SEED_ARTICLE, exact) } });
  }
  await page.reload();
  await expect(page.locator(".article-text [data-annotation-id]").first()).toBeVisible();
  await expectNoViolations(page, "workspace");
  await selectText(page, "Zhao stressed that");
  await expect(page.getByRole("toolbar", { name: "Tag the selection" })).toBeVisible();
  await expectNoViolations(page, "selection toolbar");
  await page.keyboard.press("q");
  await expect(page.getByRole("dialog", { name: "New quote" })).toBeVisible();
  await expectNoViolations(page, "attribution popup");
  await page.keyboard.press("Escape");
  await page.keyboard.press("j");
  await expect(page.getByRole("group", { name: /Selected/ })).toBeVisible();
  await expectNoViolations(page, "selected annotation");
});
