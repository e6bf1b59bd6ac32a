import { Alert, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useRef, type ReactNode } from 'react';

import styles from './success-message.module.css';

/** The attribute the layout looks for: a page that opens with one gives it focus, not the main region. */
export const FLASH_ATTRIBUTE = 'data-flash';

/**
 * What a save achieved, at the top of the page it led to. It takes focus when it appears, so a
 * screen reader reads it and the page opens scrolled to it.
 */
export function SuccessMessage({ children, testId }: { children: ReactNode; testId?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <Alert ref={ref} data-color="success" tabIndex={-1} className={styles.message} data-testid={testId} {...{ [FLASH_ATTRIBUTE]: '' }}>
      {typeof children === 'string' ? <Paragraph>{children}</Paragraph> : children}
    </Alert>
  );
}
