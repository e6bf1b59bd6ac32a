/**
 * The assessment on a tablet: the answers are saved on the server as you go (a pause in typing
 * saves them), a sticky bar shows how far along it is and whether it is saved, and leaving with
 * answers not yet saved asks first.
 */
import { Button, Dialog, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useBlocker } from 'react-router';

import { isStale } from '@/components/stale-alert/stale-alert';
import { formatDateTime } from '@/lib/dates';
import { useLocalize } from '@/lib/i18n';
import type { ApiForm } from '@/lib/use-api-form';

import type { useSaveAssessmentDraft } from '../../api/assessment-draft';
import type { AssessmentDraftRead } from '../../api/types';
import type { AssessmentFormValues } from '../../lib/assessment-form';

import styles from './assessment-form-page.module.css';

/** How long the answers rest before they are saved. */
export const AUTOSAVE_DELAY_MS = 1200;
/** After a failed save (a weak connection), the next try waits longer. */
const RETRY_DELAY_MS = 10_000;

export type DraftStatus = 'saved' | 'unsaved' | 'saving' | 'failed' | 'stale' | 'none';

export function useDraftAutosave({
  form,
  draft,
  save,
  stopped,
}: {
  form: ApiForm<AssessmentFormValues>;
  draft: AssessmentDraftRead | null;
  save: ReturnType<typeof useSaveAssessmentDraft>;
  /** The assessment is recorded: nothing more to save. */
  stopped: boolean;
}) {
  const values = form.watch();
  const serialized = JSON.stringify(values);
  const [savedSerialized, setSavedSerialized] = useState(serialized);
  const [savedAt, setSavedAt] = useState<string | null>(draft?.saved_at ?? null);
  const [stale, setStale] = useState(false);
  const [failed, setFailed] = useState(false);
  const [recorded, setRecorded] = useState(false);
  const version = useRef(draft?.version ?? 0);
  const unsaved = !stopped && !recorded && serialized !== savedSerialized;
  const { mutate, isPending } = save;

  useEffect(() => {
    if (!unsaved || isPending || stale) return undefined;
    const timer = setTimeout(() => {
      const content = JSON.parse(serialized) as Record<string, unknown>;
      mutate(
        { version: version.current, content },
        {
          onSuccess: (stored) => {
            version.current = stored.version;
            setSavedSerialized(serialized);
            setSavedAt(stored.saved_at);
            setFailed(false);
          },
          onError: (error) => {
            if (isStale(error)) setStale(true);
            else setFailed(true);
          },
        },
      );
    }, failed ? RETRY_DELAY_MS : AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [serialized, unsaved, isPending, stale, failed, mutate]);

  useEffect(() => {
    if (!unsaved) return undefined;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);

  const status: DraftStatus = stale ? 'stale' : isPending ? 'saving' : failed ? 'failed' : unsaved ? 'unsaved' : savedAt ? 'saved' : 'none';
  return { status, savedAt, stale, unsaved, markRecorded: () => setRecorded(true) };
}

/** Asks before leaving the page (inside the app) while answers are not yet saved. */
export function LeaveGuard({ when }: { when: boolean }) {
  const { t } = useTranslation();
  const blocker = useBlocker(({ currentLocation, nextLocation }) => when && currentLocation.pathname !== nextLocation.pathname);
  if (blocker.state !== 'blocked') return null;
  return (
    <Dialog open onClose={() => blocker.reset()} closeButton={t('intake.decision.confirm.close')} aria-labelledby="leave-heading" data-testid="leave-confirm">
      <Dialog.Block>
        <Heading level={2} data-size="xs" id="leave-heading">
          {t('intake.assessment.leaveTitle')}
        </Heading>
      </Dialog.Block>
      <Dialog.Block>
        <Paragraph>{t('intake.assessment.leaveBody')}</Paragraph>
        <div className={styles.next}>
          <Button onClick={() => blocker.reset()}>{t('intake.assessment.leaveStay')}</Button>
          <Button variant="secondary" onClick={() => blocker.proceed()}>
            {t('intake.assessment.leaveGo')}
          </Button>
        </div>
      </Dialog.Block>
    </Dialog>
  );
}

/** The sticky bar under the form: progress, whether the answers are saved, and «Lagre kartleggingen». */
export function SaveBar({
  progress,
  status,
  savedAt,
  pending,
  disabled,
  cancelTo,
}: {
  progress: { answered: number; total: number };
  status: DraftStatus;
  savedAt: string | null;
  pending: boolean;
  disabled: boolean;
  cancelTo: string;
}) {
  const { t } = useTranslation();
  const { language } = useLocalize();
  const statusText =
    status === 'saved' && savedAt
      ? t('intake.assessment.draftSaved', { time: formatDateTime(savedAt, language) })
      : status === 'none'
        ? t('intake.assessment.draftNone')
        : t(`intake.assessment.draftStatus.${status as 'saving'}`);
  return (
    <div className={styles.saveBar} data-testid="save-bar">
      <div className={styles.progress}>
        <progress id="assessment-progress" value={progress.answered} max={progress.total} aria-label={t('intake.assessment.progressLabel')} />
        <span data-testid="assessment-progress">{t('intake.assessment.progress', progress)}</span>
      </div>
      <span role="status" className={status === 'failed' || status === 'stale' ? styles.draftWarning : styles.draftStatus} data-testid="draft-status" data-status={status}>
        {statusText}
      </span>
      <div className={styles.saveButtons}>
        <Button type="submit" loading={pending} disabled={pending || disabled}>
          {pending ? t('intake.assessment.submitting') : t('intake.assessment.submit')}
        </Button>
        <Button asChild variant="tertiary">
          <RouterLink to={cancelTo}>{t('intake.form.cancel')}</RouterLink>
        </Button>
      </div>
    </div>
  );
}
