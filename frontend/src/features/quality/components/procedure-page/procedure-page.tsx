import { Alert, Button, Details, Link, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { z } from 'zod';

import { DateField } from '@/components/date-field/date-field';
import { FieldGrid } from '@/components/field-grid/field-grid';
import { FormErrorSummary } from '@/components/form-error-summary/form-error-summary';
import { FormKit, TextField } from '@/components/form-kit/form-kit';
import { FormLayout, FormSection } from '@/components/form-section/form-section';
import { PageLayout } from '@/components/page-layout/page-layout';
import { usePageTitle } from '@/components/page-title/use-page-title';
import { Loading, ProblemAlert } from '@/components/query-state/query-state';
import { visuallyHidden } from '@/components/visually-hidden/visually-hidden';
import { useSession } from '@/lib/auth';
import { formatDateTime, formatShortDate } from '@/lib/dates';
import { useLocalize } from '@/lib/i18n';
import { isNotFound } from '@/lib/problem';

import { useUnitName } from '../../api/get-units';
import { useConfirmProcedure, useProcedure, useProcedureReaders, useReviseProcedure, type ProcedureRead } from '../../api/system';
import { canReadProcedures } from '../../lib/system-permissions';
import { PROCEDURES_PATH } from '../../paths';
import { NoAccess } from '../no-access/no-access';
import { QualityNav } from '../quality-nav/quality-nav';
import { Fact } from '../quality-system/measures';
import { versionBody, versionChecks, versionShape, type VersionValues } from '../quality-system/procedure-form';
import styles from '../quality-system/quality-system.module.css';
import { filled, useSystemForm } from '../quality-system/system-form';
import { SystemProblem } from '../quality-system/system-problem';

function Confirmation({ procedure }: { procedure: ProcedureRead }) {
  const { t } = useTranslation();
  const confirm = useConfirmProcedure();
  const number = procedure.current_version;
  return (
    <FormSection heading={t('quality.system.procedures.confirmHeading')} headingId="confirm-heading">
      {procedure.confirmed_by_me ? (
        <Alert data-color="success" data-testid="confirmed">
          <Paragraph>{t('quality.system.procedures.confirmedMine', { number })}</Paragraph>
        </Alert>
      ) : (
        <>
          {procedure.my_confirmed_version ? (
            <Paragraph data-testid="confirmed-older">{t('quality.system.procedures.confirmedOlder', { mine: procedure.my_confirmed_version })}</Paragraph>
          ) : null}
          <div>
            <Button loading={confirm.isPending} disabled={confirm.isPending} onClick={() => confirm.mutate({ id: procedure.id, version: number })}>
              {t('quality.system.procedures.confirm', { number })}
            </Button>
          </div>
          {confirm.isError ? <SystemProblem error={confirm.error} /> : null}
        </>
      )}
    </FormSection>
  );
}

function Readers({ procedure }: { procedure: ProcedureRead }) {
  const { t } = useTranslation();
  const { language } = useLocalize();
  const readers = useProcedureReaders(procedure.id, true);
  return (
    <FormSection heading={t('quality.system.procedures.readersHeading')} headingId="readers-heading">
      {readers.isPending ? <Loading /> : null}
      {readers.isError ? <ProblemAlert error={readers.error} onRetry={() => void readers.refetch()} /> : null}
      {readers.isSuccess ? (
        <>
          <Paragraph data-testid="readers-count">
            {t('quality.system.procedures.readersCount', { confirmed: readers.data.confirmed, expected: readers.data.expected, number: readers.data.current_version })}
          </Paragraph>
          {readers.data.readers.length === 0 ? <Paragraph data-size="sm">{t('quality.system.procedures.readersNone')}</Paragraph> : null}
          {readers.data.readers.length > 0 ? (
            <div className={styles.scroll} role="region" aria-labelledby="readers-heading" tabIndex={0}>
              <Table data-testid="readers" className={styles.table} data-size="sm">
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t('quality.system.procedures.reader')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('quality.system.procedures.readerVersion')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {readers.data.readers.map((reader) => (
                    <Table.Row key={reader.sub}>
                      <Table.Cell>{reader.name}</Table.Cell>
                      <Table.Cell>
                        <span className={styles.inline}>
                          <Tag data-color={reader.has_confirmed_current ? 'success' : 'warning'} data-size="sm">
                            {reader.has_confirmed_current ? t('quality.system.procedures.confirmed') : t('quality.system.procedures.notConfirmed')}
                          </Tag>
                          {reader.confirmed_version && reader.confirmed_at
                            ? `${t('quality.system.procedures.versionN', { number: reader.confirmed_version })} · ${formatDateTime(reader.confirmed_at, language)}`
                            : ''}
                        </span>
                      </Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
          ) : null}
        </>
      ) : null}
    </FormSection>
  );
}

type RevisionValues = VersionValues & { change_note: string };
const revisionSchema = z
  .object({ ...versionShape, change_note: z.string().refine(filled, 'required').max(2000, 'tooLong') })
  .superRefine(versionChecks);

function ReviseForm({ procedure }: { procedure: ProcedureRead }) {
  const { t } = useTranslation();
  const revise = useReviseProcedure();
  const labels = {
    valid_from: t('quality.system.procedures.validFrom'),
    review_by: t('quality.system.procedures.reviewBy'),
    approved_by: t('quality.system.procedures.approvedBy'),
    text: t('quality.system.procedures.text'),
    link: t('quality.system.procedures.link'),
    change_note: t('quality.system.procedures.changeNote'),
  };
  const current = procedure.current;
  const step = useSystemForm<RevisionValues>({
    form: 'revision',
    schema: revisionSchema,
    initial: () => ({
      valid_from: current.valid_from,
      review_by: '',
      approved_by: current.approved_by,
      text: current.text ?? '',
      link: current.link ?? '',
      change_note: '',
    }),
    fields: () => ['change_note', 'approved_by', 'valid_from', 'review_by', 'text', 'link'],
    labels,
  });
  const onSubmit = step.form.submitWith((values) => {
    step.setProblem(null);
    revise.mutate(
      { id: procedure.id, version: procedure.version, body: { ...versionBody(values), change_note: values.change_note.trim() } },
      { onError: step.onError },
    );
  });
  return (
    <FormSection heading={t('quality.system.procedures.reviseHeading')} headingId="revise-heading" description={t('quality.system.procedures.reviseLead')}>
      <FormErrorSummary heading={t('quality.form.summaryHeading')} items={step.summary} attempt={step.form.attempt} />
      <FormKit form={step.form} message={step.message}>
        <FormLayout onSubmit={onSubmit} aria-labelledby="revise-heading">
          <TextField name="change_note" label={labels.change_note} multiline rows={2} maxLength={2000} aria-required />
          <FieldGrid>
            <TextField name="approved_by" label={labels.approved_by} maxLength={200} autoComplete="off" aria-required />
            <DateField name="valid_from" label={labels.valid_from} required />
            <DateField name="review_by" label={labels.review_by} required />
          </FieldGrid>
          <TextField name="text" label={labels.text} multiline rows={8} maxLength={50000} />
          <TextField name="link" label={labels.link} description={t('quality.system.procedures.linkDescription')} type="url" maxLength={500} autoComplete="off" />
          {step.problem ? <SystemProblem error={step.problem} /> : null}
          <div>
            <Button type="submit" variant="secondary" loading={revise.isPending} disabled={revise.isPending}>
              {t('quality.system.procedures.revise')}
            </Button>
          </div>
        </FormLayout>
      </FormKit>
    </FormSection>
  );
}

/** /kvalitet/prosedyrer/:id: the version in force, the caller's receipt, every version, who has confirmed (leaders), a revision. */
export function ProcedurePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { language } = useLocalize();
  const session = useSession();
  const procedure = useProcedure(id);
  const unitName = useUnitName();
  usePageTitle(procedure.data?.title ?? t('quality.system.procedures.listTitle'));
  if (!session || !canReadProcedures(session.user.roles)) return <NoAccess />;
  const back = { to: PROCEDURES_PATH, label: t('quality.system.procedures.back') };
  if (procedure.isPending) return <Loading />;
  if (procedure.isError) {
    return (
      <PageLayout back={back} title={isNotFound(procedure.error) ? t('quality.system.common.notFoundTitle') : t('quality.system.procedures.listTitle')}>
        {isNotFound(procedure.error) ? <Paragraph>{t('quality.system.common.notFoundBody')}</Paragraph> : <ProblemAlert error={procedure.error} onRetry={() => void procedure.refetch()} />}
      </PageLayout>
    );
  }
  const p = procedure.data;
  const current = p.current;
  return (
    <PageLayout
      back={back}
      title={p.title}
      lead={`${p.unit ? unitName(p.unit) : t('quality.system.common.wholeMunicipality')} · ${t('quality.system.procedures.versionN', { number: p.current_version })}`}
      intro={
        <span className={styles.inline}>
          {p.is_review_overdue ? (
            <Tag data-color="danger" data-size="sm" data-testid="review-overdue">
              {t('quality.system.procedures.reviewOverdue')}
            </Tag>
          ) : null}
          {p.not_followed_in_deviations > 0 ? (
            <Tag data-color="warning" data-size="sm">
              {t('quality.system.procedures.notFollowed', { count: p.not_followed_in_deviations })}
            </Tag>
          ) : null}
        </span>
      }
    >
      <QualityNav />
      <FormSection heading={t('quality.system.procedures.current')} headingId="current-heading">
        <dl className={styles.facts}>
          <Fact term={t('quality.system.procedures.owner')}>{p.owner}</Fact>
          <Fact term={t('quality.system.procedures.approvedBy')}>{current.approved_by}</Fact>
          <Fact term={t('quality.system.procedures.validFrom')}>{formatShortDate(current.valid_from, language)}</Fact>
          <Fact term={t('quality.system.procedures.reviewBy')} testId="review-by">
            {formatShortDate(p.review_by, language)}
          </Fact>
        </dl>
        {current.text ? (
          <Paragraph className={styles.preWrap} data-testid="procedure-text">
            {current.text}
          </Paragraph>
        ) : null}
        {current.link ? (
          <Paragraph>
            <Link href={current.link} target="_blank" rel="noreferrer">
              {t('quality.system.procedures.openDocument')}
            </Link>
          </Paragraph>
        ) : null}
      </FormSection>
      <Confirmation procedure={p} />
      <FormSection heading={t('quality.system.procedures.versionsHeading')} headingId="versions-heading">
        <ul className={styles.versions} data-testid="versions">
          {p.versions.map((version) => (
            <li key={version.number}>
              <Details>
                <Details.Summary>
                  {t('quality.system.procedures.versionN', { number: version.number })} · {formatShortDate(version.valid_from, language)}
                </Details.Summary>
                <Details.Content>
                  {version.change_note ? (
                    <Paragraph data-size="sm">
                      <strong>{t('quality.system.procedures.changeNote')}:</strong> {version.change_note}
                    </Paragraph>
                  ) : null}
                  <Paragraph data-size="sm">
                    {t('quality.system.procedures.approvedBy')}: {version.approved_by} · {t('quality.system.procedures.writtenBy', { name: version.written_by_name })}
                  </Paragraph>
                  {version.text ? <Paragraph className={styles.preWrap}>{version.text}</Paragraph> : null}
                  {version.link ? (
                    <Link href={version.link} target="_blank" rel="noreferrer">
                      {t('quality.system.procedures.openDocument')}
                      <span className={visuallyHidden}> ({t('quality.system.procedures.versionN', { number: version.number })})</span>
                    </Link>
                  ) : null}
                </Details.Content>
              </Details>
            </li>
          ))}
        </ul>
      </FormSection>
      {p.may_edit ? <Readers procedure={p} /> : null}
      {p.may_edit ? <ReviseForm key={`revise-${p.version}`} procedure={p} /> : null}
    </PageLayout>
  );
}
