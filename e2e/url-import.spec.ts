// Importing an article from its web address: the page (served here, on the loopback address the
// test server's allow-list opens) is fetched by the server, its article shown in the form to check
// and correct, then imported; a refused address says why.

import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { signUp } from "./helpers";

const NEWS_PAGE = fs.readFileSync(path.resolve(import.meta.dirname, "../tests/fixtures/news-page.html"), "utf8");
let server: http.Server;
let base: string;

test.beforeAll(async () => {
  server = http.createServer((_, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(NEWS_PAGE);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

test("an analyst fetches an article by its address, corrects the title and imports it", async ({ page }) => {
  await signUp(page, "Uma Url");
  const project = await (await page.request.post("/api/v1/projects", { data: { name: `From the web ${Date.now()}` } })).json();
  await page.goto(`/projects/${project.id}`);

  const address = page.getByLabel("From a web address");
  await address.fill("http://10.0.0.1/internal");
  await page.getByRole("button", { name: "Fetch article" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "cannot be imported" })).toContainText("private network address");

  await address.fill(`${base}/world/japan-nato`);
  await address.press("Enter");
  await expect(page.getByText(/Fetched “Japan joins NATO cyber defence centre”: [\d,]+ characters, the article only/)).toBeVisible();
  await expect(page.getByLabel("Title")).toHaveValue("Japan joins NATO cyber defence centre");
  await expect(page.getByLabel("Byline")).toHaveValue("Hana Sato");
  await expect(page.getByLabel("Published date")).toHaveValue("2022-11-07");
  await expect(page.getByLabel("Source URL")).toHaveValue(`${base}/world/japan-nato`);
  const text = page.getByLabel("Text", { exact: true });
  await expect(text).toHaveValue(/^🚢 Japan has formally joined/);
  await expect(text).not.toHaveValue(/ADVERTISEMENT|Comments \(213\)/);

  await page.getByLabel("Title").fill("Japan joins NATO's cyber centre");
  await page.getByRole("button", { name: "Import document" }).click();
  await expect(page).toHaveURL(/\/documents\/[^/?]+$/);
  await expect(page.getByRole("heading", { name: "Japan joins NATO's cyber centre" })).toBeVisible();
  await expect(page.getByText("Japan should learn lessons from history", { exact: false }).first()).toBeVisible();
  const documents = await (await page.request.get(`/api/v1/projects/${project.id}/documents`)).json();
  expect(documents.documents[0]).toMatchObject({ title: "Japan joins NATO's cyber centre", publishedAt: "2022-11-07T21:30:00.000Z" });
});
