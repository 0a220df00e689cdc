// The workspace's Layer select (issue 10): a reviewer of an independent project sees every
// annotator's highlights, picks one annotator's layer — the article and the list then show only
// theirs, and so do annotations arriving live — opens the same layer from its link, and the
// curated layer; tagging there brings every layer back. An annotator of the project is offered no
// layers (they see only their own).

import { expect, test, type Page } from "@playwright/test";
import { SEED_ARTICLE, SEED_TITLE, signUp, tag } from "./helpers";
import { addMember, annotate, PASSWORD, signUpColleague } from "./team-helpers";

const highlight = (page: Page, id: string) => page.locator(`.article-text [data-annotation-id="${id}"]`);

test("a reviewer switches layers and sees only that annotator's highlights", async ({ page, baseURL }) => {
  const reviewer = await signUp(page, "Rita Reviewer");
  const owner = await signUpColleague(baseURL!, "Owner");
  const project = await (await owner.context.post("/api/v1/projects", { data: { name: `Layers ${Date.now()}` } })).json();
  expect((await owner.context.patch(`/api/v1/projects/${project.id}`, { data: { annotationMode: "independent" } })).status()).toBe(200);
  const document = await (
    await owner.context.post(`/api/v1/projects/${project.id}/documents`, { data: { title: SEED_TITLE, text: SEED_ARTICLE } })
  ).json();
  const ann = await signUpColleague(baseURL!, "Ann");
  const bob = await signUpColleague(baseURL!, "Bob");
  await addMember(owner.context, project.id, ann, "annotator");
  await addMember(owner.context, project.id, bob, "annotator");
  // The reviewer is the browser's user: their requests are the page's.
  await addMember(owner.context, project.id, { context: page.request, id: "", email: reviewer.email, name: "Rita Reviewer" }, "reviewer");
  const words = [...new Set(SEED_ARTICLE.split(/\s+/).filter((w) => /^\p{L}{6,}$/u.test(w)))];
  const annsClaim = await annotate(ann.context, document.id, "claim", words[0]!, null);
  const bobsQuote = await annotate(bob.context, document.id, "quote", words[2]!, null);
  const curated = await page.request.post(`/api/v1/documents/${document.id}/curation`, { data: { from: annsClaim.id } });
  expect(curated.status()).toBe(201);
  const goldId = ((await curated.json()) as { id: string }).id;

  await page.goto(`/documents/${document.id}`);
  await expect(page.getByRole("textbox", { name: "Article text" })).toBeVisible();
  const layer = page.getByLabel("Layer");
  await expect(layer).toHaveValue("");
  await expect(highlight(page, annsClaim.id).first()).toBeVisible();
  await expect(highlight(page, bobsQuote.id).first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Annotations (3)" })).toBeVisible();
  await expect(layer.getByRole("option")).toHaveText([
    "All layers (3 annotations)",
    "Ann (1 annotation)",
    "Bob (1 annotation)",
    "Curated layer (1 annotation)",
  ]);

  // Ann's layer: only her highlight, in the article and in the list; the address names the layer.
  await layer.selectOption({ label: "Ann (1 annotation)" });
  await expect(highlight(page, bobsQuote.id)).toHaveCount(0);
  await expect(highlight(page, annsClaim.id).first()).toBeVisible();
  await expect(highlight(page, goldId)).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Annotations (1)" })).toBeVisible();
  const list = page.getByRole("listbox", { name: "Annotations in text order" });
  await expect(list.getByRole("option")).toHaveCount(1);
  await expect(list.getByRole("option")).toContainText("by Ann");
  await expect(page).toHaveURL(new RegExp(`[?&]layer=${ann.id}`));

  // Live: Bob's new annotation arrives unseen in Ann's layer; Ann's next one shows.
  const bobsSecond = await annotate(bob.context, document.id, "claim", words[4]!, null);
  const annsSecond = await annotate(ann.context, document.id, "claim", words[6]!, null);
  await expect(highlight(page, annsSecond.id).first()).toBeVisible();
  await expect(list.getByRole("option")).toHaveCount(2);
  await expect(highlight(page, bobsSecond.id)).toHaveCount(0);
  await expect(highlight(page, bobsQuote.id)).toHaveCount(0);

  // Bob's layer, chosen from the keyboard: focus the select and pick with the arrow keys.
  await layer.focus();
  await layer.press("ArrowDown");
  await expect(layer).toHaveValue(bob.id);
  await expect(highlight(page, bobsQuote.id).first()).toBeVisible();
  await expect(highlight(page, bobsSecond.id).first()).toBeVisible();
  await expect(highlight(page, annsClaim.id)).toHaveCount(0);
  await expect(highlight(page, annsSecond.id)).toHaveCount(0);

  // The link opens the same layer.
  await page.reload();
  await expect(page.getByRole("textbox", { name: "Article text" })).toBeVisible();
  await expect(page.getByLabel("Layer")).toHaveValue(bob.id);
  await expect(highlight(page, bobsQuote.id).first()).toBeVisible();
  await expect(highlight(page, annsClaim.id)).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Annotations (2)" })).toBeVisible();

  // The curated layer: the gold annotation only.
  await page.getByLabel("Layer").selectOption("curated");
  await expect(page.getByRole("heading", { name: "Annotations (1)" })).toBeVisible();
  await expect(highlight(page, bobsQuote.id)).toHaveCount(0);
  await expect(highlight(page, goldId).first()).toBeVisible();
  await expect(page.getByRole("listbox", { name: "Annotations in text order" }).getByRole("option")).toContainText("by Rita Reviewer");

  // Tagging while a layer not one's own is shown shows every layer (the new annotation is one's own),
  // and says so; the address drops ?layer=.
  await tag(page, words[8]!, "c", null);
  await expect(page.getByLabel("Layer")).toHaveValue("");
  await expect(page.getByRole("status").filter({ hasText: "Showing all layers" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("heading", { name: "Annotations (5)" })).toBeVisible();
  await expect(page).not.toHaveURL(/layer=/);

  // An annotator of the independent project has only their own layer: no select.
  const annPage = await page.context().browser()!.newPage({ baseURL });
  await annPage.request.post("/api/v1/auth/sign-in", { data: { email: ann.email, password: PASSWORD } });
  await annPage.goto(`/documents/${document.id}?layer=${bob.id}`);
  await expect(annPage.getByRole("textbox", { name: "Article text" })).toBeVisible();
  await expect(annPage.getByRole("heading", { name: "Annotations (2)" })).toBeVisible();
  await expect(annPage.getByLabel("Layer")).toHaveCount(0);
  await annPage.close();
});
