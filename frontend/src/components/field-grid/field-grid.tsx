import type { ReactNode } from 'react';

import styles from './field-grid.module.css';

/** Fields side by side in two columns on a wide screen, one under the other on a narrow one. */
export function FieldGrid({ children, className }: { children: ReactNode; className?: string }) {
  return <div className={className ? `${styles.grid} ${className}` : styles.grid}>{children}</div>;
}
