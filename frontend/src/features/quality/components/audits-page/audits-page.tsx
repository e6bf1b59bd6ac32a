import { Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';

import { PageLayout } from '@/components/page-layout/page-layout';
import { usePageTitle } from '@/components/page-title/use-page-title';
import { Loading, ProblemAlert } from '@/components/query-state/query-state';
import { visuallyHidden } from '@/components/visually-hidden/visually-hidden';
import { useSession } from '@/lib/auth';
import { formatShortDate } from '@/lib/dates';
import { useLocalize } from '@/lib/i18n';

import { useUnitName } from '../../api/get-units';
import { useAudits, useFindings } from '../../api/system';
import { canWorkWithQualitySystem } from '../../lib/system-permissions';
import { NoAccess } from '../no-access/no-access';
import { QualityNav } from '../quality-nav/quality-nav';
import styles from '../quality-system/quality-system.module.css';

/** /kvalitet/internrevisjon: the audits of the leader's units (all for the quality lead), planned first; overdue marked. */
export function AuditsPage() {
  const { t } = useTranslation();
  const { language } = useLocalize();
  usePageTitle(t('quality.system.audits.listTitle'));
  const session = useSession();
  const audits = useAudits();
  const unitName = useUnitName();
  if (!session || !canWorkWithQualitySystem(session.user.roles)) return <NoAccess />;
  return (
    <PageLayout title={t('quality.system.audits.listTitle')} lead={t('quality.system.audits.listLead')} wide>
      <QualityNav />
      {audits.isPending ? <Loading /> : null}
      {audits.isError ? <ProblemAlert error={audits.error} onRetry={() => void audits.refetch()} /> : null}
      {audits.isSuccess && audits.data.length === 0 ? <Paragraph>{t('quality.system.audits.empty')}</Paragraph> : null}
      {audits.isSuccess && audits.data.length > 0 ? (
        <div className={styles.scroll} role="region" aria-labelledby="audits-caption" tabIndex={0}>
          <Table data-testid="audit-list" className={styles.table}>
            <caption id="audits-caption" className={visuallyHidden}>
              {t('quality.system.audits.caption')}
            </caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('quality.system.audits.procedure')}</Table.HeaderCell>
                <Table.HeaderCell>{t('quality.system.common.unit')}</Table.HeaderCell>
                <Table.HeaderCell>{t('quality.system.audits.plannedOn')}</Table.HeaderCell>
                <Table.HeaderCell>{t('quality.system.audits.auditor')}</Table.HeaderCell>
                <Table.HeaderCell>{t('quality.system.ros.status')}</Table.HeaderCell>
                <Table.HeaderCell>{t('quality.system.audits.nonConformities')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {audits.data.map((audit) => (
                <Table.Row key={audit.id}>
                  <Table.Cell className={styles.wrapText}>{audit.procedure_title}</Table.Cell>
                  <Table.Cell>{unitName(audit.unit)}</Table.Cell>
                  <Table.Cell>
                    <span className={styles.inline}>
                      {formatShortDate(audit.planned_on, language)}
                      {audit.is_overdue ? (
                        <Tag data-color="danger" data-size="sm">
                          {t('quality.system.common.overdue')}
                        </Tag>
                      ) : null}
                    </span>
                  </Table.Cell>
                  <Table.Cell>{audit.auditor}</Table.Cell>
                  <Table.Cell>
                    {t(`quality.system.auditStatus.${audit.status}`)}
                    {audit.performed_on ? ` (${formatShortDate(audit.performed_on, language)})` : ''}
                  </Table.Cell>
                  <Table.Cell>{audit.status === 'completed' ? audit.non_conformities : ''}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      ) : null}
    </PageLayout>
  );
}

/** /kvalitet/tilsyn: findings of Statsforvalteren and Statens helsetilsyn, open first by deadline; overdue marked. */
export function SupervisionPage() {
  const { t } = useTranslation();
  const { language } = useLocalize();
  usePageTitle(t('quality.system.supervision.listTitle'));
  const session = useSession();
  const findings = useFindings();
  const unitName = useUnitName();
  if (!session || !canWorkWithQualitySystem(session.user.roles)) return <NoAccess />;
  return (
    <PageLayout title={t('quality.system.supervision.listTitle')} lead={t('quality.system.supervision.listLead')} wide>
      <QualityNav />
      {findings.isPending ? <Loading /> : null}
      {findings.isError ? <ProblemAlert error={findings.error} onRetry={() => void findings.refetch()} /> : null}
      {findings.isSuccess && findings.data.length === 0 ? <Paragraph>{t('quality.system.supervision.empty')}</Paragraph> : null}
      {findings.isSuccess && findings.data.length > 0 ? (
        <div className={styles.scroll} role="region" aria-labelledby="findings-caption" tabIndex={0}>
          <Table data-testid="finding-list" className={styles.table}>
            <caption id="findings-caption" className={visuallyHidden}>
              {t('quality.system.supervision.caption')}
            </caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('quality.system.supervision.title')}</Table.HeaderCell>
                <Table.HeaderCell>{t('quality.system.supervision.authority')}</Table.HeaderCell>
                <Table.HeaderCell>{t('quality.system.common.unit')}</Table.HeaderCell>
                <Table.HeaderCell>{t('quality.system.supervision.deadline')}</Table.HeaderCell>
                <Table.HeaderCell>{t('quality.system.ros.status')}</Table.HeaderCell>
                <Table.HeaderCell>{t('quality.system.supervision.openMeasures')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {findings.data.map((finding) => (
                <Table.Row key={finding.id}>
                  <Table.Cell className={styles.wrapText}>
                    {finding.title}
                    {finding.case_reference ? ` (${finding.case_reference})` : ''} · {t(`quality.system.findingKind.${finding.kind}`)}
                  </Table.Cell>
                  <Table.Cell>{t(`quality.system.authority.${finding.authority}`)}</Table.Cell>
                  <Table.Cell>{finding.unit ? unitName(finding.unit) : t('quality.system.common.wholeMunicipality')}</Table.Cell>
                  <Table.Cell>
                    <span className={styles.inline}>
                      {formatShortDate(finding.deadline, language)}
                      {finding.is_overdue ? (
                        <Tag data-color="danger" data-size="sm">
                          {t('quality.system.common.overdue')}
                        </Tag>
                      ) : null}
                    </span>
                  </Table.Cell>
                  <Table.Cell>{t(`quality.system.findingStatus.${finding.status}`)}</Table.Cell>
                  <Table.Cell>{finding.open_measures}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      ) : null}
    </PageLayout>
  );
}
