// The project pages as an analyst uses them: the header and tabs, importing documents (pasted, from
// an HTML page, a 5 MB file), managing speakers and members, what a viewer and a stranger see, and
// a phone-sized window. Each test signs up its own user, so tests never share state.

import { expect, request as playwrightRequest, test, type Page } from "@playwright/test";

const PASSWORD = "a long enough password";

function uniqueEmail(who: string): string {
  return `${who}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.org`;
}

async function signUp(page: Page, name: string): Promise<string> {
  const email = uniqueEmail(name.split(" ")[0]!.toLowerCase());
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page.getByRole("heading", { name: "Your projects" })).toBeVisible();
  return email;
}

/** Creates a project from the home page; returns its id, with the browser on its Documents tab. */
async function createProject(page: Page, name: string): Promise<string> {
  await page.getByLabel("Project name").fill(name);
  await page.getByRole("button", { name: "Create project" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const match = /\/projects\/([^/?#]+)$/.exec(new URL(page.url()).pathname);
  expect(match).not.toBeNull();
  return decodeURIComponent(match![1]!);
}

/** Signs up a second person through the API, in a request context of their own. */
async function signUpElsewhere(baseURL: string, name: string) {
  const context = await playwrightRequest.newContext({ baseURL });
  const email = uniqueEmail(name.split(" ")[0]!.toLowerCase());
  const response = await context.post("/api/v1/auth/sign-up", { data: { email, password: PASSWORD, name } });
  expect(response.status()).toBe(201);
  return { context, email, name };
}

function documentIdFromUrl(page: Page): string {
  const match = /\/documents\/([^/?#]+)$/.exec(new URL(page.url()).pathname);
  expect(match).not.toBeNull();
  return decodeURIComponent(match![1]!);
}

/** Code points, as the API counts (without spreading a 5 MB string into an array). */
const codePoints = (text: string) => text.length - (text.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g)?.length ?? 0);

test("the project header, tabs, and importing a document by pasting its text", async ({ page }) => {
  await signUp(page, "Ada Analyst");
  const projectId = await createProject(page, "Election coverage");

  await expect(page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Projects" })).toHaveAttribute("href", "/");
  await expect(page.getByText("Your role: Owner")).toBeVisible();
  const tabs = page.getByRole("navigation", { name: "Project sections" });
  await expect(tabs.getByRole("link", { name: "Documents" })).toHaveAttribute("aria-current", "page");
  await expect(tabs.getByRole("link", { name: "Speakers" })).not.toHaveAttribute("aria-current");
  await expect(page.getByText("No documents yet.")).toBeVisible();

  // An API error is shown as the API words it, naming the field by its label.
  const form = page.getByRole("form", { name: "Import document" });
  await form.getByLabel("Title").fill("Minister promises action");
  const text = "The minister said on Friday that the government “will act within days”.\nOfficials 🚢 reacted.";
  await form.getByLabel("Text", { exact: true }).fill(text);
  await form.getByLabel("Source URL").fill("ftp://example.org/story");
  await form.getByRole("button", { name: "Import document" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Invalid input: sourceUrl. Source URL: must be an http(s) URL.");

  // While the import is under way, the form says so and cannot be sent twice.
  await form.getByLabel("Source URL").fill("https://www.example.org/news/minister");
  await form.getByLabel("Published date").fill("2024-03-01");
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(`**/api/v1/projects/${projectId}/documents`, async (route) => {
    await held;
    await route.continue();
  });
  await form.getByRole("button", { name: "Import document" }).click();
  await expect(form.getByRole("button", { name: "Importing…" })).toBeDisabled();
  await expect(form.getByLabel("Title")).toBeDisabled();
  await expect(form.getByRole("status")).toHaveText("Importing “Minister promises action”…");
  release();

  await expect(page).toHaveURL(/\/documents\/[^/]+$/);
  await expect(page.getByRole("heading", { name: "Minister promises action" })).toBeVisible();
  const documentId = documentIdFromUrl(page);
  const stored = await (await page.request.get(`/api/v1/documents/${documentId}`)).json();
  expect(stored).toMatchObject({
    title: "Minister promises action",
    text,
    sourceUrl: "https://www.example.org/news/minister",
    publishedAt: "2024-03-01T00:00:00.000Z",
  });

  await page.goto(`/projects/${projectId}`);
  const row = page.getByRole("table", { name: "Documents" }).getByRole("row", { name: /Minister promises action/ });
  await expect(row.getByRole("link", { name: "Minister promises action" })).toHaveAttribute("href", `/documents/${documentId}`);
  await expect(row.getByRole("cell", { name: `${codePoints(text)} characters` })).toBeVisible();
  await expect(row.getByRole("cell", { name: "1 Mar 2024" })).toBeVisible();
  await expect(row.getByRole("link", { name: "example.org" })).toHaveAttribute("href", "https://www.example.org/news/minister");

  await tabs.getByRole("link", { name: "Speakers" }).click();
  await expect(tabs.getByRole("link", { name: "Speakers" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("heading", { level: 2, name: "Speakers" })).toBeVisible();
  await tabs.getByRole("link", { name: "Members" }).click();
  await expect(tabs.getByRole("link", { name: "Members" })).toHaveAttribute("aria-current", "page");
  await page.getByRole("link", { name: "Projects" }).click();
  await expect(page.getByRole("link", { name: "Election coverage" })).toBeVisible();
});

test("importing an HTML file: markup, scripts and styles are dropped, entities decoded", async ({ page }) => {
  await signUp(page, "Hana Html");
  const projectId = await createProject(page, "Saved pages");

  const html = `<!DOCTYPE html>
<html><head>
  <meta charset="utf-8">
  <title>Minister: &ldquo;We will act&rdquo;</title>
  <style>body { color: red } p::after { content: "</p>STYLE-LEAK" }</style>
  <script>var leak = "</p><p>SCRIPT-LEAK</p>"; if (1 < 2) document.title = "x";</script>
</head>
<body>
  <h1>Minister: “We will act”</h1>
  <p class="lede" data-note="a > b">Tom &amp; Jerry &mdash; said &lsquo;no&rsquo; &#128674; &#x1F44D;&nbsp;today&hellip;</p>
  <ul><li>One<ul><li>Nested</li></ul></li><li>Two</li></ul>
  <p>&lt;b&gt;not bold&lt;/b&gt; 中文 مرحبا</p>
  <script>document.write("<p>SCRIPT-LEAK-2</p>")</script>
</body></html>`;
  const expected = [
    "Minister: “We will act”",
    "Tom & Jerry — said ‘no’ 🚢 👍 today…",
    "One",
    "Nested",
    "Two",
    "<b>not bold</b> 中文 مرحبا",
  ].join("\n");

  const form = page.getByRole("form", { name: "Import document" });
  await form.getByLabel("Upload file").setInputFiles({ name: "minister.html", mimeType: "text/html", buffer: Buffer.from(html) });
  await expect(form.getByRole("status")).toContainText("Read “minister.html”");
  await expect(form.getByLabel("Title")).toHaveValue("Minister: “We will act”");
  await expect(form.getByLabel("Text", { exact: true })).toHaveValue(expected);
  await form.getByRole("button", { name: "Import document" }).click();

  await expect(page.getByRole("heading", { name: "Minister: “We will act”" })).toBeVisible();
  const stored = await (await page.request.get(`/api/v1/documents/${documentIdFromUrl(page)}`)).json();
  expect(stored.text).toBe(expected);
  expect(stored.text).not.toMatch(/LEAK|color|<p>|&amp;|&#/);

  // Markdown and plain text are imported as they are, titled by the file name, not by their first line;
  // a title typed before choosing the file is kept.
  await page.goto(`/projects/${projectId}`);
  await expect(page.getByRole("link", { name: "Minister: “We will act”" })).toBeVisible();
  const markdown = "# Heading\n\n<p>Markdown stays *as it is*.</p>\n";
  await form.getByLabel("Upload file").setInputFiles({ name: "notes.md", mimeType: "text/markdown", buffer: Buffer.from(markdown) });
  await expect(form.getByLabel("Title")).toHaveValue("notes");
  await expect(form.getByLabel("Text", { exact: true })).toHaveValue(markdown);
  await form.getByLabel("Title").fill("My own title");
  await form
    .getByLabel("Upload file")
    .setInputFiles({ name: "first-line.txt", mimeType: "text/plain", buffer: Buffer.from("First line\nSecond") });
  await expect(form.getByLabel("Text", { exact: true })).toHaveValue("First line\nSecond");
  await expect(form.getByLabel("Title")).toHaveValue("My own title");

  // A file of another type is refused before anything is sent.
  await form.getByLabel("Upload file").setInputFiles({ name: "report.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4") });
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("“report.pdf” is not a .txt, .md, .html or .htm file.");
});

test("importing a 5 MB text file", async ({ page }) => {
  await signUp(page, "Lars Large");
  await createProject(page, "Long reads");

  const lines: string[] = [];
  let size = 0;
  for (let i = 0; size < 5 * 1024 * 1024; i++) {
    const line = `Paragraph ${i}: “quoted” words, 中文, 🚢 and some more ordinary words to make up the length of a line.`;
    lines.push(line);
    size += Buffer.byteLength(line) + 1;
  }
  const text = lines.join("\n");
  const form = page.getByRole("form", { name: "Import document" });
  await form.getByLabel("Upload file").setInputFiles({ name: "big-article.txt", mimeType: "text/plain", buffer: Buffer.from(text) });
  await expect(form.getByLabel("Title")).toHaveValue("big-article");
  await expect(form.getByRole("status")).toContainText(`${codePoints(text).toLocaleString("en")} characters`);
  await form.getByRole("button", { name: "Import document" }).click();

  await expect(page).toHaveURL(/\/documents\/[^/]+$/, { timeout: 30_000 });
  const stored = await (await page.request.get(`/api/v1/documents/${documentIdFromUrl(page)}`)).json();
  expect(stored.length).toBe(codePoints(text));
  expect(stored.text === text).toBe(true); // not toBe: a failure would print 5 MB twice
});

test("speakers: create with aliases, search, edit in place, Esc cancels, duplicate names refused", async ({ page }) => {
  await signUp(page, "Sam Speakers");
  const projectId = await createProject(page, "Press briefings");
  await page.getByRole("navigation", { name: "Project sections" }).getByRole("link", { name: "Speakers" }).click();
  await expect(page.getByText("No speakers yet.")).toBeVisible();

  const create = page.getByRole("form", { name: "New speaker" });
  await create.getByLabel("Name").fill("Zhao Lijian");
  await create.getByLabel("Aliases").fill("Zhao, 赵立坚");
  await create.getByLabel("Description").fill("Spokesperson, Ministry of Foreign Affairs");
  await create.getByRole("button", { name: "Add speaker" }).click();
  await expect(page.getByRole("main").getByRole("status").filter({ hasText: "Added Zhao Lijian." })).toBeVisible();
  await expect(create.getByLabel("Name")).toHaveValue("");

  await create.getByLabel("Name").fill("World Health Organization");
  await create.getByLabel("Kind").selectOption({ label: "Organization" });
  await create.getByLabel("Aliases").fill("WHO");
  await create.getByRole("button", { name: "Add speaker" }).click();

  const table = page.getByRole("table", { name: "Speakers" });
  const zhao = table.getByRole("row", { name: /Zhao Lijian/ });
  const who = table.getByRole("row", { name: /World Health Organization/ });
  await expect(who.getByRole("cell", { name: "Organization", exact: true })).toBeVisible();
  await expect(zhao.getByRole("cell", { name: "Person", exact: true })).toBeVisible();
  await expect(zhao.getByRole("listitem")).toHaveText(["Zhao", "赵立坚"]);
  await expect(zhao.getByRole("cell", { name: "Spokesperson, Ministry of Foreign Affairs", exact: true })).toBeVisible();
  await expect(zhao.getByRole("cell", { name: "0", exact: true })).toBeVisible();

  // Search by alias, any case.
  const search = page.getByLabel("Search speakers");
  await search.fill("who");
  await expect(table.getByRole("row")).toHaveCount(2); // header + WHO
  await expect(who).toBeVisible();
  await search.fill("赵立");
  await expect(zhao).toBeVisible();
  await expect(who).toBeHidden();
  await search.fill("nobody");
  await expect(page.getByText("No speaker’s name or alias contains “nobody”.")).toBeVisible();
  await search.fill("");

  // Esc cancels an edit and gives focus back to its Edit button.
  await page.getByRole("button", { name: "Edit Zhao Lijian" }).click();
  const edit = page.getByRole("form", { name: "Edit Zhao Lijian" });
  await expect(edit.getByLabel("Name")).toBeFocused();
  await expect(edit.getByLabel("Aliases")).toHaveValue("Zhao, 赵立坚");
  await edit.getByLabel("Aliases").fill("changed but cancelled");
  await page.keyboard.press("Escape");
  await expect(edit).toBeHidden();
  await expect(page.getByRole("button", { name: "Edit Zhao Lijian" })).toBeFocused();
  await expect(zhao.getByRole("listitem")).toHaveText(["Zhao", "赵立坚"]);

  // Save.
  await page.getByRole("button", { name: "Edit Zhao Lijian" }).click();
  await edit.getByLabel("Aliases").fill("Zhao, 赵立坚, Lijian Zhao");
  await edit.getByLabel("Description").fill("Former spokesperson");
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(edit).toBeHidden();
  await expect(zhao.getByRole("listitem")).toHaveText(["Zhao", "赵立坚", "Lijian Zhao"]);
  await expect(zhao.getByRole("cell", { name: "Former spokesperson", exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Edit Zhao Lijian" })).toBeFocused();
  const listed = await (await page.request.get(`/api/v1/projects/${projectId}/speakers?q=lijian`)).json();
  expect(listed.speakers).toMatchObject([
    { name: "Zhao Lijian", aliases: ["Zhao", "赵立坚", "Lijian Zhao"], kind: "person", description: "Former spokesperson" },
  ]);

  // The same name in another case is the same speaker: 409, shown as the API words it.
  await create.getByLabel("Name").fill("zhao  LIJIAN");
  await create.getByRole("button", { name: "Add speaker" }).click();
  await expect(create.getByRole("alert")).toHaveText('A speaker named "zhao LIJIAN" already exists in this project.');

  // Renaming onto an existing name is refused too, and the edit stays open to fix it.
  await page.getByRole("button", { name: "Edit World Health Organization" }).click();
  const editWho = page.getByRole("form", { name: "Edit World Health Organization" });
  await editWho.getByLabel("Name").fill("Zhao Lijian");
  await editWho.getByRole("button", { name: "Save" }).click();
  await expect(editWho.getByRole("alert")).toHaveText('A speaker named "Zhao Lijian" already exists in this project.');
  await editWho.getByRole("button", { name: "Cancel" }).click();
  await expect(who).toBeVisible();
});

test("members: add by email, change a role, keep an owner, remove after confirming", async ({ page, baseURL }) => {
  await signUp(page, "Olga Owner");
  const projectId = await createProject(page, "Shared desk");
  const vera = await signUpElsewhere(baseURL!, "Vera Colleague");

  await page.getByRole("navigation", { name: "Project sections" }).getByRole("link", { name: "Members" }).click();
  const table = page.getByRole("table", { name: "Members" });
  await expect(table.getByRole("row", { name: /Olga Owner/ })).toBeVisible();

  // Inviting answers the same whether or not the address has an account; joining takes consent.
  const add = page.getByRole("form", { name: "Invite someone" });
  const stranger = uniqueEmail("nobody");
  await add.getByLabel("Email").fill(stranger);
  await add.getByRole("button", { name: "Invite" }).click();
  await expect(
    page
      .getByRole("main")
      .getByRole("status")
      .filter({ hasText: `Invited ${stranger} as annotator.` }),
  ).toBeVisible();
  await page.getByRole("button", { name: `Cancel the invitation to ${stranger}` }).click();
  await expect(
    page
      .getByRole("main")
      .getByRole("status")
      .filter({ hasText: `Cancelled the invitation to ${stranger}.` }),
  ).toBeVisible();

  await add.getByLabel("Email").fill(vera.email);
  await add.getByLabel("Role", { exact: true }).selectOption({ label: "Viewer" });
  await add.getByRole("button", { name: "Invite" }).click();
  await expect(page.getByRole("list", { name: "Open invitations" }).getByText(vera.email)).toBeVisible();
  expect((await vera.context.get(`/api/v1/projects/${projectId}`)).status()).toBe(404); // not until she accepts
  const waiting = await (await vera.context.get("/api/v1/me/invitations")).json();
  expect((await vera.context.post(`/api/v1/invitations/${waiting.invitations[0].id}/accept`)).status()).toBe(200);
  await page.reload();
  const veraRow = table.getByRole("row", { name: /Vera Colleague/ });
  await expect(veraRow.getByRole("cell", { name: vera.email })).toBeVisible();
  await expect(page.getByLabel("Role of Vera Colleague")).toHaveValue("viewer");
  await expect((await vera.context.get(`/api/v1/projects/${projectId}`)).status()).toBe(200);

  // A role is saved as soon as it is picked.
  await page.getByLabel("Role of Vera Colleague").selectOption({ label: "Reviewer" });
  await expect(page.getByRole("main").getByRole("status").filter({ hasText: "Vera Colleague is now reviewer." })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Role of Vera Colleague")).toHaveValue("reviewer");
  expect((await (await vera.context.get(`/api/v1/projects/${projectId}`)).json()).role).toBe("reviewer");

  // The last owner cannot step down: the API's 409 is shown and the select goes back.
  await page.getByLabel("Role of Olga Owner").selectOption({ label: "Annotator" });
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("A project needs at least one owner; make someone else owner first.");
  await expect(page.getByLabel("Role of Olga Owner")).toHaveValue("owner");

  // Removing asks first; Cancel (or Esc) keeps the member.
  await page.getByRole("button", { name: "Remove Vera Colleague" }).click();
  const confirm = page.getByRole("group", { name: "Confirm removing Vera Colleague" });
  await expect(confirm.getByText("Remove Vera Colleague?")).toBeFocused();
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("button", { name: "Remove Vera Colleague" })).toBeFocused();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("button", { name: "Remove Vera Colleague" })).toBeFocused();

  await page.getByRole("button", { name: "Remove Vera Colleague" }).click();
  await confirm.getByRole("button", { name: "Yes, remove Vera Colleague" }).click();
  await expect(veraRow).toBeHidden();
  await expect(page.getByRole("main").getByRole("status").filter({ hasText: "Removed Vera Colleague from the project." })).toBeVisible();
  expect((await vera.context.get(`/api/v1/projects/${projectId}`)).status()).toBe(404);
  await vera.context.dispose();
});

test("a viewer sees no controls they may not use; a non-member gets 404", async ({ page, browser }) => {
  await signUp(page, "Owen Owner");
  const projectId = await createProject(page, "Read-only check");
  await page.getByRole("form", { name: "Import document" }).getByLabel("Title").fill("An article");
  await page.getByRole("form", { name: "Import document" }).getByLabel("Text", { exact: true }).fill("Some text.");
  await page.getByRole("button", { name: "Import document" }).click();
  await expect(page.getByRole("heading", { name: "An article" })).toBeVisible();
  const created = await page.request.post(`/api/v1/projects/${projectId}/speakers`, { data: { name: "Someone" } });
  expect(created.status()).toBe(201);

  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  const email = await signUp(other, "Vic Viewer");
  const response = await other.goto(`/projects/${projectId}`);
  expect(response?.status()).toBe(404);
  expect((await other.goto(`/projects/${projectId}/members`))?.status()).toBe(404);

  expect((await page.request.post(`/api/v1/projects/${projectId}/members`, { data: { email, role: "viewer" } })).status()).toBe(202);
  // The invitation waits on the invitee's home page.
  await other.goto("/");
  await other.getByRole("button", { name: "Join Read-only check" }).click();
  await expect(other.getByRole("status").filter({ hasText: "You joined Read-only check." })).toBeVisible();
  await other.goto(`/projects/${projectId}`);
  await expect(other.getByText("Your role: Viewer")).toBeVisible();
  await expect(other.getByRole("link", { name: "An article" })).toBeVisible();
  await expect(other.getByRole("form", { name: "Import document" })).toHaveCount(0);

  await other.getByRole("link", { name: "Speakers" }).click();
  await expect(other.getByRole("table", { name: "Speakers" }).getByRole("rowheader", { name: "Someone" })).toBeVisible();
  await expect(other.getByRole("form", { name: "New speaker" })).toHaveCount(0);
  await expect(other.getByRole("button", { name: /Edit/ })).toHaveCount(0);

  await other.getByRole("link", { name: "Members" }).click();
  await expect(other.getByRole("table", { name: "Members" }).getByRole("cell", { name: "Viewer", exact: true })).toBeVisible();
  await expect(other.getByRole("combobox")).toHaveCount(0);
  await expect(other.getByRole("button", { name: /Remove/ })).toHaveCount(0);
  await expect(other.getByRole("form", { name: "Add member" })).toHaveCount(0);
  await otherContext.close();
});

test("on a 375 px wide window every tab fits, tables scroll in their own box", async ({ page }) => {
  await signUp(page, "Nina Narrow");
  await createProject(page, "A project with a rather long name for a phone screen");
  const created = await page.request.post(`${new URL(page.url()).pathname.replace("/projects/", "/api/v1/projects/")}/speakers`, {
    data: { name: "Organisation with a long name", aliases: ["Alias one", "Alias two"], description: "A description ".repeat(10) },
  });
  expect(created.status()).toBe(201);
  await page.setViewportSize({ width: 375, height: 800 });

  for (const tab of ["Documents", "Speakers", "Members"]) {
    await page.getByRole("navigation", { name: "Project sections" }).getByRole("link", { name: tab }).click();
    await expect(page.getByRole("heading", { level: 2, name: tab })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${tab} tab is wider than the window`).toBe(0);
  }

  // The Members table scrolls by keyboard: its box takes focus.
  await page.getByRole("region", { name: "Members" }).focus();
  await expect(page.getByRole("region", { name: "Members" })).toBeFocused();
});
