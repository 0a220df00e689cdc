// The agreement page and the curation view as a reviewer meets them before anyone has marked work
// done: the tab, the empty heat map's message, the CSV link, the curation view listing the
// annotators' spans side by side and accepting one into the curated layer, and the export's layer
// choice. The full flow (two annotators mark done, unanimous curation, the gold export) needs the
// assignments routes (done), which come with another change; tests/integration/agreement.test.ts
// covers it through the API meanwhile.

import { expect, test } from "@playwright/test";
import { SEED_ARTICLE, SEED_TITLE, signUp } from "./helpers";
import { addMember, annotate, signUpColleague } from "./team-helpers";

test("a reviewer opens the agreement page and curates a document", async ({ page, baseURL }) => {
  await signUp(page, "Owner");
  const project = await (await page.request.post("/api/v1/projects", { data: { name: `Agreement ${Date.now()}` } })).json();
  const document = await (
    await page.request.post(`/api/v1/projects/${project.id}/documents`, { data: { title: SEED_TITLE, text: SEED_ARTICLE } })
  ).json();
  const ann = await signUpColleague(baseURL!, "Ann");
  const bob = await signUpColleague(baseURL!, "Bob");
  await addMember(page.request, project.id, ann, "annotator");
  await addMember(page.request, project.id, bob, "annotator");
  const words = SEED_ARTICLE.split(/\s+/).filter((w) => /^\p{L}{5,}$/u.test(w));
  await annotate(ann.context, document.id, "claim", words[0]!, null);
  await annotate(bob.context, document.id, "claim", words[0]!, null);

  await page.goto(`/projects/${project.id}`);
  await page.getByRole("link", { name: "Agreement" }).click();
  await expect(page.getByRole("heading", { name: "Agreement" })).toBeVisible();
  await expect(page.getByText("No two annotators have marked the same document done yet.")).toBeVisible();
  const csv = await page.request.get(
    await page
      .getByRole("link", { name: "Download CSV" })
      .getAttribute("href")
      .then((h) => h!),
  );
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toMatch(/^document_id,document_title,annotator_a/);

  // Annotators get no agreement.
  expect((await ann.context.get(`/api/v1/projects/${project.id}/agreement`)).status()).toBe(403);

  await page.goto(`/documents/${document.id}/curate`);
  await expect(page.getByRole("heading", { name: `Curate: ${SEED_TITLE}` })).toBeVisible();
  const group = page.getByRole("list", { name: "Span groups" }).getByRole("listitem").first();
  await expect(group).toContainText("2/2");
  await expect(page.getByRole("button", { name: "Accept every unanimous span (0)" })).toBeDisabled();
  await group.getByRole("button", { name: "Accept" }).first().click();
  await expect(page.getByRole("status").filter({ hasText: "Accepted into the curated layer." })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Curated layer (1)" })).toBeVisible();
  await expect(group.getByText("Curated ✓")).toBeVisible();

  const gold = await page.request.get(`/api/v1/projects/${project.id}/export?format=jsonl&layer=curated`);
  const lines = (await gold.text()).trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(JSON.parse(lines[0]!)).toMatchObject({ text: words[0], curated: true });
});
