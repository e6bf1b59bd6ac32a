import { Button, Card, Chip, Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useSearchParams } from 'react-router';

import { PageLayout } from '@/components/page-layout/page-layout';
import { usePageTitle } from '@/components/page-title/use-page-title';
import { Loading, ProblemAlert } from '@/components/query-state/query-state';
import { useSession } from '@/lib/auth';
import { formatDate, osloToday } from '@/lib/dates';
import { useLocalize } from '@/lib/i18n';

import { useServiceTypes } from '../../api/get-service-types';
import { useWorklist } from '../../api/get-worklist';
import { WORKLIST_KINDS, type WorklistItem, type WorklistKind, type WorklistScope } from '../../api/types';
import { canReadWorklist } from '../../lib/permissions';
import { type Count, countByKind, formatCount, todayIndex, translateTitle, worklistCounts, worklistTarget } from '../../lib/worklist';
import { personPath } from '../../paths';
import { NoAccess } from '../no-access/no-access';

import styles from './worklist-page.module.css';

const SCOPES: readonly WorklistScope[] = ['mine', 'unit', 'all'];
const isScope = (value: string | null): value is WorklistScope => (SCOPES as readonly (string | null)[]).includes(value);
const isKind = (value: string): value is WorklistKind => (WORKLIST_KINDS as readonly string[]).includes(value);

function TaskCard({ item, title }: { item: WorklistItem; title: string }) {
  const { t } = useTranslation();
  const { language } = useLocalize();
  return (
    <Card className={item.overdue ? `${styles.card} ${styles.overdue}` : styles.card} data-testid="worklist-item" data-overdue={item.overdue || undefined}>
      <div className={styles.top}>
        <Heading level={3} data-size="2xs">
          <Link asChild>
            <RouterLink to={worklistTarget(item)}>{t(`intake.worklist.kind.${item.kind}`)}</RouterLink>
          </Link>
        </Heading>
        {item.overdue ? (
          <Tag data-color="danger" data-size="sm">
            {t('intake.worklist.overdue')}
          </Tag>
        ) : null}
      </div>
      {title ? <Paragraph data-size="sm" className={styles.title}>{title}</Paragraph> : null}
      <dl className={styles.facts}>
        <div>
          <dt>{t('intake.worklist.column.person')}</dt>
          <dd>
            <Link asChild>
              <RouterLink to={personPath(item.person.id)}>{t('intake.personName', { given: item.person.given_name, family: item.person.family_name })}</RouterLink>
            </Link>
          </dd>
        </div>
        <div>
          <dt>{t('intake.worklist.column.due')}</dt>
          <dd>{formatDate(item.due, language)}</dd>
        </div>
      </dl>
    </Card>
  );
}

/** /arbeidsliste: deadlines and tasks, overdue first, filtered by scope (`?vis=`) and kind (`?type=`), twenty at a time with «Vis flere». */
export function WorklistPage() {
  const { t } = useTranslation();
  const { language, localize } = useLocalize();
  usePageTitle(t('intake.worklist.title'));
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const scopeParam = params.get('vis');
  const scope: WorklistScope = isScope(scopeParam) ? scopeParam : 'mine';
  const kinds = WORKLIST_KINDS.filter((kind) => params.getAll('type').filter(isKind).includes(kind));
  const worklist = useWorklist(scope, kinds);
  const services = useServiceTypes();
  const today = osloToday();
  if (!session || !canReadWorklist(session.user.roles)) return <NoAccess reason="read" />;

  const pages = worklist.data?.pages ?? [];
  const items = pages.flatMap((page) => page.items);
  const scopeCounts = pages[0]?.counts ?? [];
  const counts = worklistCounts(scopeCounts);
  const byKind = countByKind(scopeCounts);
  const shownTotal: Count =
    kinds.length === 0
      ? counts.total
      : kinds.reduce<Count>((total, kind) => {
          const count = byKind.get(kind);
          return count ? { value: total.value + count.value, more: total.more || count.more } : total;
        }, { value: 0, more: false });
  const show = (count: Count) => formatCount(count, (value) => t('intake.worklist.moreThan', { value }));
  const marker = todayIndex(items);
  const update = (nextScope: WorklistScope, nextKinds: readonly WorklistKind[]) => {
    const next = new URLSearchParams();
    if (nextScope !== 'mine') next.set('vis', nextScope);
    for (const kind of nextKinds) next.append('type', kind);
    setParams(next, { replace: true });
  };
  const toggleKind = (kind: WorklistKind) => update(scope, kinds.includes(kind) ? kinds.filter((item) => item !== kind) : [...kinds, kind]);

  return (
    <PageLayout title={t('intake.worklist.title')} lead={t('intake.worklist.intro')} wide>
      <fieldset className={styles.filters}>
        <legend className={styles.legend}>{t('intake.worklist.scope.legend')}</legend>
        <div className={styles.chips}>
          {SCOPES.map((value) => (
            <Chip.Radio key={value} name="scope" value={value} checked={scope === value} onChange={() => update(value, kinds)}>
              {t(`intake.worklist.scope.${value}`)}
            </Chip.Radio>
          ))}
        </div>
      </fieldset>

      {worklist.isPending ? <Loading /> : null}
      {worklist.isError ? <ProblemAlert error={worklist.error} onRetry={() => void worklist.refetch()} /> : null}
      {worklist.isSuccess ? (
        <>
          <ul className={styles.counts} aria-label={t('intake.worklist.countsLabel')} data-testid="worklist-counts">
            <li>
              <span className={styles.count}>{show(counts.overdue)}</span> {t('intake.worklist.count.overdue')}
            </li>
            <li>
              <span className={styles.count}>{show(counts.dueThisWeek)}</span> {t('intake.worklist.count.dueThisWeek')}
            </li>
            <li>
              <span className={styles.count}>{show(counts.awaitingApproval)}</span> {t('intake.worklist.count.awaitingApproval')}
            </li>
            <li>
              <span className={styles.count}>{show(counts.total)}</span> {t('intake.worklist.count.total')}
            </li>
          </ul>
          {counts.total.value > 0 || kinds.length > 0 ? (
            <fieldset className={styles.filters}>
              <legend className={styles.legend}>{t('intake.worklist.kindFilter')}</legend>
              <div className={styles.chips}>
                {WORKLIST_KINDS.filter((kind) => byKind.has(kind) || kinds.includes(kind)).map((kind) => (
                  <Chip.Checkbox key={kind} name="kind" value={kind} checked={kinds.includes(kind)} onChange={() => toggleKind(kind)}>
                    {t('intake.worklist.kindCount', { kind: t(`intake.worklist.kind.${kind}`), amount: show(byKind.get(kind) ?? { value: 0, more: false }) })}
                  </Chip.Checkbox>
                ))}
              </div>
            </fieldset>
          ) : null}
          {items.length === 0 ? <Paragraph>{t('intake.worklist.empty')}</Paragraph> : null}
          {items.length > 0 ? (
            <ul className={styles.list} data-testid="worklist" aria-label={t('intake.worklist.caption')}>
              {items.map((item, index) => (
                <li key={`${item.kind}-${item.subject_id}`} className={styles.item}>
                  {index === marker ? (
                    <p className={styles.today} data-testid="today-marker">
                      {t('intake.worklist.today', { date: formatDate(today, language) })}
                    </p>
                  ) : null}
                  <TaskCard item={item} title={translateTitle(item.title, services.data ?? [], localize)} />
                </li>
              ))}
            </ul>
          ) : null}
          {items.length > 0 ? (
            <div className={styles.more}>
              <Paragraph data-size="sm" role="status" data-testid="worklist-shown">
                {t('intake.worklist.shown', { shown: items.length, total: show({ ...shownTotal, value: Math.max(shownTotal.value, items.length) }) })}
              </Paragraph>
              {worklist.hasNextPage ? (
                <Button variant="secondary" onClick={() => void worklist.fetchNextPage()} loading={worklist.isFetchingNextPage} data-testid="worklist-more">
                  {t('intake.worklist.more')}
                </Button>
              ) : null}
            </div>
          ) : null}
        </>
      ) : null}
    </PageLayout>
  );
}
