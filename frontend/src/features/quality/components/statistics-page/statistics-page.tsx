import { Button, Field, Heading, Label, Paragraph, Select, Table } from '@digdir/designsystemet-react';
import { DownloadIcon } from '@navikt/aksel-icons';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { DateInput } from '@/components/date-field/date-field';
import { PageLayout } from '@/components/page-layout/page-layout';
import { usePageTitle } from '@/components/page-title/use-page-title';
import { Loading, ProblemAlert } from '@/components/query-state/query-state';
import { useSession } from '@/lib/auth';
import { formatShortDate, isIsoDate, todayIso } from '@/lib/dates';
import { useLocalize } from '@/lib/i18n';

import { exportStatisticsCsv, useStatistics, type StatisticsFilter } from '../../api/get-statistics';
import { useUnitName, useUnits } from '../../api/get-units';
import { CATEGORIES, RISK_LEVELS, STATUSES, type DeviationCategory, type RiskLevel, type StatisticsRead } from '../../api/types';
import { canHandleDeviations } from '../../lib/permissions';
import { riskScore } from '../../lib/risk';
import { BarChart } from '../bar-chart/bar-chart';
import { NoAccess } from '../no-access/no-access';
import { QualityNav } from '../quality-nav/quality-nav';
import { cellKey, RiskMatrix } from '../risk-matrix/risk-matrix';
import { TrendChart } from '../trend-chart/trend-chart';

import styles from './statistics-page.module.css';

/** The first of the month eleven months back: a year of whole months to today. */
export function defaultFirst(today: string): string {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const back = new Date(Date.UTC(year, month - 1 - 11, 1));
  return back.toISOString().slice(0, 10);
}

const count = (rows: StatisticsRead['by_category'], key: string) => rows.find((row) => row.key === key)?.count ?? 0;

function HeatMap({ stats }: { stats: StatisticsRead }) {
  const { t } = useTranslation();
  const counts = new Map(stats.heat_map.map((cell) => [cellKey(cell.consequence, cell.probability), cell.count]));
  const cells = stats.heat_map.filter((cell) => cell.count > 0).sort((a, b) => b.consequence * b.probability - a.consequence * a.probability);
  return (
    <section aria-labelledby="heat-heading" className={styles.chart} data-testid="heat-map">
      <Heading level={3} data-size="xs" id="heat-heading">
        {t('quality.stats.heatMap')}
      </Heading>
      <div className={styles.pair}>
        <RiskMatrix counts={counts} caption={t('quality.stats.heatMapCaption')} />
        {cells.length === 0 ? (
          <Paragraph data-size="sm">{t('quality.stats.noData')}</Paragraph>
        ) : (
          <Table data-size="sm" className={styles.table}>
            <caption className={styles.caption}>{t('quality.stats.tableOf', { title: t('quality.stats.heatMap') })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('quality.stats.cell')}</Table.HeaderCell>
                <Table.HeaderCell>{t('quality.table.risk')}</Table.HeaderCell>
                <Table.HeaderCell className={styles.number}>{t('quality.stats.count')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {cells.map((cell) => (
                <Table.Row key={cellKey(cell.consequence, cell.probability)}>
                  <Table.HeaderCell scope="row">{t('quality.stats.cellName', { consequence: cell.consequence, probability: cell.probability })}</Table.HeaderCell>
                  <Table.Cell>
                    {t('quality.risk.badge', { level: t(`quality.riskLevel.${cell.risk_level}`), score: riskScore(cell.consequence, cell.probability) })}
                  </Table.Cell>
                  <Table.Cell className={styles.number}>{cell.count}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </div>
    </section>
  );
}

/** /avvik/statistikk: counts by category, unit, risk and status for a period, the heat map and the trend, and the CSV export. */
export function StatisticsPage() {
  const { t } = useTranslation();
  const { language } = useLocalize();
  usePageTitle(t('quality.stats.title'));
  const session = useSession();
  const units = useUnits();
  const unitName = useUnitName();
  const today = todayIso();
  const [draft, setDraft] = useState({ first: defaultFirst(today), last: today, unit: '', category: '' });
  const [filter, setFilter] = useState<StatisticsFilter>({ first: defaultFirst(today), last: today });
  const [errors, setErrors] = useState<{ first?: string; last?: string }>({});
  const [exportProblem, setExportProblem] = useState<unknown>(null);
  const [exporting, setExporting] = useState(false);
  const stats = useStatistics(filter);

  if (!session || !canHandleDeviations(session.user.roles)) return <NoAccess />;

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const next: typeof errors = {};
    if (!isIsoDate(draft.first)) next.first = t('quality.errors.date', { field: t('quality.stats.first') });
    if (!isIsoDate(draft.last)) next.last = t('quality.errors.date', { field: t('quality.stats.last') });
    else if (isIsoDate(draft.first) && draft.last < draft.first) next.last = t('quality.stats.lastBeforeFirst');
    setErrors(next);
    if (next.first || next.last) return;
    setFilter({
      first: draft.first,
      last: draft.last,
      ...(draft.unit ? { unit: draft.unit } : {}),
      ...(draft.category ? { category: draft.category as DeviationCategory } : {}),
    });
  };

  const download = async () => {
    setExportProblem(null);
    setExporting(true);
    try {
      const blob = await exportStatisticsCsv(filter);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `avvik-${filter.first}-${filter.last}.csv`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (error) {
      setExportProblem(error);
    } finally {
      setExporting(false);
    }
  };

  const data = stats.data;
  const tone = (level: RiskLevel) => level;
  return (
    <PageLayout title={t('quality.stats.title')} lead={t('quality.stats.lead')}>
      <QualityNav />
      <form onSubmit={apply} noValidate className={styles.filters} aria-labelledby="filter-heading">
        <Heading level={2} data-size="xs" id="filter-heading" className={styles.full}>
          {t('quality.stats.filterHeading')}
        </Heading>
        <DateInput id="stats-first" label={t('quality.stats.first')} value={draft.first} onChange={(first) => setDraft((d) => ({ ...d, first }))} error={errors.first} />
        <DateInput id="stats-last" label={t('quality.stats.last')} value={draft.last} onChange={(last) => setDraft((d) => ({ ...d, last }))} error={errors.last} />
        <Field>
          <Label htmlFor="stats-unit">{t('quality.report.unit')}</Label>
          <Select id="stats-unit" value={draft.unit} onChange={(event) => setDraft((d) => ({ ...d, unit: event.target.value }))}>
            <Select.Option value="">{t('quality.stats.allUnits')}</Select.Option>
            {(units.data ?? []).map((unit) => (
              <Select.Option key={unit.code} value={unit.code}>
                {unit.name}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field>
          <Label htmlFor="stats-category">{t('quality.report.category')}</Label>
          <Select id="stats-category" value={draft.category} onChange={(event) => setDraft((d) => ({ ...d, category: event.target.value }))}>
            <Select.Option value="">{t('quality.stats.allCategories')}</Select.Option>
            {CATEGORIES.map((value) => (
              <Select.Option key={value} value={value}>
                {t(`quality.category.${value}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <div className={styles.buttons}>
          <Button type="submit">{t('quality.stats.apply')}</Button>
          <Button type="button" variant="secondary" onClick={() => void download()} loading={exporting} disabled={exporting} data-testid="export-csv">
            <DownloadIcon aria-hidden fontSize="1.5em" />
            {t('quality.stats.export')}
          </Button>
        </div>
      </form>
      {exportProblem ? (
        <div role="alert">
          <ProblemAlert error={exportProblem} />
        </div>
      ) : null}
      {stats.isPending ? <Loading /> : null}
      {stats.isError ? <ProblemAlert error={stats.error} onRetry={() => void stats.refetch()} /> : null}
      {data ? (
        <div className={styles.results} aria-busy={stats.isFetching || undefined}>
          <Paragraph data-testid="stats-period">
            {t('quality.stats.period', { first: formatShortDate(data.first, language), last: formatShortDate(data.last, language) })}
          </Paragraph>
          <dl className={styles.kpis} data-testid="stats-kpis">
            <div>
              <dt>{t('quality.stats.total')}</dt>
              <dd>{data.total}</dd>
            </div>
            <div>
              <dt>{t('quality.stats.serious')}</dt>
              <dd>{data.serious}</dd>
            </div>
            <div>
              <dt>{t('quality.stats.open')}</dt>
              <dd>{data.open}</dd>
            </div>
            <div>
              <dt>{t('quality.stats.medianDays')}</dt>
              <dd>{data.median_days_to_close === null ? t('quality.stats.none') : data.median_days_to_close.toLocaleString(language === 'en' ? 'en-GB' : 'nb-NO')}</dd>
            </div>
          </dl>
          <BarChart
            title={t('quality.stats.byCategory')}
            valueHeader={t('quality.stats.count')}
            testId="by-category"
            bars={CATEGORIES.map((key) => ({ key, label: t(`quality.category.${key}`), value: count(data.by_category, key) })).filter((bar) => bar.value > 0)}
          />
          <BarChart
            title={t('quality.stats.byUnit')}
            valueHeader={t('quality.stats.count')}
            testId="by-unit"
            bars={[...data.by_unit].sort((a, b) => b.count - a.count).map((row) => ({ key: row.key, label: unitName(row.key), value: row.count }))}
          />
          <BarChart
            title={t('quality.stats.byRisk')}
            valueHeader={t('quality.stats.count')}
            testId="by-risk"
            bars={RISK_LEVELS.map((key) => ({ key, label: t(`quality.riskLevel.${key}`), value: count(data.by_risk_level, key), tone: tone(key) }))}
          />
          <BarChart
            title={t('quality.stats.byStatus')}
            valueHeader={t('quality.stats.count')}
            testId="by-status"
            bars={STATUSES.map((key) => ({ key, label: t(`quality.status.${key}`), value: count(data.by_status, key) }))}
          />
          <HeatMap stats={data} />
          <TrendChart trend={data.trend} />
        </div>
      ) : null}
    </PageLayout>
  );
}
