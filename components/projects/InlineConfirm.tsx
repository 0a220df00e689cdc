"use client";
// A question asked in place, next to the button that led to it, before an action that cannot be
// taken back (revoke, merge, remove): it takes focus so it is read out, Esc or Cancel closes it.

import { useEffect, useRef, type ReactNode } from "react";
import styles from "./projects.module.css";

export function InlineConfirm({
  label,
  question,
  confirmLabel,
  busyLabel,
  busy,
  danger = false,
  className = "",
  onConfirm,
  onCancel,
}: {
  /** The group's accessible name ("Confirm revoking “notebook”"). */
  label: string;
  question: ReactNode;
  confirmLabel: string;
  busyLabel: string;
  busy: boolean;
  danger?: boolean;
  className?: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const questionRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => questionRef.current?.focus(), []);
  return (
    <div
      className={`${styles.confirm} ${className}`}
      role="group"
      aria-label={label}
      onKeyDown={(event) => {
        if (event.key === "Escape" && !busy) {
          event.preventDefault();
          onCancel();
        }
      }}
    >
      <p ref={questionRef} tabIndex={-1}>
        {question}
      </p>
      <button type="button" className={danger ? "danger" : undefined} disabled={busy} onClick={onConfirm}>
        {busy ? busyLabel : confirmLabel}
      </button>
      <button type="button" className="secondary" disabled={busy} onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
