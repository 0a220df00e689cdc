// Account settings: API tokens, signed-in sessions, the password.

import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import styles from "@/components/projects/projects.module.css";
import { PasswordForm } from "@/components/settings/PasswordForm";
import { SessionsPanel } from "@/components/settings/SessionsPanel";
import { TokensPanel } from "@/components/settings/TokensPanel";
import { TopBar } from "@/components/TopBar";
import { listSessions, listTokens } from "@/lib/auth/account";
import { SESSION_COOKIE } from "@/lib/auth/authenticate";
import { requirePageActor } from "@/lib/auth/current-actor";

export const metadata: Metadata = { title: "Account settings · Sourcemark" };

export default async function SettingsPage() {
  const actor = await requirePageActor();
  // The session this page is rendered for is the one marked "this browser".
  const secret = (await cookies()).get(SESSION_COOKIE)?.value ?? null;
  const [tokens, sessions] = await Promise.all([listTokens(actor), listSessions(actor, secret)]);
  return (
    <>
      <TopBar actor={actor} />
      <main className="page">
        <nav aria-label="Breadcrumb" className={styles.breadcrumb}>
          <ol>
            <li>
              <Link href="/">Projects</Link>
            </li>
            <li>Account settings</li>
          </ol>
        </nav>
        <h1>Account settings</h1>
        <p className="muted">
          Signed in as {actor.name} ({actor.email}).
        </p>
        <TokensPanel tokens={tokens} />
        <SessionsPanel sessions={sessions} />
        <PasswordForm />
      </main>
    </>
  );
}
