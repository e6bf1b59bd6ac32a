import { Button } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';

import styles from './form-actions.module.css';

type Props = {
  submit: string;
  /** Shown on the submit button while the request runs. */
  submitting: string;
  pending: boolean;
  /** Not yet ready to send (something the form needs is still loading). */
  disabled?: boolean;
  cancel?: { to: string; label: string };
  children?: ReactNode;
};

/** The form's action bar: send, then cancel (back to where the form came from). */
export function FormActions({ submit, submitting, pending, disabled = false, cancel, children }: Props) {
  return (
    <div className={styles.actions}>
      <Button type="submit" loading={pending} disabled={pending || disabled}>
        {pending ? submitting : submit}
      </Button>
      {children}
      {cancel ? (
        <Button asChild variant="tertiary">
          <RouterLink to={cancel.to}>{cancel.label}</RouterLink>
        </Button>
      ) : null}
    </div>
  );
}
