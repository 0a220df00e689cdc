// A long article with more highlights than are drawn at once: the workspace draws those near the
// viewport, draws the next ones as the reader scrolls, and always draws the selected one, even
// far down the article (opened from a link with ?annotation=).

import { expect, test } from "@playwright/test";
import { signUp } from "./helpers";

const PARAGRAPHS = 400;
const line = (i: number) => `Paragraph ${i} says the ministry was right about the talks with its neighbours.`;
const TEXT = Array.from({ length: PARAGRAPHS }, (_, i) => line(i)).join("\n");

test("a long article draws the highlights near the viewport, then those scrolled to, and the selected one anywhere", async ({ page }) => {
  await signUp(page);
  const project = await (await page.request.post("/api/v1/projects", { data: { name: "Long read" } })).json();
  const document = await (
    await page.request.post(`/api/v1/projects/${project.id}/documents`, { data: { title: "A long read", text: TEXT } })
  ).json();

  // Three annotations in every paragraph (1,200: more than the workspace draws at once), imported as jsonl.
  const records: string[] = [];
  let offset = 0;
  for (let i = 0; i < PARAGRAPHS; i++) {
    const text = line(i);
    for (const word of ["ministry", "talks", "neighbours"]) {
      const start = offset + text.indexOf(word);
      records.push(
        JSON.stringify({
          documentId: document.id,
          label: word === "talks" ? "quote" : "claim",
          start,
          end: start + word.length,
          exact: word,
        }),
      );
    }
    offset += text.length + 1; // ASCII: code points are UTF-16 units
  }
  const imported = await page.request.post(`/api/v1/projects/${project.id}/import?format=jsonl`, {
    data: records.join("\n"),
    headers: { "content-type": "application/x-ndjson" },
  });
  expect(imported.status()).toBe(200);
  const annotations = (await (await page.request.get(`/api/v1/documents/${document.id}/annotations`)).json()).annotations as {
    id: string;
    start: number;
  }[];
  expect(annotations).toHaveLength(PARAGRAPHS * 3);
  const inParagraph = (i: number) => {
    const start = TEXT.indexOf(line(i));
    return annotations.filter((a) => a.start >= start && a.start < start + line(i).length);
  };
  const highlight = (id: string) => page.locator(`.article-text [data-annotation-id="${id}"]`);

  await page.goto(`/documents/${document.id}`);
  await expect(highlight(inParagraph(0)[0]!.id)).toBeVisible();
  // The end of the article is not drawn yet: far fewer elements than annotations.
  await expect(highlight(inParagraph(PARAGRAPHS - 1)[0]!.id)).toHaveCount(0);
  expect(await page.locator(".article-text [data-annotation-id]").count()).toBeLessThan(PARAGRAPHS * 3);

  // Scrolling draws the paragraphs scrolled to.
  await page.locator(".article-text p").nth(300).scrollIntoViewIfNeeded();
  for (const a of inParagraph(300)) await expect(highlight(a.id)).toBeVisible();
  // Clicking one of them selects it in the list.
  const clicked = inParagraph(300)[0]!.id;
  await highlight(clicked).click();
  await expect(page.locator('.annotation-row[aria-selected="true"]')).toHaveAttribute("data-annotation-id", clicked);

  // A link to an annotation at the end opens with it drawn, selected and in view.
  const last = inParagraph(PARAGRAPHS - 1)[2]!;
  await page.goto(`/documents/${document.id}?annotation=${last.id}`);
  await expect(highlight(last.id)).toBeInViewport();
  await expect(highlight(last.id)).toHaveClass(/hl-selected/);
});
