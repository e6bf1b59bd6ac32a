import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';

import { PageLayout } from '@/components/page-layout/page-layout';
import { usePageTitle } from '@/components/page-title/use-page-title';
import { Loading, ProblemAlert } from '@/components/query-state/query-state';
import { useSession } from '@/lib/auth';
import { formatShortDate } from '@/lib/dates';
import { useLocalize } from '@/lib/i18n';
import { isNotFound } from '@/lib/problem';

import { useMyDeviations } from '../../api/get-deviations';
import { useReceiptLookup } from '../../api/get-receipt';
import { useUnitName } from '../../api/get-units';
import { canReportDeviations } from '../../lib/permissions';
import { NEW_DEVIATION_PATH } from '../../paths';
import { DeviationTable } from '../deviation-table/deviation-table';
import { NoAccess } from '../no-access/no-access';
import { QualityNav } from '../quality-nav/quality-nav';
import { StatusTag } from '../status-tag/status-tag';

import styles from './my-reports-page.module.css';

/** An anonymous report is followed by its receipt code: status and, once closed, the outcome. */
function ReceiptLookup() {
  const { t } = useTranslation();
  const { language } = useLocalize();
  const unitName = useUnitName();
  const lookup = useReceiptLookup();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | undefined>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = code.trim();
    if (trimmed.length < 4) {
      setError(t('quality.receipt.codeRequired'));
      return;
    }
    setError(undefined);
    lookup.mutate(trimmed);
  };
  return (
    <section aria-labelledby="receipt-lookup-heading" className={styles.section}>
      <Heading level={2} data-size="sm" id="receipt-lookup-heading">
        {t('quality.receipt.lookupHeading')}
      </Heading>
      <form onSubmit={submit} noValidate className={styles.lookup} aria-labelledby="receipt-lookup-heading">
        <Textfield
          label={t('quality.receipt.codeLabel')}
          description={t('quality.receipt.codeDescription')}
          value={code}
          onChange={(event) => setCode(event.target.value)}
          error={error}
          autoComplete="off"
          maxLength={30}
          className={styles.code}
        />
        <div>
          <Button type="submit" variant="secondary" loading={lookup.isPending} disabled={lookup.isPending}>
            {t('quality.receipt.lookup')}
          </Button>
        </div>
      </form>
      {lookup.isError ? (
        isNotFound(lookup.error) ? (
          <Paragraph role="alert">{t('quality.receipt.notFound')}</Paragraph>
        ) : (
          <div role="alert">
            <ProblemAlert error={lookup.error} />
          </div>
        )
      ) : null}
      {lookup.data ? (
        <div className={styles.result} role="status" data-testid="receipt-result">
          <Paragraph>
            {t('quality.receipt.resultLine', {
              category: t(`quality.category.${lookup.data.category}`),
              unit: unitName(lookup.data.unit),
              date: formatShortDate(lookup.data.reported_on, language),
            })}{' '}
            <StatusTag status={lookup.data.status} />
          </Paragraph>
          {lookup.data.outcome_for_reporter ? (
            <Paragraph className={styles.preWrap}>
              <strong>{t('quality.deviation.outcomeHeading')}:</strong> {lookup.data.outcome_for_reporter}
            </Paragraph>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

/** /avvik: my own reports with their status (the outcome on each one once closed), and the receipt lookup. */
export function MyReportsPage() {
  const { t } = useTranslation();
  usePageTitle(t('quality.mine.title'));
  const session = useSession();
  const mine = useMyDeviations();
  if (!session || !canReportDeviations(session.user.roles)) return <NoAccess />;
  return (
    <PageLayout title={t('quality.mine.title')} lead={t('quality.mine.lead')}>
      <QualityNav />
      <div>
        <Button asChild>
          <RouterLink to={NEW_DEVIATION_PATH}>{t('quality.mine.report')}</RouterLink>
        </Button>
      </div>
      <section aria-labelledby="mine-heading" className={styles.section}>
        <Heading level={2} data-size="sm" id="mine-heading">
          {t('quality.mine.heading')}
        </Heading>
        {mine.isPending ? <Loading /> : null}
        {mine.isError ? <ProblemAlert error={mine.error} onRetry={() => void mine.refetch()} /> : null}
        {mine.isSuccess && mine.data.length === 0 ? <Paragraph>{t('quality.mine.empty')}</Paragraph> : null}
        {mine.isSuccess && mine.data.length > 0 ? (
          <>
            <Paragraph data-size="sm">{t('quality.mine.outcomeHint')}</Paragraph>
            <DeviationTable items={mine.data} caption={t('quality.mine.caption')} columns={['unit', 'closed']} testId="my-deviations" />
          </>
        ) : null}
      </section>
      <ReceiptLookup />
    </PageLayout>
  );
}
