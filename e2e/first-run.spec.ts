// A newcomer on a fresh install: sign up, find the demo article in the demo project (its quotes and
// speakers already proposed), sign out, sign in again.

import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { FIRST_ACCOUNT } from "./helpers";

const seedTitle = fs.readFileSync("prisma/seed/seed-article.txt", "utf8").split("\n")[0] as string;

test("sign up, see the demo article, sign out, sign in", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await page.getByRole("link", { name: "Sign up" }).click();

  await page.getByLabel("Name").fill("Nora Newcomer");
  await page.getByLabel("Email").fill(FIRST_ACCOUNT.email);
  await page.getByLabel("Password").fill(FIRST_ACCOUNT.password);
  await page.getByRole("button", { name: "Sign up" }).click();

  await expect(page.getByRole("heading", { name: "Your projects" })).toBeVisible();
  await page.getByRole("link", { name: "Demo project" }).click();
  await expect(page.getByRole("link", { name: seedTitle })).toBeVisible();
  await page.getByRole("link", { name: seedTitle }).click();
  await expect(page.getByRole("heading", { name: seedTitle })).toBeVisible();
  // The demo project suggests for every document: the article's quotes and speakers are proposed.
  await expect(page.getByRole("region", { name: "Suggestions" }).getByRole("option").first()).toBeVisible();
  await expect(page.locator(".article-text hl-suggestion").first()).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();

  await page.getByLabel("Email").fill(FIRST_ACCOUNT.email);
  await page.getByLabel("Password").fill("wrong password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Email or password is wrong.");

  await page.getByLabel("Password").fill(FIRST_ACCOUNT.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Your projects" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Demo project" })).toBeVisible();
});
