import { Button } from '@digdir/designsystemet-react';
import { PlusIcon, TrashIcon } from '@navikt/aksel-icons';
import type { ReactNode } from 'react';

import styles from './repeatable-list.module.css';

type Props<T> = {
  items: readonly T[];
  /** A stable key per item (react-hook-form's field id). */
  keyOf: (item: T, index: number) => string;
  render: (item: T, index: number) => ReactNode;
  addLabel: string;
  removeLabel: (index: number) => string;
  onAdd: () => void;
  onRemove: (index: number) => void;
  /** No more than this many; the add button goes. */
  max?: number;
  /** At least this many; the remove buttons go at it. */
  min?: number;
  /** The id of the list (the error summary links a group's error here). */
  id?: string;
  /** Each item framed as a card. */
  framed?: boolean;
};

/** A group of fields the user may repeat (goals, diagnoses, lower levels): an ordered list with remove and add. */
export function RepeatableList<T>({ items, keyOf, render, addLabel, removeLabel, onAdd, onRemove, max = Infinity, min = 0, id, framed }: Props<T>) {
  return (
    <>
      {items.length > 0 ? (
        <ol className={styles.list} id={id}>
          {items.map((item, index) => (
            <li key={keyOf(item, index)} className={framed ? `${styles.item} ${styles.framed}` : styles.item}>
              {render(item, index)}
              {items.length > min ? (
                <Button variant="tertiary" data-size="sm" onClick={() => onRemove(index)}>
                  <TrashIcon aria-hidden fontSize="1.25em" />
                  {removeLabel(index)}
                </Button>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
      {items.length < max ? (
        <Button variant="secondary" className={styles.button} onClick={onAdd}>
          <PlusIcon aria-hidden fontSize="1.25em" />
          {addLabel}
        </Button>
      ) : null}
    </>
  );
}
