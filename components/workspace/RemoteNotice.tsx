"use client";
// What a colleague just did to the annotation open in the details panel ("Changed by Alice just
// now.", "Deleted by Alice."): a polite live region, always rendered so that screen readers
// announce the text when it appears.

export interface RemoteNoticeProps {
  text: string | null;
  onDismiss: () => void;
}

export function RemoteNotice({ text, onDismiss }: RemoteNoticeProps) {
  return (
    <div role="status" className={text ? "remote-notice" : "remote-notice-empty"}>
      {text && (
        <>
          <span>{text}</span>{" "}
          <button type="button" className="link" onClick={onDismiss}>
            Dismiss<span className="visually-hidden"> notice</span>
          </button>
        </>
      )}
    </div>
  );
}
