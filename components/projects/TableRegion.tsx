// A table's box: on a narrow window the table scrolls sideways inside it rather than widening the
// page. The box is a labelled, focusable region so keyboard users can scroll it too.

import type { ReactNode } from "react";
import styles from "./projects.module.css";

export function TableRegion({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    <div className={styles.tableScroll} role="region" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </div>
  );
}
