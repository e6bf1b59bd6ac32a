import { Paragraph, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';

import { formatDate, osloToday } from '@/lib/dates';
import { useLocalize } from '@/lib/i18n';

import type { TimelineEntry } from '../../api/types';
import { Deadline } from '../deadline/deadline';

import styles from './timeline.module.css';

const APPLICATION_STATUSES = ['received', 'in_assessment', 'decided', 'withdrawn'] as const;
const NEED_LEVELS = ['limited', 'moderate_to_large', 'extensive'] as const;
const OUTCOMES = ['granted', 'partly_granted', 'refused'] as const;

/** `decision.granted` → `granted`, for the outcome the kind names. */
const decisionOutcome = (kind: string) => (kind.startsWith('decision.') ? kind.slice('decision.'.length) : null);

const isOneOf = <T extends string>(values: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (values as readonly string[]).includes(value);

function EntryLabel({ entry }: { entry: TimelineEntry }) {
  const { t } = useTranslation();
  switch (entry.kind) {
    case 'application.received':
      return <>{t('intake.timeline.kind.applicationReceived')}</>;
    case 'application.interim_reply_due':
      return <>{t('intake.timeline.kind.interimReplyDue')}</>;
    case 'assessment.completed':
      return <>{t('intake.timeline.kind.assessmentCompleted')}</>;
    case 'appeal.received':
      return <>{t('intake.timeline.kind.appealReceived')}</>;
    case 'appeal.forwarded':
      return <>{t('intake.timeline.kind.appealForwarded')}</>;
    case 'decision.delivered':
      return <>{t('intake.timeline.kind.decisionDelivered')}</>;
    case 'decision.evaluated':
      return <>{t('intake.timeline.kind.decisionEvaluated')}</>;
    case 'decision.ended':
      return <>{t('intake.timeline.kind.decisionEnded')}</>;
    default:
      if (entry.kind.startsWith('appeal.outcome.')) return <>{t('intake.timeline.kind.appealOutcome')}</>;
      return entry.kind.startsWith('decision.') ? <>{t('intake.timeline.kind.decision')}</> : <>{t('intake.timeline.kind.other')}</>;
  }
}

function EntryStatus({ entry }: { entry: TimelineEntry }) {
  const { t } = useTranslation();
  const outcome = decisionOutcome(entry.kind);
  if (isOneOf(OUTCOMES, outcome)) {
    return (
      <Tag data-size="sm" data-color={outcome === 'refused' ? 'danger' : 'success'}>
        {t(`intake.decisionOutcome.${outcome}`)}
      </Tag>
    );
  }
  const status = entry.status;
  if (!status) return null;
  if (entry.kind === 'application.received' && isOneOf(APPLICATION_STATUSES, status)) {
    return (
      <Tag data-size="sm" data-color="neutral">
        {t(`intake.applicationStatus.${status}`)}
      </Tag>
    );
  }
  if (entry.kind === 'assessment.completed' && isOneOf(NEED_LEVELS, status)) {
    return (
      <Tag data-size="sm" data-color="neutral">
        {t(`intake.needLevel.${status}`)}
      </Tag>
    );
  }
  return null;
}

/** The person's case history, oldest first; an interim reply due is shown as a deadline. */
export function Timeline({ entries, today = osloToday() }: { entries: TimelineEntry[]; today?: string }) {
  const { t } = useTranslation();
  const { language } = useLocalize();
  if (entries.length === 0) return <Paragraph>{t('intake.timeline.empty')}</Paragraph>;
  return (
    <ol className={styles.timeline} data-testid="timeline">
      {entries.map((entry) => {
        const isDeadline = entry.kind === 'application.interim_reply_due';
        return (
          <li
            key={`${entry.kind}-${entry.id}-${entry.on}`}
            className={isDeadline ? `${styles.entry} ${styles.deadline}` : styles.entry}
            data-kind={entry.kind}
          >
            <span className={styles.marker} aria-hidden="true" />
            <div className={styles.body}>
              {isDeadline ? (
                <span className={styles.date}>
                  <Deadline due={entry.on} sent={entry.status === 'sent'} today={today} />
                </span>
              ) : (
                <time dateTime={entry.on} className={styles.date}>
                  {formatDate(entry.on, language)}
                </time>
              )}
              <span className={styles.title}>
                <EntryLabel entry={entry} />
                <EntryStatus entry={entry} />
              </span>
              {entry.summary ? (
                <span className={styles.summary} lang={language === 'nb' ? undefined : 'nb'}>
                  {entry.summary}
                </span>
              ) : null}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
