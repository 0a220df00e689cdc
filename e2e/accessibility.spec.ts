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
  for (const path of ["", "/review", "/speakers", "/members", "/settings"]) {
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

test("the review queue with the reason box, the speaker picker and the bulk confirmation open", async ({ page }) => {
  await signUp(page);
  const { projectId, documentId } = await openNewDocument(page);
  const speaker = await (await page.request.post(`/api/v1/projects/${projectId}/speakers`, { data: { name: "Zhao Lijian" } })).json();
  for (const [label, exact] of [
    ["claim", "Japan joined NATO Cyber Defense Center"],
    ["quote", "“just one of many milestones during a busy period”"],
  ] as const) {
    await page.request.post(`/api/v1/documents/${documentId}/annotations`, {
      data: { label, ...codePoints(SEED_ARTICLE, exact), speakerId: speaker.id },
    });
  }
  await page.goto(`/projects/${projectId}/review`);
  const queue = page.getByRole("list", { name: "Review queue" });
  await expect(queue.getByRole("article")).toHaveCount(2);
  await expect(queue.getByText("Check the attribution:").first()).toBeVisible();
  await expectNoViolations(page, "review queue");
  await page.getByText("Keyboard shortcuts").click();
  await page.keyboard.press("r");
  await expect(page.getByLabel("Reason for rejecting (optional)")).toBeFocused();
  await expectNoViolations(page, "reason box");
  await page.keyboard.press("Escape");
  await page.keyboard.press("s");
  await expect(page.getByRole("group", { name: /^Change the speaker of/ })).toBeVisible();
  await expectNoViolations(page, "speaker picker");
  await page.keyboard.press("Escape");
  await page.keyboard.press("x");
  await expect(page.getByRole("region", { name: "Selected annotations" })).toBeVisible();
  await page.keyboard.press("Shift+A");
  await expect(page.getByRole("dialog", { name: "Accept 1 annotation?" })).toBeVisible();
  await expectNoViolations(page, "bulk confirmation");
});

test("a speaker's page with a merge to confirm and after the merge", async ({ page }) => {
  await signUp(page);
  const { projectId, documentId } = await openNewDocument(page);
  const full = await (await page.request.post(`/api/v1/projects/${projectId}/speakers`, { data: { name: "Zhao Lijian" } })).json();
  const short = await (await page.request.post(`/api/v1/projects/${projectId}/speakers`, { data: { name: "Zhao" } })).json();
  await page.request.post(`/api/v1/documents/${documentId}/annotations`, {
    data: { label: "claim", ...codePoints(SEED_ARTICLE, "the world, especially countries"), speakerId: short.id },
  });
  await page.goto(`/projects/${projectId}/speakers/${short.id}`);
  await expect(page.getByRole("list", { name: "Annotations attributed to Zhao" }).getByRole("article")).toHaveCount(1);
  await page.getByRole("list", { name: "Annotations attributed to Zhao" }).getByRole("checkbox").check();
  await expectNoViolations(page, "speaker page");
  await page.getByRole("button", { name: `Merge into ${full.name}` }).click();
  await expect(page.getByRole("group", { name: "Confirm merging Zhao into Zhao Lijian" })).toBeVisible();
  await expectNoViolations(page, "merge confirmation");
  await page.getByRole("button", { name: "Yes, merge into Zhao Lijian" }).click();
  await expect(page.getByRole("button", { name: "Undo" })).toBeVisible();
  await expectNoViolations(page, "merged, with undo");
});

test("account settings with a new token's secret, deleting a document and a project", async ({ page }) => {
  await signUp(page);
  const { projectId } = await openNewDocument(page);
  await page.goto("/settings");
  await page.getByLabel("Label").fill("notebook");
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByRole("region", { name: "Your new token “notebook”" })).toBeVisible();
  await expectNoViolations(page, "settings with a new token");
  await page.getByRole("button", { name: "Revoke “notebook”" }).click();
  await expect(page.getByRole("group", { name: "Confirm revoking “notebook”" })).toBeVisible();
  await expectNoViolations(page, "revoking a token");
  await page.goto(`/projects/${projectId}`);
  await page.getByRole("button", { name: /^Delete “/ }).click();
  await expect(page.getByRole("dialog", { name: /^Delete “/ })).toBeVisible();
  await expectNoViolations(page, "deleting a document");
  await page.goto(`/projects/${projectId}/settings`);
  await expect(page.getByRole("region", { name: "Delete this project" })).toBeVisible();
  await expectNoViolations(page, "project settings");
});
