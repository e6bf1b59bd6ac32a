import type { ComponentPropsWithoutRef } from 'react';

import styles from './visually-hidden.module.css';

/** The class for an element that screen readers read and the screen does not show. */
export const visuallyHidden = styles.hidden;

/** Text for screen readers only. */
export function VisuallyHidden({ className, ...props }: ComponentPropsWithoutRef<'span'>) {
  return <span {...props} className={className ? `${styles.hidden} ${className}` : styles.hidden} />;
}
