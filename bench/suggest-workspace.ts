// Benchmark: the workspace on a 100,000-word article (the gold articles of bench/suggest-gold
// repeated) with its ≈4,300 suggestions, in headless Chromium: time from navigation until the text
// and every ghost highlight are in the page (and the same article without suggestions), and from
// Enter on a selected suggestion until its annotation's highlight is painted. Needs `npm run build`.
//   node --import tsx bench/suggest-workspace.ts [rounds]

import type { Page } from "@playwright/test";
import { benchServer, disposeBenchServer, goldTexts, launchChromium, longRead, machine, median } from "./lib";

const rounds = Number(process.argv[2] ?? 3);
const { text, words } = longRead(goldTexts().flatMap((article) => article.split("\n")));

const bench = await benchServer();
const browser = await launchChromium();
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, baseURL: bench.server.url });
  const signUp = await context.request.post("/api/v1/auth/sign-up", {
    data: { email: "analyst@example.org", password: "analyst password" },
  });
  if (signUp.status() !== 201) throw new Error("sign-up failed");
  const project = await (await context.request.post("/api/v1/projects", { data: { name: "Bench" } })).json();
  const create = async (suggest: boolean) =>
    (await (await context.request.post(`/api/v1/projects/${project.id}/documents`, { data: { title: "Long read", text, suggest } })).json())
      .id as string;
  const plain = await create(false);
  const suggested = await create(true);
  const count = (await (await context.request.get(`/api/v1/documents/${suggested}/suggestions`)).json()).suggestions.length as number;

  /** ms from navigation start until the article and `ghosts` suggestion highlights are in the page. */
  async function openTime(page: Page, documentId: string, ghosts: number): Promise<number> {
    await page.goto(`/documents/${documentId}`, { waitUntil: "commit" });
    const handle = await page.waitForFunction(
      (expected) => {
        const editor = document.querySelector(".article-text");
        if (!editor || editor.querySelectorAll("p").length < 100) return false;
        const ids = new Set(Array.from(editor.querySelectorAll("hl-suggestion"), (e) => e.getAttribute("data-suggestion-id")));
        return ids.size >= expected ? performance.now() : false;
      },
      ghosts,
      { polling: "raf", timeout: 60_000 },
    );
    return (await handle.jsonValue()) as number;
  }

  const page = await context.newPage();
  const openPlain: number[] = [];
  const openSuggested: number[] = [];
  const accept: number[] = [];
  for (let round = 0; round < rounds; round++) {
    openPlain.push(await openTime(page, plain, 0));
    openSuggested.push(await openTime(page, suggested, count - round));
    // Select the first suggestion in view, then time Enter until its annotation is painted.
    await page.getByRole("listbox", { name: "Suggestions in text order" }).getByRole("option").first().click();
    const before = await page.locator(".article-text hl-quote").count();
    const started = await page.evaluate(() => performance.now());
    await page.keyboard.press("Enter");
    const painted = await page.waitForFunction(
      (n) =>
        document.querySelectorAll(".article-text hl-quote").length > n
          ? new Promise<number>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now()))))
          : 0,
      before,
      { polling: "raf" },
    );
    accept.push(((await painted.jsonValue()) as number) - started);
    await page.waitForTimeout(500); // let the server answer before the next navigation
  }
  console.log(machine());
  console.log(`100,000-word article (${words} words), median of ${rounds}:`);
  console.log(`  open, no suggestions                 ${(median(openPlain) / 1000).toFixed(2)} s`);
  console.log(`  open, ${count} suggestions drawn      ${(median(openSuggested) / 1000).toFixed(2)} s`);
  console.log(`  Enter on a suggestion → its highlight  ${median(accept).toFixed(0)} ms`);
} finally {
  await browser.close();
  await disposeBenchServer(bench);
}
