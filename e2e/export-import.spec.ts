// Exports and imports from the project page: the export dialog downloads each format with the
// chosen filters; the import form uploads a file and shows which records were refused and why.

import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { codePoints, signUp } from "./helpers";

const TEXT = "🚢 Tokyo 👍🏽 — the ministry said “we will join”.\n中国外交部: =SUM(1) «test» שלום";

async function projectWithAnnotations(page: import("@playwright/test").Page) {
  const project = await (await page.request.post("/api/v1/projects", { data: { name: "Export 🚢 desk" } })).json();
  const document = await (
    await page.request.post(`/api/v1/projects/${project.id}/documents`, { data: { title: "Export article", text: TEXT } })
  ).json();
  for (const [label, exact] of [
    ["quote", "“we will join”"],
    ["claim", "=SUM(1)"],
    ["claim", "🚢 Tokyo 👍🏽"],
  ] as const) {
    const response = await page.request.post(`/api/v1/documents/${document.id}/annotations`, {
      data: { label, ...codePoints(TEXT, exact), exact },
    });
    expect(response.status()).toBe(201);
  }
  return { projectId: project.id as string, documentId: document.id as string };
}

test("the export dialog downloads CSV with filters, and brat as a zip", async ({ page }) => {
  await signUp(page);
  const { projectId } = await projectWithAnnotations(page);
  await page.goto(`/projects/${projectId}`);
  await page.getByRole("button", { name: "Export annotations" }).click();
  const dialog = page.getByRole("dialog", { name: "Export annotations" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("combobox", { name: /^Format/ }).selectOption("csv");
  await dialog.getByRole("combobox", { name: /^Label/ }).selectOption("claim");
  const [download] = await Promise.all([page.waitForEvent("download"), dialog.getByRole("button", { name: "Download" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^Export-desk-\d{4}-\d\d-\d\d\.csv$/);
  const csv = fs.readFileSync((await download.path()) as string, "utf8");
  const lines = csv.trimEnd().split("\r\n");
  expect(lines[0]).toBe(
    "annotation_id,document_id,document_title,label,quote_kind,start,end,text,speaker,note,status,author,created_at,comments,cue_start,cue_end",
  );
  expect(lines).toHaveLength(3); // header + two claims
  expect(csv).toContain(",'=SUM(1),");
  expect(csv).toContain(`,${codePoints(TEXT, "🚢 Tokyo 👍🏽").start},${codePoints(TEXT, "🚢 Tokyo 👍🏽").end},🚢 Tokyo 👍🏽,`);
  await expect(dialog.getByRole("status")).toContainText("Downloaded");

  // For data pipelines: the same rows with every cell as it is.
  await dialog.getByRole("radio", { name: /For data pipelines/ }).check();
  const [rawDownload] = await Promise.all([page.waitForEvent("download"), dialog.getByRole("button", { name: "Download" }).click()]);
  const raw = fs.readFileSync((await rawDownload.path()) as string, "utf8");
  expect(raw).toContain(",=SUM(1),");
  expect(raw).not.toContain("'=SUM(1)");

  await dialog.getByRole("combobox", { name: /^Label/ }).selectOption("");
  await dialog.getByRole("combobox", { name: /^Format/ }).selectOption("brat");
  const [zip] = await Promise.all([page.waitForEvent("download"), dialog.getByRole("button", { name: "Download" }).click()]);
  expect(zip.suggestedFilename()).toMatch(/\.zip$/);
  const bytes = fs.readFileSync((await zip.path()) as string);
  expect(bytes.subarray(0, 2).toString()).toBe("PK");
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(dialog).toBeHidden();
});

test("importing a jsonl file shows what was created and which lines were refused", async ({ page }) => {
  await signUp(page);
  const { projectId, documentId } = await projectWithAnnotations(page);
  const good = { documentId, label: "quote", ...codePoints(TEXT, "«test»"), text: "«test»", speaker: { name: "Foreign ministry" } };
  const bad = { ...good, start: good.start + 1, end: good.end + 1 };
  const file = [JSON.stringify(good), JSON.stringify(bad), "not json"].join("\n");
  await page.goto(`/projects/${projectId}`);
  await page
    .getByLabel("Annotations file")
    .setInputFiles({ name: "annotations.jsonl", mimeType: "application/x-ndjson", buffer: Buffer.from(file) });
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByText("Imported 1 annotations, 1 new speakers. 2 records were refused.")).toBeVisible();
  const table = page.getByRole("table", { name: /Refused records/ });
  await expect(table.getByRole("row")).toHaveCount(3);
  await expect(table).toContainText("line 2");
  await expect(table).toContainText("line 3");
  const annotations = (await (await page.request.get(`/api/v1/documents/${documentId}/annotations`)).json()).annotations;
  expect(annotations.map((a: { exact: string }) => a.exact)).toContain("«test»");
  expect(annotations).toHaveLength(4);
});
