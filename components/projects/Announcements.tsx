// What a panel tells screen readers and sighted users after an action: a polite status line
// (always in the page, so a change to it is announced) and an error, when there is one, as an alert.

import styles from "./projects.module.css";

export function Announcements({ status, error }: { status: string; error: string | null }) {
  return (
    <>
      <p role="status" className={styles.status}>
        {status}
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </>
  );
}
