import { Button, Card, Field, Heading, Label, Link, Paragraph, Select, Table, Tag } from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { z } from 'zod';

import { FormKit, TextField } from '@/components/form-kit/form-kit';
import { FormLayout } from '@/components/form-section/form-section';
import { PageLayout } from '@/components/page-layout/page-layout';
import { usePageTitle } from '@/components/page-title/use-page-title';
import { Loading, ProblemAlert } from '@/components/query-state/query-state';
import { useSession } from '@/lib/auth';
import { formatDateTime } from '@/lib/dates';
import { useLocalize } from '@/lib/i18n';
import { ApiProblem } from '@/lib/problem';
import { useApiForm } from '@/lib/use-api-form';

import { useEmergencyAccesses, useReviewEmergencyAccess, useUnusualReaders } from '../../api/emergency-access';
import type { EmergencyAccess, ReviewStatus } from '../../api/types';
import { canReviewEmergencyAccess } from '../../lib/permissions';
import { personPath } from '../../paths';

import styles from './review-page.module.css';

const FILTERS = ['pending', 'explanation_requested', 'approved', 'all'] as const;
type Filter = (typeof FILTERS)[number];

type NoteValues = { note: string };
const noteSchema: z.ZodType<NoteValues, NoteValues> = z.object({ note: z.string().refine((v) => v.trim().length > 0, 'note') });

const STATUS_COLOR: Record<ReviewStatus, 'warning' | 'success' | 'info'> = { pending: 'warning', approved: 'success', explanation_requested: 'info' };

function AskForExplanation({ access, onDone }: { access: EmergencyAccess; onDone: () => void }) {
  const { t } = useTranslation();
  const review = useReviewEmergencyAccess();
  const form = useApiForm<NoteValues>({ form: `note-${access.id}`, schema: noteSchema, initial: { note: '' }, fields: () => ['note'] });
  const message = (path: string) => (form.errorAt(path) ? t('access.errors.note') : undefined);
  const onSubmit = form.submitWith((values) =>
    review.mutate(
      { id: access.id, version: access.version, decision: 'explanation_requested', note: values.note },
      { onSuccess: onDone, onError: (error) => form.showServerErrors(error, () => 'note') },
    ),
  );
  return (
    <FormKit form={form} message={message}>
      <FormLayout onSubmit={onSubmit} aria-label={t('access.review.ask')} className={styles.noteForm}>
        <TextField name="note" label={t('access.review.note')} multiline rows={3} />
        {review.isError ? <ReviewProblem error={review.error} /> : null}
        <div className={styles.actions}>
          <Button type="submit" data-size="sm" loading={review.isPending}>
            {t('access.review.send')}
          </Button>
          <Button type="button" variant="secondary" data-size="sm" onClick={onDone}>
            {t('access.review.cancel')}
          </Button>
        </div>
      </FormLayout>
    </FormKit>
  );
}

function ReviewProblem({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (error instanceof ApiProblem && error.status === 412) return <Paragraph data-size="sm">{t('access.review.stale')}</Paragraph>;
  return <ProblemAlert error={error} />;
}

function AccessCard({ access, mine }: { access: EmergencyAccess; mine: boolean }) {
  const { t } = useTranslation();
  const { language } = useLocalize();
  const review = useReviewEmergencyAccess();
  const [asking, setAsking] = useState(false);
  const headingId = useId();
  const reviewable = access.review_status !== 'approved' && !mine;
  return (
    <Card data-color="neutral" className={styles.card} data-testid="emergency-access">
      <div className={styles.cardHead}>
        <Heading level={3} data-size="xs" id={headingId}>
          {access.actor_name || access.actor}
        </Heading>
        <Tag data-color={STATUS_COLOR[access.review_status]}>{t(`access.status.${access.review_status}`)}</Tag>
      </div>
      <dl className={styles.facts}>
        <div>
          <dt>{t('access.review.person')}</dt>
          <dd>
            <Link asChild>
              <RouterLink to={personPath(access.person_id)}>{access.person_name}</RouterLink>
            </Link>
          </dd>
        </div>
        <div>
          <dt>{t('access.review.when')}</dt>
          <dd>
            <time dateTime={access.granted_at}>{formatDateTime(access.granted_at, language)}</time>
          </dd>
        </div>
        <div>
          <dt>{t('access.review.expires')}</dt>
          <dd>
            <time dateTime={access.expires_at}>{formatDateTime(access.expires_at, language)}</time>
          </dd>
        </div>
        <div>
          <dt>{t('access.review.category')}</dt>
          <dd>{t(`access.category.${access.category}`)}</dd>
        </div>
        <div className={styles.wideFact}>
          <dt>{t('access.review.reason')}</dt>
          <dd lang="nb">{access.reason}</dd>
        </div>
        {access.review_note ? (
          <div className={styles.wideFact}>
            <dt>{t('access.review.note')}</dt>
            <dd lang="nb">{access.review_note}</dd>
          </div>
        ) : null}
      </dl>
      {access.reviewed_by_name ? <Paragraph data-size="sm">{t('access.review.reviewedBy', { name: access.reviewed_by_name })}</Paragraph> : null}
      {reviewable && !asking ? (
        <div className={styles.actions} role="group" aria-labelledby={headingId}>
          <Button data-size="sm" onClick={() => review.mutate({ id: access.id, version: access.version, decision: 'approved' })} loading={review.isPending}>
            {t('access.review.approve')}
          </Button>
          {access.review_status === 'pending' ? (
            <Button data-size="sm" variant="secondary" onClick={() => setAsking(true)}>
              {t('access.review.ask')}
            </Button>
          ) : null}
        </div>
      ) : null}
      {review.isError ? <ReviewProblem error={review.error} /> : null}
      {asking ? <AskForExplanation access={access} onDone={() => setAsking(false)} /> : null}
    </Card>
  );
}

function UnusualReaders() {
  const { t } = useTranslation();
  const readers = useUnusualReaders();
  const captionId = useId();
  const threshold = readers.data?.[0]?.threshold;
  return (
    <section aria-labelledby="unusual-heading" className={styles.section}>
      <Heading level={2} data-size="sm" id="unusual-heading">
        {t('access.review.unusualHeading')}
      </Heading>
      {readers.isPending ? <Loading /> : null}
      {readers.isError ? <ProblemAlert error={readers.error} onRetry={() => void readers.refetch()} /> : null}
      {readers.isSuccess && readers.data.length === 0 ? <Paragraph>{t('access.review.unusualEmpty')}</Paragraph> : null}
      {readers.isSuccess && readers.data.length > 0 ? (
        <>
          {threshold !== undefined ? <Paragraph data-size="sm">{t('access.review.unusualHelp', { threshold })}</Paragraph> : null}
          <div className={styles.tableWrap} role="region" aria-labelledby={captionId} tabIndex={0}>
            <Table zebra data-size="sm" data-testid="unusual-readers">
              <caption id={captionId} className={styles.caption}>
                {t('access.review.unusualCaption')}
              </caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t('access.review.who')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('access.review.persons')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {readers.data.map((reader) => (
                  <Table.Row key={reader.actor}>
                    <Table.Cell>{reader.actor_name || reader.actor}</Table.Cell>
                    <Table.Cell>{reader.persons}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        </>
      ) : null}
    </section>
  );
}

/** /tilgang/nodtilgang: the leader's review of emergency accesses, with unusual reading beside it. */
export function ReviewPage() {
  const { t } = useTranslation();
  const session = useSession();
  const roles = session?.user.roles ?? [];
  const allowed = canReviewEmergencyAccess(roles);
  const [filter, setFilter] = useState<Filter>('pending');
  const accesses = useEmergencyAccesses(filter);
  usePageTitle(t('access.review.title'));
  const filterId = useId();

  if (!allowed) {
    return (
      <PageLayout title={t('intake.noAccess.title')}>
        <Paragraph>{t('intake.noAccess.read')}</Paragraph>
      </PageLayout>
    );
  }
  return (
    <PageLayout title={t('access.review.title')} lead={t('access.review.intro')} wide>
      <div className={styles.columns}>
        <section aria-labelledby="accesses-heading" className={styles.section}>
          <Heading level={2} data-size="sm" id="accesses-heading">
            {t('access.review.listHeading')}
          </Heading>
          <Field className={styles.filter}>
            <Label htmlFor={filterId}>{t('access.review.filter')}</Label>
            <Select id={filterId} value={filter} onChange={(event) => setFilter(event.target.value as Filter)}>
              {FILTERS.map((value) => (
                <Select.Option key={value} value={value}>
                  {value === 'all' ? t('access.review.all') : t(`access.status.${value}`)}
                </Select.Option>
              ))}
            </Select>
          </Field>
          {accesses.isPending ? <Loading /> : null}
          {accesses.isError ? <ProblemAlert error={accesses.error} onRetry={() => void accesses.refetch()} /> : null}
          {accesses.isSuccess && accesses.data.items.length === 0 ? <Paragraph>{t('access.review.empty')}</Paragraph> : null}
          {accesses.isSuccess ? (
            <ul className={styles.list} aria-label={t('access.review.caption')}>
              {accesses.data.items.map((access) => (
                <li key={access.id}>
                  <AccessCard access={access} mine={access.actor === session?.user.sub} />
                </li>
              ))}
            </ul>
          ) : null}
        </section>
        <UnusualReaders />
      </div>
    </PageLayout>
  );
}
