// Shared steps for the workspace specs: a fresh account with its own project and article, and
// selecting text in the article with the mouse the way a person would (press, drag, release).

import fs from "node:fs";
import { expect, type Page } from "@playwright/test";

export const SEED_ARTICLE = fs.readFileSync("prisma/seed/seed-article.txt", "utf8");
export const SEED_TITLE = SEED_ARTICLE.split("\n")[0] as string;

/** The first account of the install (first-run.spec.ts signs it up, so it receives the demo project). */
export const FIRST_ACCOUNT = { email: "nora@example.org", password: "nora's password" };

let counter = 0;

/** Signs up a new user in the page's browser context; the session cookie is then shared by page.request. */
export async function signUp(page: Page, name = "Analyst"): Promise<{ email: string }> {
  const email = `${name.toLowerCase().replace(/\W+/g, "")}-${Date.now()}-${++counter}-${Math.random().toString(36).slice(2, 8)}@example.org`;
  const response = await page.request.post("/api/v1/auth/sign-up", { data: { email, password: "an analyst's password", name } });
  expect(response.status()).toBe(201);
  return { email };
}

/** A project with one document, created through the API as the signed-in user; opens the workspace. */
export async function openNewDocument(
  page: Page,
  text = SEED_ARTICLE,
  title = SEED_TITLE,
): Promise<{ projectId: string; documentId: string }> {
  const project = await (await page.request.post("/api/v1/projects", { data: { name: `Workspace ${++counter}` } })).json();
  const document = await (await page.request.post(`/api/v1/projects/${project.id}/documents`, { data: { title, text } })).json();
  await page.goto(`/documents/${document.id}`);
  await expect(page.getByRole("textbox", { name: "Article text" })).toBeVisible();
  return { projectId: project.id, documentId: document.id };
}

/**
 * Drags the mouse across the first occurrence of `exact` in the article (which may cross
 * paragraphs: "\n" in `exact` stands for a paragraph break).
 */
export async function selectText(page: Page, exact: string, occurrence = 0): Promise<void> {
  const points = await page.evaluate(
    ({ exact, occurrence }) => {
      const root = document.querySelector(".article-text") as HTMLElement;
      // The article's text as the editor shows it, paragraphs joined with "\n", with a map back to DOM text nodes.
      const pieces: { node: Text; start: number }[] = [];
      let text = "";
      root.querySelectorAll("p").forEach((p, i) => {
        if (i > 0) text += "\n";
        const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          pieces.push({ node: node as Text, start: text.length });
          text += (node as Text).data;
        }
      });
      let index = -1;
      for (let i = 0, from = 0; i <= occurrence; i++) {
        index = text.indexOf(exact, from);
        from = index + 1;
      }
      if (index < 0) throw new Error(`text not found: ${exact}`);
      const locate = (offset: number) => {
        const piece = [...pieces].reverse().find((p) => p.start <= offset && offset < p.start + p.node.data.length);
        if (!piece) throw new Error(`no node at ${offset}`);
        return { node: piece.node, offset: offset - piece.start };
      };
      const rectOf = (offset: number) => {
        const { node, offset: local } = locate(offset);
        const range = document.createRange();
        // Whole code point: a surrogate pair must not be split.
        const width = node.data.codePointAt(local)! > 0xffff ? 2 : 1;
        range.setStart(node, local);
        range.setEnd(node, local + width);
        const rects = range.getClientRects();
        return rects[0] ?? range.getBoundingClientRect();
      };
      // Bring the span into view (centred) before measuring: the mouse can only reach the viewport.
      {
        const { node: startNode, offset: startOffset } = locate(index);
        const { node: endNode, offset: endOffset } = locate(index + exact.length - 1);
        const whole = document.createRange();
        whole.setStart(startNode, startOffset);
        whole.setEnd(endNode, endOffset + 1);
        const box = whole.getBoundingClientRect();
        window.scrollBy(0, box.top + box.height / 2 - window.innerHeight / 2);
      }
      const first = rectOf(index);
      const lastOffset = index + exact.length - 1;
      const lastIsLowSurrogate = /[\udc00-\udfff]/.test(text[lastOffset] ?? "");
      const last = rectOf(lastIsLowSurrogate ? lastOffset - 1 : lastOffset);
      return {
        start: { x: first.left + 1, y: first.top + first.height / 2 },
        end: { x: last.right - 1, y: last.top + last.height / 2 },
      };
    },
    { exact, occurrence },
  );
  await page.mouse.move(points.start.x, points.start.y);
  await page.mouse.down();
  await page.mouse.move((points.start.x + points.end.x) / 2, (points.start.y + points.end.y) / 2, { steps: 4 });
  await page.mouse.move(points.end.x, points.end.y, { steps: 4 });
  await page.mouse.up();
}

/** Code point offsets of `exact` in `text` (what the API must return). */
export function codePoints(text: string, exact: string, occurrence = 0): { start: number; end: number } {
  let index = -1;
  for (let i = 0, from = 0; i <= occurrence; i++) {
    index = text.indexOf(exact, from);
    from = index + 1;
  }
  if (index < 0) throw new Error(`not found: ${exact}`);
  const start = Array.from(text.slice(0, index)).length;
  return { start, end: start + Array.from(exact).length };
}

/** Selects `exact`, presses the label's key and, given a query, types it into the Speaker combobox (returned, focused). */
export async function tag(page: Page, exact: string, key: "c" | "q", speakerQuery: string | null, occurrence = 0) {
  await selectText(page, exact, occurrence);
  await expect(page.getByRole("toolbar", { name: "Tag the selection" })).toBeVisible();
  await page.keyboard.press(key);
  const speaker = page.getByRole("combobox", { name: "Speaker", exact: true });
  await expect(speaker).toBeFocused();
  if (speakerQuery) await speaker.fill(speakerQuery);
  return speaker;
}
