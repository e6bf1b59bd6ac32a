import { Link, Paragraph, Switch, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';

import { PageLayout } from '@/components/page-layout/page-layout';
import { usePageTitle } from '@/components/page-title/use-page-title';
import { Loading, ProblemAlert } from '@/components/query-state/query-state';
import { visuallyHidden } from '@/components/visually-hidden/visually-hidden';
import { useSession } from '@/lib/auth';
import { formatShortDate } from '@/lib/dates';
import { useLocalize } from '@/lib/i18n';

import { useUnitName } from '../../api/get-units';
import { useProcedures } from '../../api/system';
import { canReadProcedures, canWorkWithQualitySystem } from '../../lib/system-permissions';
import { NEW_PROCEDURE_PATH, procedurePath } from '../../paths';
import { NoAccess } from '../no-access/no-access';
import { QualityNav } from '../quality-nav/quality-nav';
import styles from '../quality-system/quality-system.module.css';

/** /kvalitet/prosedyrer: the procedure library, with the caller's receipts and the overdue reviews. */
export function ProcedureListPage() {
  const { t } = useTranslation();
  const { language } = useLocalize();
  usePageTitle(t('quality.system.procedures.listTitle'));
  const session = useSession();
  const [reviewOverdue, setReviewOverdue] = useState(false);
  const [q, setQ] = useState('');
  const list = useProcedures({ reviewOverdue, q });
  const unitName = useUnitName();
  if (!session || !canReadProcedures(session.user.roles)) return <NoAccess />;
  return (
    <PageLayout title={t('quality.system.procedures.listTitle')} lead={t('quality.system.procedures.listLead')} wide>
      <QualityNav />
      <div className={styles.filters}>
        <Textfield label={t('quality.system.procedures.search')} type="search" value={q} onChange={(event) => setQ(event.target.value)} autoComplete="off" />
        <Switch label={t('quality.system.procedures.overdueOnly')} checked={reviewOverdue} onChange={(event) => setReviewOverdue(event.target.checked)} />
        {canWorkWithQualitySystem(session.user.roles) ? (
          <Link asChild>
            <RouterLink to={NEW_PROCEDURE_PATH}>{t('quality.system.procedures.new')}</RouterLink>
          </Link>
        ) : null}
      </div>
      {list.isPending ? <Loading /> : null}
      {list.isError ? <ProblemAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.isSuccess && list.data.length === 0 ? <Paragraph>{t('quality.system.procedures.empty')}</Paragraph> : null}
      {list.isSuccess && list.data.length > 0 ? (
        <div className={styles.scroll} role="region" aria-labelledby="procedures-caption" tabIndex={0}>
          <Table data-testid="procedure-list" className={styles.table}>
            <caption id="procedures-caption" className={visuallyHidden}>
              {t('quality.system.procedures.caption')}
            </caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('quality.system.procedures.title')}</Table.HeaderCell>
                <Table.HeaderCell>{t('quality.system.common.unit')}</Table.HeaderCell>
                <Table.HeaderCell>{t('quality.system.procedures.version')}</Table.HeaderCell>
                <Table.HeaderCell>{t('quality.system.procedures.reviewBy')}</Table.HeaderCell>
                <Table.HeaderCell>{t('quality.system.procedures.confirmHeading')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {list.data.map((procedure) => (
                <Table.Row key={procedure.id}>
                  <Table.Cell className={styles.wrapText}>
                    <Link asChild>
                      <RouterLink to={procedurePath(procedure.id)}>{procedure.title}</RouterLink>
                    </Link>
                  </Table.Cell>
                  <Table.Cell>{procedure.unit ? unitName(procedure.unit) : t('quality.system.common.wholeMunicipality')}</Table.Cell>
                  <Table.Cell>{procedure.current_version}</Table.Cell>
                  <Table.Cell>
                    <span className={styles.inline}>
                      {formatShortDate(procedure.review_by, language)}
                      {procedure.is_review_overdue ? (
                        <Tag data-color="danger" data-size="sm" data-testid="review-overdue">
                          {t('quality.system.procedures.reviewOverdue')}
                        </Tag>
                      ) : null}
                    </span>
                  </Table.Cell>
                  <Table.Cell>
                    <Tag data-color={procedure.confirmed_by_me ? 'success' : 'warning'} data-size="sm">
                      {procedure.confirmed_by_me ? t('quality.system.procedures.confirmed') : t('quality.system.procedures.notConfirmed')}
                    </Tag>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      ) : null}
    </PageLayout>
  );
}
