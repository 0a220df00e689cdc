"use client";
// Transient messages: confirmations (role="status") and errors (role="alert"), with an optional
// action such as Undo. Each disappears after a few seconds.

import { useCallback, useMemo, useRef, useState } from "react";

export interface ToastInput {
  kind: "status" | "error";
  text: string;
  action?: { label: string; run: () => void | Promise<void> };
  timeoutMs?: number;
}

interface Toast extends ToastInput {
  id: number;
}

export interface ToastApi {
  list: Toast[];
  show: (toast: ToastInput) => void;
  dismiss: (id: number) => void;
}

export function useToasts(): ToastApi {
  const [list, setList] = useState<Toast[]>([]);
  const nextId = useRef(0);
  const dismiss = useCallback((id: number) => setList((all) => all.filter((t) => t.id !== id)), []);
  const show = useCallback(
    (toast: ToastInput) => {
      const id = ++nextId.current;
      setList((all) => [...all.slice(-3), { ...toast, id }]);
      setTimeout(() => dismiss(id), toast.timeoutMs ?? (toast.kind === "error" ? 10_000 : 4_000));
    },
    [dismiss],
  );
  return useMemo(() => ({ list, show, dismiss }), [list, show, dismiss]);
}

export function Toasts({ toasts }: { toasts: ToastApi }) {
  const errors = toasts.list.filter((t) => t.kind === "error");
  const statuses = toasts.list.filter((t) => t.kind === "status");
  const render = (toast: Toast) => (
    <div key={toast.id} className={`toast toast-${toast.kind}`}>
      <span>{toast.text}</span>
      {toast.action && (
        <button
          type="button"
          className="secondary"
          onClick={() => {
            toasts.dismiss(toast.id);
            void toast.action?.run();
          }}
        >
          {toast.action.label}
        </button>
      )}
      <button type="button" className="link" aria-label="Dismiss message" onClick={() => toasts.dismiss(toast.id)}>
        ×
      </button>
    </div>
  );
  return (
    <div className="toasts">
      <div role="alert">{errors.map(render)}</div>
      <div role="status">{statuses.map(render)}</div>
    </div>
  );
}
