// Reviewing attribution: a reviewer works through the queue with the keyboard only (accept, reject
// with a reason, change the speaker, move, accept the rest after confirming) while a colleague's
// review leaves the queue live; and merging a duplicate speaker from its page, with undo.

import { expect, test, type Page } from "@playwright/test";
import { CodePointIndex } from "../lib/text/code-points";
import { snapSpan } from "../lib/text/quote-selector";
import { SEED_ARTICLE, SEED_TITLE, signUp } from "./helpers";
import { addMember, annotate, createSpeaker, signUpColleague, type Colleague } from "./team-helpers";

const SPANS = {
  ninth: "Japan becomes the ninth non-NATO state",
  milestones: "“just one of many milestones during a busy period”",
  promise: "NATO, as a regional alliance, would not expand into the Asia-Pacific",
  alert: "the world, especially countries in the Asia-Pacific region, should stay on high alert",
} as const;

/** The owner's project with the seed article; the annotations are made in text order. */
async function projectWithQueue(owner: Colleague) {
  const project = await (await owner.context.post("/api/v1/projects", { data: { name: `Review ${Date.now()}` } })).json();
  const document = await (
    await owner.context.post(`/api/v1/projects/${project.id}/documents`, { data: { title: SEED_TITLE, text: SEED_ARTICLE } })
  ).json();
  const ministry = await createSpeaker(owner.context, project.id, "Japanese Ministry of Defense");
  const jiro = await createSpeaker(owner.context, project.id, "Jiro Minier");
  const zhaoLijian = await createSpeaker(owner.context, project.id, "Zhao Lijian");
  const wang = await createSpeaker(owner.context, project.id, "Wang Wenbin");
  const ids = {
    ninth: (await annotate(owner.context, document.id, "claim", SPANS.ninth, ministry.id)).id,
    milestones: (await annotate(owner.context, document.id, "quote", SPANS.milestones, jiro.id)).id,
    promise: (await annotate(owner.context, document.id, "claim", SPANS.promise, zhaoLijian.id)).id,
    alert: (await annotate(owner.context, document.id, "claim", SPANS.alert, zhaoLijian.id)).id,
  };
  return { projectId: project.id as string, documentId: document.id as string, ids, wang };
}

const item = (page: Page, text: string) =>
  page.getByRole("list", { name: "Review queue" }).getByRole("article", { name: new RegExp(text) });

test("a reviewer works through the queue with the keyboard only; a colleague's review leaves it live", async ({ page, baseURL }) => {
  const owner = await signUpColleague(baseURL!, "Olga Owner");
  const { projectId, ids, wang } = await projectWithQueue(owner);
  await signUp(page, "Rita Reviewer");
  const me = await (await page.request.get("/api/v1/me")).json();
  await addMember(owner.context, projectId, { context: page.request, id: me.id, email: me.email, name: me.name }, "reviewer");

  await page.goto(`/projects/${projectId}`);
  const tabs = page.getByRole("navigation", { name: "Project sections" });
  await expect(tabs.getByRole("link", { name: "Review (4 pending)" })).toBeVisible();
  const streamOpen = page.waitForResponse((r) => r.url().includes(`/api/v1/projects/${projectId}/events`) && r.status() === 200);
  await tabs.getByRole("link", { name: "Review (4 pending)" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Review" })).toBeVisible();
  await streamOpen;

  const status = page.getByRole("main").getByRole("status").first();
  await expect(page.getByText("0 of 4 reviewed", { exact: true })).toBeVisible();
  await expect(item(page, SPANS.ninth)).toHaveAttribute("aria-current", "true");
  await expect(item(page, SPANS.ninth).getByRole("link", { name: SEED_TITLE, exact: true })).toBeVisible();

  // A accepts the selected annotation; the next one takes its place and the focus.
  await page.keyboard.press("a");
  await expect(status).toContainText(`Accepted “${SPANS.ninth}”. 1 of 4 reviewed.`);
  await expect(item(page, SPANS.ninth)).toHaveCount(0);
  await expect(item(page, SPANS.milestones)).toBeFocused();
  await expect(page.getByText("1 of 4 reviewed", { exact: true })).toBeVisible();
  await expect.poll(async () => (await (await page.request.get(`/api/v1/annotations/${ids.ninth}`)).json()).status).toBe("accepted");

  // R opens the reason box; Enter rejects with the reason.
  await page.keyboard.press("r");
  await expect(page.getByLabel("Reason for rejecting (optional)")).toBeFocused();
  await page.keyboard.type("Jiro is paraphrased, not quoted");
  await page.keyboard.press("Enter");
  await expect(page.getByText("2 of 4 reviewed", { exact: true })).toBeVisible();
  await expect(item(page, SPANS.promise)).toBeFocused();
  // The queue moves on at once; the write may still be on its way (as for the accept above).
  await expect
    .poll(async () => (await page.request.get(`/api/v1/annotations/${ids.milestones}`)).json())
    .toMatchObject({ status: "rejected", reviewReason: "Jiro is paraphrased, not quoted" });

  // Esc closes the reason box without rejecting.
  await page.keyboard.press("r");
  await expect(page.getByLabel("Reason for rejecting (optional)")).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(page.getByLabel("Reason for rejecting (optional)")).toHaveCount(0);
  await expect(item(page, SPANS.promise)).toBeFocused();

  // S changes the speaker through the speaker combobox; the annotation stays to be reviewed.
  await page.keyboard.press("s");
  await expect(page.getByRole("group", { name: /^Change the speaker of/ }).getByRole("combobox", { name: "Speaker" })).toBeFocused();
  await page.keyboard.type("Wang");
  await page.keyboard.press("Enter");
  await expect(status).toContainText(`is now attributed to Wang Wenbin and waits for review`);
  await expect(item(page, SPANS.promise)).toContainText("Speaker: Wang Wenbin");
  await expect(item(page, SPANS.promise)).toBeFocused();
  const reattributed = await (await page.request.get(`/api/v1/annotations/${ids.promise}`)).json();
  expect(reattributed).toMatchObject({ speakerId: wang.id, status: "pending" });

  // J and K move between annotations.
  await page.keyboard.press("j");
  await expect(item(page, SPANS.alert)).toBeFocused();
  await page.keyboard.press("k");
  await expect(item(page, SPANS.promise)).toBeFocused();

  // A colleague's review takes the annotation out of this queue as it happens.
  expect((await owner.context.post(`/api/v1/annotations/${ids.alert}/review`, { data: { status: "accepted" } })).status()).toBe(200);
  await expect(item(page, SPANS.alert)).toHaveCount(0);
  await expect(status).toHaveText(/^Olga Owner accepted “the world, especially countries .*”; it left the queue\.$/);
  await expect(page.getByText("2 of 3 reviewed", { exact: true })).toBeVisible();
  await expect(page.getByText("1 annotation left in the queue")).toBeVisible();

  // Shift+A accepts every filtered annotation after a confirmation.
  await page.keyboard.press("Shift+A");
  const dialog = page.getByRole("dialog", { name: "Accept 1 annotation?" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Accept 1 annotation" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(page.getByText("3 of 3 reviewed", { exact: true })).toBeVisible();
  await expect(page.getByText("Nothing waits for review.")).toBeVisible();
  await expect(tabs.getByRole("link", { name: "Review (0 pending)" })).toBeVisible();
  expect((await (await page.request.get(`/api/v1/annotations/${ids.promise}`)).json()).status).toBe("accepted");

  // E opens the workspace of the selected annotation's document.
  await page.getByRole("group", { name: "Filters" }).getByLabel("Status").selectOption({ label: "Accepted" });
  await item(page, SPANS.ninth).focus();
  await page.keyboard.press("e");
  await expect(page).toHaveURL(/\/documents\/[^/]+$/);
  await expect(page.getByRole("heading", { name: SEED_TITLE })).toBeVisible();
});

test("a viewer reads the queue but cannot review", async ({ page, baseURL }) => {
  const owner = await signUpColleague(baseURL!, "Olga Owner");
  const { projectId } = await projectWithQueue(owner);
  await signUp(page, "Vera Viewer");
  const me = await (await page.request.get("/api/v1/me")).json();
  await addMember(owner.context, projectId, { context: page.request, id: me.id, email: me.email, name: me.name }, "viewer");
  await page.goto(`/projects/${projectId}/review`);
  await expect(item(page, SPANS.ninth)).toBeVisible();
  await expect(page.getByRole("button", { name: /^Accept/ })).toHaveCount(0);
  await page.keyboard.press("a");
  await expect(page.getByRole("main").getByRole("status").first()).toHaveText(
    "Only reviewers and owners can review; your role lets you read the queue.",
  );
  expect((await (await owner.context.get(`/api/v1/projects/${projectId}/review-queue`)).json()).total).toBe(4);
});

test("merging “Zhao” into “Zhao Lijian” from the speaker page: annotations follow, Undo restores", async ({ page }) => {
  await signUp(page, "Mia Merger");
  const project = await (await page.request.post("/api/v1/projects", { data: { name: `Merge ${Date.now()}` } })).json();
  const document = await (
    await page.request.post(`/api/v1/projects/${project.id}/documents`, { data: { title: SEED_TITLE, text: SEED_ARTICLE } })
  ).json();
  const context = page.request;
  const full = await createSpeaker(context, project.id, "Zhao Lijian");
  const short = await createSpeaker(context, project.id, "Zhao");
  const jiro = await createSpeaker(context, project.id, "Jiro Minier");
  await annotate(context, document.id, "claim", SPANS.promise, full.id);
  const alert = await annotate(context, document.id, "claim", SPANS.alert, short.id);
  const history = await annotate(context, document.id, "quote", "“Due to its history of modern militarist aggression", short.id);

  await page.goto(`/projects/${project.id}/speakers`);
  await page.getByRole("table", { name: "Speakers" }).getByRole("link", { name: "Zhao", exact: true }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Zhao", exact: true })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Project sections" }).getByRole("link", { name: "Speakers" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  const annotations = page.getByRole("list", { name: "Annotations attributed to Zhao" });
  await expect(annotations.getByRole("article")).toHaveCount(2);

  // Reassigning a selection moves it to another speaker's page.
  await annotations.getByRole("checkbox", { name: /history of modern militarist aggression/ }).check();
  await page.getByRole("button", { name: "Reassign to another speaker…" }).click();
  await expect(page.getByRole("combobox", { name: "Speaker" })).toBeFocused();
  await page.keyboard.type("Jiro");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("main").getByRole("status").first()).toContainText("1 annotation now attributed to Jiro Minier");
  await expect(annotations.getByRole("article")).toHaveCount(1);
  expect((await (await context.get(`/api/v1/annotations/${history.id}`)).json()).speakerId).toBe(jiro.id);

  // The likely duplicate is a merge away, confirmed first.
  const duplicates = page.getByRole("list", { name: "Likely duplicates" });
  await expect(duplicates.getByRole("link", { name: "Zhao Lijian" })).toBeVisible();
  await duplicates.getByRole("button", { name: "Merge into Zhao Lijian" }).click();
  const confirm = page.getByRole("group", { name: "Confirm merging Zhao into Zhao Lijian" });
  await expect(confirm).toBeVisible();
  await confirm.getByRole("button", { name: "Yes, merge into Zhao Lijian" }).click();
  await expect(page.getByText("Zhao was merged into Zhao Lijian: 1 annotation moved.")).toBeVisible();
  expect((await (await context.get(`/api/v1/annotations/${alert.id}`)).json()).speakerId).toBe(full.id);
  expect((await context.get(`/api/v1/speakers/${short.id}`)).status()).toBe(404);
  expect((await (await context.get(`/api/v1/speakers/${full.id}`)).json()).aliases).toContain("Zhao");

  // Undo brings the speaker back with its annotation.
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByRole("main").getByRole("status").first()).toContainText("Merge undone: Zhao is back with 1 annotation.");
  await expect(annotations.getByRole("article", { name: new RegExp(SPANS.alert) })).toBeVisible();
  expect((await (await context.get(`/api/v1/annotations/${alert.id}`)).json()).speakerId).toBe(short.id);
  expect((await (await context.get(`/api/v1/speakers/${full.id}`)).json()).aliases).not.toContain("Zhao");
});

test("the queue fetches its next page before the reviewer reaches the end; a speaker's page loads 100 at a time", async ({ page }) => {
  await signUp(page, "Paula Pager");
  const project = await (await page.request.post("/api/v1/projects", { data: { name: `Paging ${Date.now()}` } })).json();
  const document = await (
    await page.request.post(`/api/v1/projects/${project.id}/documents`, { data: { title: SEED_TITLE, text: SEED_ARTICLE } })
  ).json();
  const speaker = await createSpeaker(page.request, project.id, "Zhao Lijian");
  // Spans as an analyst selects them: no whitespace at their ends, whole characters.
  const index = new CodePointIndex(SEED_ARTICLE);
  for (let i = 0; i < 240; i++) {
    const span = snapSpan(index, i * 10, i * 10 + 5) ?? snapSpan(index, i * 10, i * 10 + 9);
    const response = await page.request.post(`/api/v1/documents/${document.id}/annotations`, {
      data: { label: "claim", ...span, speakerId: speaker.id },
    });
    expect(response.status()).toBe(201);
  }

  await page.goto(`/projects/${project.id}/review`);
  const queue = page.getByRole("list", { name: "Review queue" });
  await expect(queue.getByRole("article")).toHaveCount(50);
  await expect(page.getByText("240 annotations left in the queue")).toBeVisible();
  for (let i = 0; i < 40; i++) await page.keyboard.press("j");
  await expect(queue.getByRole("article").nth(40)).toBeFocused();
  await expect(queue.getByRole("article")).toHaveCount(100);

  await page.goto(`/projects/${project.id}/speakers/${speaker.id}`);
  const annotations = page.getByRole("list", { name: "Annotations attributed to Zhao Lijian" });
  await expect(page.getByText("Showing 100 of 240 annotations.")).toBeVisible();
  await expect(annotations.getByRole("article")).toHaveCount(100);
  await page.getByRole("button", { name: "Load 100 more" }).click();
  await expect(page.getByText("Showing 200 of 240 annotations.").first()).toBeVisible();
  await expect(annotations.getByRole("article")).toHaveCount(200);
  await expect(page.getByRole("button", { name: "Load 40 more" })).toBeVisible();
});
