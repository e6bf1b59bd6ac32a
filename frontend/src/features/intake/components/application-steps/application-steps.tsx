import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { DownloadIcon } from '@navikt/aksel-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';

import { DateField } from '@/components/date-field/date-field';
import { FieldGrid } from '@/components/field-grid/field-grid';
import { FormErrorSummary } from '@/components/form-error-summary/form-error-summary';
import { FormKit, TextField } from '@/components/form-kit/form-kit';
import { ProblemAlert } from '@/components/query-state/query-state';
import { isStale, StaleAlert } from '@/components/stale-alert/stale-alert';
import { isIsoDate, osloToday } from '@/lib/dates';
import { useApiForm } from '@/lib/use-api-form';

import { getInterimReplyPdf, useRecordInterimReply, useReloadApplications, useWithdrawApplication } from '../../api/application-actions';
import type { ApplicationRead } from '../../api/types';
import type { ErrorKey } from '../../lib/form-errors';

import styles from './application-steps.module.css';

type InterimValues = { sent_on: string; expected_decision_by: string; reason: string };
type WithdrawValues = { reason: string };

/** The client's checks of a foreløpig svar: sent on or after receipt and not in the future; the decision expected after it. */
export function interimSchema(receivedOn: string, today: string = osloToday()): z.ZodType<InterimValues, InterimValues> {
  return z
    .object({
      sent_on: z
        .string()
        .refine((value) => value !== '', 'required')
        .refine((value) => value === '' || isIsoDate(value), 'date')
        .refine((value) => !isIsoDate(value) || value <= today, 'future')
        .refine((value) => !isIsoDate(value) || value >= receivedOn, 'interimBeforeReceived'),
      expected_decision_by: z
        .string()
        .refine((value) => value !== '', 'required')
        .refine((value) => value === '' || isIsoDate(value), 'date'),
      reason: z.string().refine((value) => value.trim() !== '', 'required').max(2000, 'tooLong'),
    })
    .superRefine((values, ctx) => {
      if (isIsoDate(values.sent_on) && isIsoDate(values.expected_decision_by) && values.expected_decision_by <= values.sent_on) {
        ctx.addIssue({ code: 'custom', path: ['expected_decision_by'], message: 'expectedAfterSent' });
      }
    });
}

const withdrawSchema: z.ZodType<WithdrawValues, WithdrawValues> = z.object({
  reason: z.string().refine((value) => value.trim() !== '', 'required').max(2000, 'tooLong'),
});

const INTERIM_FIELDS = ['sent_on', 'expected_decision_by', 'reason'];

async function downloadInterimReply(application: ApplicationRead) {
  const blob = await getInterimReplyPdf(application.id);
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = `forelopig-svar-${application.id.slice(0, 8)}.pdf`;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** «Last ned foreløpig svar (PDF)». */
export function InterimReplyDownload({ application }: { application: ApplicationRead }) {
  const { t } = useTranslation();
  const [downloading, setDownloading] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);
  const download = async () => {
    setDownloading(true);
    setProblem(null);
    try {
      await downloadInterimReply(application);
    } catch (error) {
      setProblem(error);
    } finally {
      setDownloading(false);
    }
  };
  return (
    <>
      <Button variant="tertiary" data-size="sm" onClick={() => void download()} loading={downloading} disabled={downloading} data-testid="interim-pdf">
        <DownloadIcon aria-hidden fontSize="1.25em" />
        {t('intake.applicationSteps.interimPdf')}
      </Button>
      {problem ? <ProblemAlert error={problem} /> : null}
    </>
  );
}

function InterimReplyForm({ application, onDone, onCancel }: { application: ApplicationRead; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const record = useRecordInterimReply();
  const reload = useReloadApplications();
  const [problem, setProblem] = useState<unknown>(null);
  const form = useApiForm<InterimValues>({
    form: `interim-${application.id}`,
    schema: interimSchema(application.received_on),
    initial: () => ({ sent_on: osloToday(), expected_decision_by: application.expected_decision_by ?? '', reason: application.interim_reply_reason ?? '' }),
    fields: () => INTERIM_FIELDS,
  });
  const labels: Record<string, string> = {
    sent_on: t('intake.applicationSteps.interimSentOn'),
    expected_decision_by: t('intake.applicationSteps.expectedBy'),
    reason: t('intake.applicationSteps.interimReason'),
  };
  const message = (path: string) => {
    const key = form.errorAt(path) as ErrorKey | undefined;
    return key ? t(`intake.errors.${key}`, { field: labels[path] ?? path, number: '' }) : undefined;
  };
  const onSubmit = form.submitWith((values) => {
    setProblem(null);
    record.mutate(
      { id: application.id, version: application.version, body: { sent_on: values.sent_on, expected_decision_by: values.expected_decision_by, reason: values.reason.trim() } },
      {
        onSuccess: onDone,
        onError: (error) => {
          if (isStale(error)) reload();
          const placed = !isStale(error) && form.showServerErrors(error, (path) => (path === 'expected_decision_by' ? 'expectedAfterSent' : path === 'sent_on' ? 'interimBeforeReceived' : 'invalid'));
          setProblem(placed ? null : error);
        },
      },
    );
  });
  const summary = form.orderedErrors().map(([path]) => ({ id: form.id(path), message: message(path) ?? '' }));
  const headingId = `interim-heading-${application.id}`;
  return (
    <section aria-labelledby={headingId} className={styles.panel} data-testid="interim-form">
      <Heading level={4} data-size="2xs" id={headingId}>
        {t('intake.applicationSteps.interimHeading')}
      </Heading>
      <Paragraph data-size="sm">{t('intake.applicationSteps.interimIntro')}</Paragraph>
      {problem ? isStale(problem) ? <StaleAlert what={t('intake.applicationSteps.staleWhat')} /> : <ProblemAlert error={problem} /> : null}
      <FormErrorSummary heading={t('intake.form.summaryHeading')} items={summary} attempt={form.attempt} />
      <FormKit form={form} message={message}>
        <form noValidate onSubmit={onSubmit} className={styles.form} aria-labelledby={headingId}>
          <FieldGrid>
            <DateField name="sent_on" label={labels.sent_on} required />
            <DateField name="expected_decision_by" label={labels.expected_decision_by} required />
          </FieldGrid>
          <TextField name="reason" label={labels.reason} description={t('intake.applicationSteps.interimReasonDescription')} multiline rows={3} aria-required />
          <div className={styles.buttons}>
            <Button type="submit" data-size="sm" loading={record.isPending} disabled={record.isPending}>
              {t('intake.applicationSteps.interimSubmit')}
            </Button>
            <Button type="button" variant="tertiary" data-size="sm" onClick={onCancel}>
              {t('intake.form.cancel')}
            </Button>
          </div>
        </form>
      </FormKit>
    </section>
  );
}

function WithdrawForm({ application, onCancel }: { application: ApplicationRead; onCancel: () => void }) {
  const { t } = useTranslation();
  const withdraw = useWithdrawApplication();
  const reload = useReloadApplications();
  const [problem, setProblem] = useState<unknown>(null);
  const form = useApiForm<WithdrawValues>({ form: `withdraw-${application.id}`, schema: withdrawSchema, initial: { reason: '' }, fields: () => ['reason'] });
  const label = t('intake.applicationSteps.withdrawReason');
  const message = (path: string) => {
    const key = form.errorAt(path) as ErrorKey | undefined;
    return key ? t(`intake.errors.${key}`, { field: label, number: '' }) : undefined;
  };
  const onSubmit = form.submitWith((values) => {
    setProblem(null);
    withdraw.mutate(
      { id: application.id, version: application.version, reason: values.reason.trim() },
      {
        onError: (error) => {
          if (isStale(error)) reload();
          const placed = !isStale(error) && form.showServerErrors(error, () => 'required');
          setProblem(placed ? null : error);
        },
      },
    );
  });
  const headingId = `withdraw-heading-${application.id}`;
  return (
    <section aria-labelledby={headingId} className={styles.panel} data-testid="withdraw-form">
      <Heading level={4} data-size="2xs" id={headingId}>
        {t('intake.applicationSteps.withdrawHeading')}
      </Heading>
      <Paragraph data-size="sm">{t('intake.applicationSteps.withdrawIntro')}</Paragraph>
      {problem ? isStale(problem) ? <StaleAlert what={t('intake.applicationSteps.staleWhat')} /> : <ProblemAlert error={problem} /> : null}
      <FormKit form={form} message={message}>
        <form noValidate onSubmit={onSubmit} className={styles.form} aria-labelledby={headingId}>
          <TextField name="reason" label={label} multiline rows={2} aria-required />
          <div className={styles.buttons}>
            <Button type="submit" data-size="sm" data-color="danger" loading={withdraw.isPending} disabled={withdraw.isPending}>
              {t('intake.applicationSteps.withdrawSubmit')}
            </Button>
            <Button type="button" variant="tertiary" data-size="sm" onClick={onCancel}>
              {t('intake.form.cancel')}
            </Button>
          </div>
        </form>
      </FormKit>
    </section>
  );
}

/** On an open application: «Registrer foreløpig svar» and «Trekk søknaden», each a small form with If-Match. */
export function ApplicationSteps({ application }: { application: ApplicationRead }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<'interim' | 'withdraw' | null>(null);
  const [recorded, setRecorded] = useState(false);
  return (
    <div className={styles.steps}>
      {recorded && open === null ? (
        <Alert data-color="success" role="status" data-size="sm" data-testid="interim-recorded">
          <Paragraph data-size="sm">{t('intake.applicationSteps.interimRecorded')}</Paragraph>
        </Alert>
      ) : null}
      {open === null ? (
        <div className={styles.buttons}>
          <Button variant="tertiary" data-size="sm" onClick={() => setOpen('interim')} data-testid="interim-open">
            {t('intake.applicationSteps.interimOpen')}
          </Button>
          <Button variant="tertiary" data-size="sm" data-color="danger" onClick={() => setOpen('withdraw')} data-testid="withdraw-open">
            {t('intake.applicationSteps.withdrawOpen')}
          </Button>
        </div>
      ) : null}
      {open === 'interim' ? (
        <InterimReplyForm
          application={application}
          onDone={() => {
            setRecorded(true);
            setOpen(null);
          }}
          onCancel={() => setOpen(null)}
        />
      ) : null}
      {open === 'withdraw' ? <WithdrawForm application={application} onCancel={() => setOpen(null)} /> : null}
    </div>
  );
}
