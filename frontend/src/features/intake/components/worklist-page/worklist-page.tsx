import { Card, Chip, Heading, Link, Pagination, Paragraph, Tag, usePagination } from '@digdir/designsystemet-react';
import { useState } from 'react';
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
import { countByKind, overdueFirst, pageOf, todayIndex, translateTitle, worklistCounts, worklistTarget } from '../../lib/worklist';
import { personPath } from '../../paths';
import { NoAccess } from '../no-access/no-access';

import styles from './worklist-page.module.css';

const SCOPES: readonly WorklistScope[] = ['mine', 'unit', 'all'];
const isScope = (value: string | null): value is WorklistScope => (SCOPES as readonly (string | null)[]).includes(value);

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

/** /arbeidsliste: deadlines and tasks, overdue first, filtered by kind, a page at a time. */
export function WorklistPage() {
  const { t } = useTranslation();
  const { language, localize } = useLocalize();
  usePageTitle(t('intake.worklist.title'));
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const [kinds, setKinds] = useState<WorklistKind[]>([]);
  const [page, setPage] = useState(1);
  const scopeParam = params.get('vis');
  const scope: WorklistScope = isScope(scopeParam) ? scopeParam : 'mine';
  const worklist = useWorklist(scope);
  const services = useServiceTypes();
  const today = osloToday();

  const all = overdueFirst(worklist.data ?? []);
  const shown = kinds.length === 0 ? all : all.filter((item) => kinds.includes(item.kind));
  const current = pageOf(shown, page);
  const pagination = usePagination({ currentPage: current.page, setCurrentPage: setPage, totalPages: current.pages, showPages: 5 });
  if (!session || !canReadWorklist(session.user.roles)) return <NoAccess reason="read" />;

  const counts = worklistCounts(all, today);
  const byKind = countByKind(all);
  const marker = todayIndex(current.items);
  const toggleKind = (kind: WorklistKind) => {
    setKinds((chosen) => (chosen.includes(kind) ? chosen.filter((item) => item !== kind) : [...chosen, kind]));
    setPage(1);
  };

  return (
    <PageLayout title={t('intake.worklist.title')} lead={t('intake.worklist.intro')} wide>
      <fieldset className={styles.filters}>
        <legend className={styles.legend}>{t('intake.worklist.scope.legend')}</legend>
        <div className={styles.chips}>
          {SCOPES.map((value) => (
            <Chip.Radio
              key={value}
              name="scope"
              value={value}
              checked={scope === value}
              onChange={() => {
                setParams(value === 'mine' ? {} : { vis: value }, { replace: true });
                setPage(1);
              }}
            >
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
              <span className={styles.count}>{counts.overdue}</span> {t('intake.worklist.count.overdue')}
            </li>
            <li>
              <span className={styles.count}>{counts.dueThisWeek}</span> {t('intake.worklist.count.dueThisWeek')}
            </li>
            <li>
              <span className={styles.count}>{counts.awaitingApproval}</span> {t('intake.worklist.count.awaitingApproval')}
            </li>
            <li>
              <span className={styles.count}>{counts.total}</span> {t('intake.worklist.count.total')}
            </li>
          </ul>
          {all.length > 0 ? (
            <fieldset className={styles.filters}>
              <legend className={styles.legend}>{t('intake.worklist.kindFilter')}</legend>
              <div className={styles.chips}>
                {WORKLIST_KINDS.filter((kind) => byKind.has(kind)).map((kind) => (
                  <Chip.Checkbox key={kind} name="kind" value={kind} checked={kinds.includes(kind)} onChange={() => toggleKind(kind)}>
                    {t('intake.worklist.kindCount', { kind: t(`intake.worklist.kind.${kind}`), count: byKind.get(kind) ?? 0 })}
                  </Chip.Checkbox>
                ))}
              </div>
            </fieldset>
          ) : null}
          {shown.length === 0 ? <Paragraph>{t('intake.worklist.empty')}</Paragraph> : null}
          {shown.length > 0 ? (
            <ul className={styles.list} data-testid="worklist" aria-label={t('intake.worklist.caption')}>
              {current.items.map((item, index) => (
                <li key={`${item.kind}-${item.subject_id}-${item.due}`} className={styles.item}>
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
          {current.pages > 1 ? (
            <Pagination aria-label={t('intake.worklist.pagination', { page: current.page, pages: current.pages })} data-testid="worklist-pagination">
              <Pagination.List>
                <Pagination.Item>
                  <Pagination.Button aria-label={t('intake.worklist.previous')} {...pagination.prevButtonProps} />
                </Pagination.Item>
                {pagination.pages.map(({ itemKey, buttonProps, page: number }) => (
                  <Pagination.Item key={itemKey}>
                    {typeof number === 'number' ? (
                      <Pagination.Button aria-label={t('intake.worklist.page', { page: number })} {...buttonProps}>
                        {number}
                      </Pagination.Button>
                    ) : null}
                  </Pagination.Item>
                ))}
                <Pagination.Item>
                  <Pagination.Button aria-label={t('intake.worklist.next')} {...pagination.nextButtonProps} />
                </Pagination.Item>
              </Pagination.List>
            </Pagination>
          ) : null}
        </>
      ) : null}
    </PageLayout>
  );
}
