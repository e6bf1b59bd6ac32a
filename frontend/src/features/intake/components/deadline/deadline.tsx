import { Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';

import { formatDate, osloToday } from '@/lib/dates';
import { useLocalize } from '@/lib/i18n';

import { deadlineState } from '../../lib/deadline';

import styles from './deadline.module.css';

type Props = {
  due: string;
  /** An application's status (`ApplicationStatus`), or another resource's. */
  status?: string | null;
  sentOn?: string | null;
  /** Sent, when the date it was sent is not known. */
  sent?: boolean;
  today?: string;
};

/** The interim reply's due date, and whether it is sent, near or missed (in words and colour). */
export function Deadline({ due, status, sentOn, sent, today = osloToday() }: Props) {
  const { t } = useTranslation();
  const { language } = useLocalize();
  const state = deadlineState(due, today, { status, sentOn, sent });
  return (
    <span className={styles.deadline}>
      <time dateTime={due}>{formatDate(due, language)}</time>
      {state.kind === 'sent' ? (
        <Tag data-color="success" data-size="sm">
          {state.on ? t('intake.deadline.sentOn', { date: formatDate(state.on, language) }) : t('intake.deadline.sent')}
        </Tag>
      ) : null}
      {state.kind === 'overdue' ? (
        <Tag data-color="danger" data-size="sm">
          {t('intake.deadline.overdue', { count: state.days })}
        </Tag>
      ) : null}
      {state.kind === 'today' ? (
        <Tag data-color="warning" data-size="sm">
          {t('intake.deadline.today')}
        </Tag>
      ) : null}
      {state.kind === 'soon' ? (
        <Tag data-color="warning" data-size="sm">
          {t('intake.deadline.daysLeft', { count: state.days })}
        </Tag>
      ) : null}
      {state.kind === 'later' ? (
        <Tag data-color="neutral" data-size="sm">
          {t('intake.deadline.daysLeft', { count: state.days })}
        </Tag>
      ) : null}
    </span>
  );
}
