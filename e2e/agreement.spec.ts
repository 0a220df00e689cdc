// The agreement page and the curation view as a reviewer meets them before anyone has marked work
// done: the tab, the empty heat map's message, the CSV link, the curation view listing the
// annotators' spans side by side and accepting one into the curated layer, and the export's layer
// choice. Then the whole flow of issue 10: the owner makes the project independent in Settings and
// assigns a document to two annotators, who annotate without seeing each other and mark it done;
// the reviewer reads the agreement summary on the dashboard and the agreement page, curates, and the
// curated export holds the gold.

import { expect, test } from "@playwright/test";
import { SEED_ARTICLE, SEED_TITLE, signUp } from "./helpers";
import { addMember, annotate, createSpeaker, signUpColleague } from "./team-helpers";

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
  // The dashboard's summary says what it waits for.
  await expect(page.getByText("Agreement appears when two annotators have marked the same document done.")).toBeVisible({
    timeout: 15_000,
  });
  await page.getByRole("link", { name: "Agreement", exact: true }).click();
  // The page computes agreement on the server before it answers: slower than a tab switch when the
  // machine is busy.
  await expect(page.getByRole("heading", { name: "Agreement", level: 2 })).toBeVisible({ timeout: 15_000 });
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

test("blind double annotation: independent mode, assignment, done, agreement, curation, the gold export", async ({ page, baseURL }) => {
  await signUp(page, "Owner");
  const project = await (await page.request.post("/api/v1/projects", { data: { name: `Blind ${Date.now()}` } })).json();
  const document = await (
    await page.request.post(`/api/v1/projects/${project.id}/documents`, { data: { title: SEED_TITLE, text: SEED_ARTICLE } })
  ).json();
  const ann = await signUpColleague(baseURL!, "Ann");
  const bob = await signUpColleague(baseURL!, "Bob");
  await addMember(page.request, project.id, ann, "annotator");
  await addMember(page.request, project.id, bob, "annotator");

  // The owner switches the project to independent in Settings.
  await page.goto(`/projects/${project.id}/settings`);
  await page.getByRole("radio", { name: /Independent/ }).check();
  await expect(page.getByRole("status").filter({ hasText: "Saved: annotators and viewers now see only their own" })).toBeVisible();
  expect((await (await page.request.get(`/api/v1/projects/${project.id}`)).json()).annotationMode).toBe("independent");

  // Assigned to both: one each, balanced.
  const assigned = await page.request.post(`/api/v1/projects/${project.id}/assignments`, {
    data: { perDocument: 2, userIds: [ann.id, bob.id], documentIds: [document.id] },
  });
  expect(assigned.status()).toBe(200);
  const queue = await (await ann.context.get("/api/v1/me/queue")).json();
  expect(queue.queue).toEqual([expect.objectContaining({ documentId: document.id, state: "todo" })]);

  // Both mark the same two spans; Bob gives the second a different label. Neither sees the other's.
  const speaker = await createSpeaker(page.request, project.id, "Zhao Lijian");
  const words = [...new Set(SEED_ARTICLE.split(/\s+/).filter((w) => /^\p{L}{6,}$/u.test(w)))];
  await annotate(ann.context, document.id, "quote", words[0]!, speaker.id);
  await annotate(bob.context, document.id, "quote", words[0]!, speaker.id);
  await annotate(ann.context, document.id, "claim", words[5]!, null);
  await annotate(bob.context, document.id, "quote", words[5]!, null);
  const annSees = await (await ann.context.get(`/api/v1/documents/${document.id}/annotations`)).json();
  expect(annSees.annotations).toHaveLength(2);
  expect(annSees.annotations.every((a: { author: { id: string } }) => a.author.id === ann.id)).toBe(true);
  const ownerSees = await (await page.request.get(`/api/v1/documents/${document.id}/annotations`)).json();
  expect(ownerSees.annotations).toHaveLength(4);
  for (const colleague of [ann, bob])
    expect((await colleague.context.post(`/api/v1/documents/${document.id}/done`)).status()).toBeLessThan(300);

  // The reviewer (here the owner) finds the agreement summed up on the project's dashboard (streamed
  // in after the rest of the page): both marked the same two spans, one with another label.
  await page.goto(`/projects/${project.id}`);
  const summary = page.getByRole("region", { name: "Agreement", exact: true });
  await expect(summary.getByRole("term")).toHaveText(
    ["Krippendorff's αu, all labels", "Mean pairwise overlap F1", "Documents done by two or more annotators", "Lowest agreement"],
    { timeout: 15_000 },
  );
  await expect(summary.getByRole("definition").nth(1)).toHaveText("1.000");
  await expect(summary.getByRole("definition").nth(2)).toHaveText("1");
  await expect(summary.getByRole("definition").nth(3).getByRole("link", { name: SEED_TITLE })).toBeVisible();
  await summary.getByRole("link", { name: "Open the agreement page" }).click();
  await expect(page.getByRole("img", { name: "Heat map of pairwise overlap F1" })).toBeVisible({ timeout: 15_000 });
  // Per label, streamed in last: quotes — Ann {w0}, Bob {w0, w5} → F1 2/3; claims — Ann {w5}, Bob none → 0.
  const byLabel = page.getByRole("table", { name: "By label" });
  await expect(byLabel.getByRole("row").filter({ hasText: "Quotes" })).toContainText("0.667");
  await expect(byLabel.getByRole("row").filter({ hasText: "Claims" })).toContainText("0.000");
  const documents = page.getByRole("table", { name: "Documents, least agreement first" });
  await documents.getByRole("link", { name: SEED_TITLE }).click();

  // Curation: the unanimous span at once, then Ann's version of the other.
  await expect(page.getByRole("heading", { name: `Curate: ${SEED_TITLE}` })).toBeVisible();
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Accept every unanimous span (1)" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Accepted the unanimous spans." })).toBeVisible();
  // The view reloads from the server (agreement recomputed): slower than a click when CI is busy.
  await expect(page.getByRole("heading", { name: "Curated layer (1)" })).toBeVisible({ timeout: 20_000 });
  const differing = page.getByRole("list", { name: "Span groups" }).getByRole("listitem").filter({ hasText: words[5]! }).first();
  await differing.getByRole("button", { name: "Accept" }).first().click();
  await expect(page.getByRole("heading", { name: "Curated layer (2)" })).toBeVisible();

  const gold = await page.request.get(`/api/v1/projects/${project.id}/export?format=jsonl&layer=curated`);
  const records = (await gold.text())
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line));
  expect(records.map((r) => r.text).sort()).toEqual([words[0], words[5]].sort());
  expect(records.every((r) => r.curated === true)).toBe(true);
  // Annotators never see the gold layer (the reviewer wrote it).
  expect((await (await ann.context.get(`/api/v1/documents/${document.id}/annotations`)).json()).annotations).toHaveLength(2);
});
