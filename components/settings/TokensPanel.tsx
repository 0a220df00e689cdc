"use client";
// API tokens: the list (label, created, last used, expires), creating one with a label and an
// optional expiry — its secret shown once, with a copy button — and revoking one after confirming.

import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, useTransition, type FormEvent } from "react";
import { Announcements } from "@/components/projects/Announcements";
import { InlineConfirm } from "@/components/projects/InlineConfirm";
import styles from "@/components/projects/projects.module.css";
import { TableRegion } from "@/components/projects/TableRegion";
import { api, errorMessage } from "@/components/ui/api-client";
import { useReturnFocus } from "@/components/ui/use-return-focus";
import type { TokenView } from "@/lib/auth/account";
import { formatDateTime } from "./account-format";

const EXPIRY_OPTIONS = [
  { days: "", label: "Never (until revoked)" },
  { days: "7", label: "In 7 days" },
  { days: "30", label: "In 30 days" },
  { days: "90", label: "In 90 days" },
  { days: "365", label: "In a year" },
] as const;

const tokenName = (token: Pick<TokenView, "label">) => (token.label ? `“${token.label}”` : "the unlabelled token");

export function TokensPanel({ tokens }: { tokens: TokenView[] }) {
  const router = useRouter();
  const id = useId();
  const [, startTransition] = useTransition();
  const [label, setLabel] = useState("");
  const [expiry, setExpiry] = useState("");
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<(TokenView & { token: string }) | null>(null);
  const [copied, setCopied] = useState("");
  const [confirming, setConfirming] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [error, setError] = useState<string | null>(null);
  const secretHeading = useRef<HTMLHeadingElement>(null);
  const labelInput = useRef<HTMLInputElement>(null);
  const revokeButtons = useReturnFocus(confirming !== null);

  useEffect(() => {
    if (created) secretHeading.current?.focus();
  }, [created]);

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setCreating(true);
    setError(null);
    setAnnouncement("");
    try {
      const token = await api<TokenView & { token: string }>("/api/v1/me/tokens", {
        method: "POST",
        json: { label: label.trim() || null, expiresInDays: expiry ? Number(expiry) : null },
      });
      setLabel("");
      setExpiry("");
      setCopied("");
      setCreated(token);
      startTransition(() => router.refresh());
    } catch (e) {
      setError(errorMessage(e, { label: "Label", expiresInDays: "Expires" }));
    } finally {
      setCreating(false);
    }
  }

  async function copy(secret: string) {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied("Copied to the clipboard.");
    } catch {
      setCopied("The browser did not allow copying: select the token and copy it with Ctrl+C (⌘C on a Mac).");
    }
  }

  function dismissSecret() {
    setCreated(null);
    labelInput.current?.focus();
  }

  async function revoke(token: TokenView) {
    setRevoking(token.id);
    setError(null);
    try {
      await api(`/api/v1/me/tokens/${encodeURIComponent(token.id)}`, { method: "DELETE" });
      startTransition(() => {
        setConfirming(null);
        setRevoking(null);
        setAnnouncement(`Revoked ${tokenName(token)}: it no longer works.`);
        if (created?.id === token.id) setCreated(null);
        router.refresh();
      });
    } catch (e) {
      setConfirming(null);
      setRevoking(null);
      revokeButtons.returnFocusTo(token.id);
      setError(errorMessage(e));
    }
  }

  function cancelRevoke(tokenId: string) {
    setConfirming(null);
    revokeButtons.returnFocusTo(tokenId);
  }

  return (
    <section className={styles.section} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>API tokens</h2>
      <p className={styles.hint}>
        A token lets a script or notebook use the API as you: send it as <code>Authorization: Bearer …</code>. Revoke one as soon as you no
        longer need it.
      </p>
      {tokens.length === 0 ? (
        <p className="muted">You have no API tokens.</p>
      ) : (
        <TableRegion labelledBy={`${id}-heading`}>
          <table className={styles.table} aria-labelledby={`${id}-heading`}>
            <thead>
              <tr>
                <th scope="col">Label</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">Expires</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => (
                <tr key={token.id}>
                  <th scope="row" className={styles.wide}>
                    {token.label ?? <span className="muted">no label</span>}
                  </th>
                  <td className={styles.nowrap}>{formatDateTime(token.createdAt)}</td>
                  <td className={styles.nowrap}>
                    {token.lastUsedAt ? formatDateTime(token.lastUsedAt) : <span className="muted">never</span>}
                  </td>
                  <td className={styles.nowrap}>
                    {token.expiresAt ? formatDateTime(token.expiresAt) : <span className="muted">never</span>}
                  </td>
                  <td>
                    {confirming === token.id ? (
                      <InlineConfirm
                        label={`Confirm revoking ${tokenName(token)}`}
                        question={`Revoke ${tokenName(token)}? Whatever uses it stops working at once.`}
                        confirmLabel="Yes, revoke"
                        busyLabel="Revoking…"
                        busy={revoking !== null}
                        danger
                        onConfirm={() => void revoke(token)}
                        onCancel={() => cancelRevoke(token.id)}
                      />
                    ) : (
                      <button
                        type="button"
                        className="secondary"
                        ref={revokeButtons.register(token.id)}
                        disabled={revoking !== null}
                        onClick={() => {
                          setError(null);
                          setConfirming(token.id);
                        }}
                      >
                        Revoke<span className="visually-hidden"> {tokenName(token)}</span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      <Announcements status={announcement} error={error} />

      {created && (
        <div className={`${styles.form} ${styles.secret}`} role="region" aria-labelledby={`${id}-secret-heading`}>
          <h3 id={`${id}-secret-heading`} ref={secretHeading} tabIndex={-1}>
            Your new token{created.label ? ` “${created.label}”` : ""}
          </h3>
          <p>
            <strong>Copy it now: you won’t see it again.</strong> Sourcemark keeps only a fingerprint of it. Keep it as secret as a
            password.
          </p>
          <div className={styles.field}>
            <label htmlFor={`${id}-secret`}>Token</label>
            <input
              id={`${id}-secret`}
              className={styles.code}
              readOnly
              value={created.token}
              spellCheck={false}
              onFocus={(e) => e.currentTarget.select()}
            />
          </div>
          <div className={styles.actions}>
            <button type="button" onClick={() => void copy(created.token)}>
              Copy token
            </button>
            <button type="button" className="secondary" onClick={dismissSecret}>
              Done
            </button>
            <span role="status">{copied}</span>
          </div>
        </div>
      )}

      <h3 id={`${id}-new-heading`}>New token</h3>
      <form className={styles.form} aria-labelledby={`${id}-new-heading`} onSubmit={create} aria-busy={creating}>
        <fieldset className={styles.fieldset} disabled={creating}>
          <div className={styles.fieldRow}>
            <div className={styles.field}>
              <label htmlFor={`${id}-label`}>Label</label>
              <input
                id={`${id}-label`}
                ref={labelInput}
                value={label}
                onChange={(e) => setLabel(e.target.value)}
                maxLength={200}
                autoComplete="off"
                aria-describedby={`${id}-label-hint`}
              />
              <p id={`${id}-label-hint`} className={styles.hint}>
                What the token is for, such as “notebook” (optional).
              </p>
            </div>
            <div className={styles.field}>
              <label htmlFor={`${id}-expiry`}>Expires</label>
              <select id={`${id}-expiry`} value={expiry} onChange={(e) => setExpiry(e.target.value)}>
                {EXPIRY_OPTIONS.map((option) => (
                  <option key={option.days} value={option.days}>
                    {option.label}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className={styles.actions}>
            <button type="submit">{creating ? "Creating…" : "Create token"}</button>
          </div>
        </fieldset>
      </form>
    </section>
  );
}
