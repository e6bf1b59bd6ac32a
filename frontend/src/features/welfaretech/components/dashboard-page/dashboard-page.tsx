import { Button, Card, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { Localized } from '@/components/localized/localized';
import { usePageTitle } from '@/components/page-title/use-page-title';
import { Loading, ProblemAlert } from '@/components/query-state/query-state';
import { useSession } from '@/lib/auth';
import { useLocalize, pickLocalized } from '@/lib/i18n';

import { useBenefitDashboard } from '../../api/benefits';
import { MEASURES, type BenefitDashboard, type Measure, type TotalRead } from '../../api/types';
import { formatNumber } from '../../lib/numbers';
import { canReadDashboard } from '../../lib/permissions';
import { BarChart } from '../bar-chart/bar-chart';
import { DashboardLoans } from '../dashboard-loans/dashboard-loans';
import { NoAccess } from '../no-access/no-access';
import { WtNav } from '../wt-nav/wt-nav';

import styles from './dashboard-page.module.css';

const isMeasure = (value: string): value is Measure => (MEASURES as readonly string[]).includes(value);
const totalOf = (totals: readonly TotalRead[], measure: Measure) => totals.find((total) => total.measure === measure);

/** The charts: hours freed per week and the net gain a year, per technology. */
type ChartMeasure = 'staff_hours' | 'net_cost' | 'night_visits';
const CHARTS: { measure: ChartMeasure; field: 'gain' | 'gain_per_year' }[] = [
  { measure: 'staff_hours', field: 'gain' },
  { measure: 'net_cost', field: 'gain_per_year' },
  { measure: 'night_visits', field: 'gain' },
];

function Charts({ board }: { board: BenefitDashboard }) {
  const { t } = useTranslation();
  const { language } = useLocalize();
  return (
    <div className={styles.charts}>
      {CHARTS.map(({ measure, field }) => (
        <BarChart
          key={measure}
          testId={`chart-${measure}`}
          title={t(`welfaretech.dashboard.chart.${measure}`)}
          labelHeader={t('welfaretech.dashboard.technology')}
          valueHeader={t(`welfaretech.dashboard.chartUnit.${measure}`)}
          bars={board.by_technology.map((item) => {
            const total = totalOf(item.totals, measure);
            const value = Number(total?.[field] ?? 0);
            return {
              key: item.technology_code,
              label: pickLocalized(item.technology_name, language).value,
              value,
              display: formatNumber(value, language),
            };
          })}
        />
      ))}
    </div>
  );
}

/** The figure whose loans are open: one technology's or the municipality's (technology null), shown for one measure. */
type Figure = { technology: string | null; measure: Measure; label: string };

/** «Vis lån»: opens the loans behind a figure below the tables; pressed again, it closes them. */
function ShowLoans({ figure, open, onOpen }: { figure: Figure; open: Figure | null; onOpen: (figure: Figure | null) => void }) {
  const { t } = useTranslation();
  const pressed = open?.technology === figure.technology && open.measure === figure.measure;
  return (
    <Button variant="tertiary" data-size="sm" aria-pressed={pressed} aria-label={t('welfaretech.dashboard.showLoansFor', { figure: figure.label })} onClick={() => onOpen(pressed ? null : figure)}>
      {t('welfaretech.dashboard.showLoans')}
    </Button>
  );
}

/** /velferdsteknologi/gevinster: the leaders' dashboard, per technology and for the municipality (sums only); «Vis lån» opens the loans behind a figure, a page at a time. */
export function DashboardPage() {
  const { t } = useTranslation();
  const { language } = useLocalize();
  usePageTitle(t('welfaretech.dashboard.title'));
  const session = useSession();
  const allowed = !!session && canReadDashboard(session.user.roles);
  const dashboard = useBenefitDashboard(allowed);
  const [open, setOpen] = useState<Figure | null>(null);
  if (!allowed) return <NoAccess />;
  const measureName = (measure: string) => (isMeasure(measure) ? t(`welfaretech.measure.${measure}`) : measure);
  return (
    <div className={styles.page}>
      <Heading level={1} data-size="lg">
        {t('welfaretech.dashboard.title')}
      </Heading>
      <WtNav />
      <Paragraph>{t('welfaretech.dashboard.intro')}</Paragraph>
      {dashboard.isPending ? <Loading /> : null}
      {dashboard.isError ? <ProblemAlert error={dashboard.error} onRetry={() => void dashboard.refetch()} /> : null}
      {dashboard.isSuccess ? (
        <>
          <ul className={styles.kpis} aria-label={t('welfaretech.dashboard.kpis')}>
            {(
              [
                ['loansMeasured', dashboard.data.loans_measured],
                ['activeLoans', dashboard.data.active_loans],
                ['trialsDue', dashboard.data.trials_due_for_evaluation],
                ['checksOverdue', dashboard.data.checks_overdue],
              ] as const
            ).map(([key, value]) => (
              <li key={key}>
                <Card className={styles.kpi} data-testid={`kpi-${key}`}>
                  <span className={styles.kpiValue}>{value}</span>
                  <span>{t(`welfaretech.dashboard.kpi.${key}`)}</span>
                </Card>
              </li>
            ))}
          </ul>
          {dashboard.data.loans_measured === 0 ? <Paragraph>{t('welfaretech.dashboard.empty')}</Paragraph> : <Charts board={dashboard.data} />}
          <section aria-labelledby="totals-heading" className={styles.section}>
            <Heading level={2} data-size="sm" id="totals-heading">
              {t('welfaretech.dashboard.totalsHeading')}
            </Heading>
            <Paragraph data-size="sm">{t('welfaretech.dashboard.costNote', { cost: dashboard.data.staff_hour_cost_default_nok })}</Paragraph>
            <div className={styles.scroll} role="region" aria-labelledby="totals-caption" tabIndex={0}>
              <Table className={styles.table} data-testid="dashboard-totals">
                <caption id="totals-caption" className={styles.caption}>
                  {t('welfaretech.dashboard.totalsCaption')}
                </caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell scope="col">{t('welfaretech.ledger.measure')}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t('welfaretech.ledger.baseline')}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t('welfaretech.ledger.followUp')}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t('welfaretech.ledger.gain')}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t('welfaretech.ledger.perYear')}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t('welfaretech.dashboard.loans')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {dashboard.data.totals.map((total) => (
                    <Table.Row key={total.measure}>
                      <Table.HeaderCell scope="row">
                        {measureName(total.measure)}
                        <span className={styles.unit}>{isMeasure(total.measure) ? t(`welfaretech.measureUnit.${total.measure}`) : total.unit}</span>
                      </Table.HeaderCell>
                      <Table.Cell>{formatNumber(total.baseline, language)}</Table.Cell>
                      <Table.Cell>{formatNumber(total.follow_up, language)}</Table.Cell>
                      <Table.Cell data-testid={`total-${total.measure}`}>{formatNumber(total.gain, language)}</Table.Cell>
                      <Table.Cell>{formatNumber(total.gain_per_year, language)}</Table.Cell>
                      <Table.Cell>
                        <span className={styles.loansCell}>
                          <span>{total.loans_measured}</span>
                          {isMeasure(total.measure) && total.loans_measured > 0 ? (
                            <ShowLoans
                              figure={{ technology: null, measure: total.measure, label: t('welfaretech.dashboard.figureMunicipal', { measure: measureName(total.measure) }) }}
                              open={open}
                              onOpen={setOpen}
                            />
                          ) : null}
                        </span>
                      </Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
          </section>
          <section aria-labelledby="per-technology-heading" className={styles.section}>
            <Heading level={2} data-size="sm" id="per-technology-heading">
              {t('welfaretech.dashboard.perTechnology')}
            </Heading>
            {dashboard.data.by_technology.map((item) => (
              <details key={item.technology_code} className={styles.details}>
                <summary>
                  <Localized text={item.technology_name} /> · {t('welfaretech.dashboard.loansMeasured', { count: item.loans_measured })}
                </summary>
                <ul className={styles.list}>
                  {item.totals.map((total) => (
                    <li key={total.measure} className={styles.item}>
                      <span>
                        {measureName(total.measure)}: {formatNumber(total.gain, language)}{' '}
                        {isMeasure(total.measure) ? t(`welfaretech.measureUnit.${total.measure}`) : total.unit}
                      </span>
                      {isMeasure(total.measure) ? (
                        <ShowLoans
                          figure={{ technology: item.technology_code, measure: total.measure, label: `${measureName(total.measure)}, ${pickLocalized(item.technology_name, language).value}` }}
                          open={open}
                          onOpen={setOpen}
                        />
                      ) : null}
                    </li>
                  ))}
                </ul>
              </details>
            ))}
          </section>
          {open ? <DashboardLoans key={`${open.technology ?? ''}-${open.measure}`} technology={open.technology} measure={open.measure} figure={open.label} onClose={() => setOpen(null)} /> : null}
        </>
      ) : null}
    </div>
  );
}
