import { ErrorSummary } from '@digdir/designsystemet-react';
import { useEffect, useRef, type ComponentRef, type MouseEvent } from 'react';

import styles from './form-error-summary.module.css';

export type SummaryItem = { id: string; message: string };

/** Moves focus to the input with `id`; for a group (fieldset) to its first input. */
export function focusField(id: string): void {
  const target = document.getElementById(id);
  if (!target) return;
  const input = target.matches('input, select, textarea, button')
    ? target
    : target.querySelector<HTMLElement>('input, select, textarea, button');
  (input ?? target).focus();
  (input ?? target).scrollIntoView?.({ block: 'center' });
}

/**
 * The errors of a submitted form, each a link to its field. Designsystemet's summary takes focus
 * when it appears; give a new `attempt` on every submit so it appears (and is announced) again.
 */
export function FormErrorSummary({ heading, items, attempt }: { heading: string; items: SummaryItem[]; attempt: number }) {
  const ref = useRef<ComponentRef<typeof ErrorSummary>>(null);
  const shown = items.length > 0;
  // The element focuses itself when it connects; this covers a summary that stays connected
  // between two submits, and environments without the custom element.
  useEffect(() => {
    if (shown && attempt > 0) ref.current?.focus();
  }, [attempt, shown]);
  if (!shown) return null;
  const onClick = (event: MouseEvent<HTMLAnchorElement>, id: string) => {
    event.preventDefault();
    focusField(id);
  };
  return (
    <ErrorSummary key={attempt} ref={ref} tabIndex={-1} className={styles.summary} data-testid="error-summary">
      <ErrorSummary.Heading>{heading}</ErrorSummary.Heading>
      <ErrorSummary.List>
        {items.map((item) => (
          <ErrorSummary.Item key={item.id}>
            <ErrorSummary.Link href={`#${item.id}`} onClick={(event) => onClick(event, item.id)}>
              {item.message}
            </ErrorSummary.Link>
          </ErrorSummary.Item>
        ))}
      </ErrorSummary.List>
    </ErrorSummary>
  );
}
