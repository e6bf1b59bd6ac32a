import { Heading, Link, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';

import { usePageTitle } from '@/components/page-title/use-page-title';
import { Loading, ProblemAlert } from '@/components/query-state/query-state';
import { useSession } from '@/lib/auth';
import { formatDate } from '@/lib/dates';
import { useLocalize } from '@/lib/i18n';

import { useWorklist } from '../../api/get-worklist';
import { WORKLIST_KINDS, type WorklistItem } from '../../api/types';
import { canReadWorklist } from '../../lib/permissions';
import { decisionPath, personPath } from '../../paths';
import { NoAccess } from '../no-access/no-access';

import styles from './worklist-page.module.css';

type Kind = (typeof WORKLIST_KINDS)[number];
const isKind = (value: string): value is Kind => (WORKLIST_KINDS as readonly string[]).includes(value);
/** Tasks about a decision open the decision; the rest open the person. */
const DECISION_KINDS: readonly string[] = ['review_due', 'decision_ending', 'awaiting_approval', 'not_sent'];

export function worklistTarget(item: WorklistItem): string {
  return DECISION_KINDS.includes(item.kind) ? decisionPath(item.subject_id) : personPath(item.person.id);
}

/** Overdue first (stable), as the API orders it; sorted again so the rule holds whatever arrives. */
export function overdueFirst(items: readonly WorklistItem[]): WorklistItem[] {
  return [...items].sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.due.localeCompare(b.due));
}

/** /arbeidsliste: deadlines and tasks, overdue first with a red «Forfalt». */
export function WorklistPage() {
  const { t } = useTranslation();
  const { language } = useLocalize();
  usePageTitle(t('intake.worklist.title'));
  const session = useSession();
  const worklist = useWorklist();
  if (!session || !canReadWorklist(session.user.roles)) return <NoAccess reason="read" />;
  return (
    <div className={styles.page}>
      <Heading level={1} data-size="lg">
        {t('intake.worklist.title')}
      </Heading>
      <Paragraph>{t('intake.worklist.intro')}</Paragraph>
      {worklist.isPending ? <Loading /> : null}
      {worklist.isError ? <ProblemAlert error={worklist.error} onRetry={() => void worklist.refetch()} /> : null}
      {worklist.isSuccess && worklist.data.length === 0 ? <Paragraph>{t('intake.worklist.empty')}</Paragraph> : null}
      {worklist.isSuccess && worklist.data.length > 0 ? (
        <div className={styles.scroll}>
          <Table data-testid="worklist" className={styles.table}>
            <caption className={styles.caption}>{t('intake.worklist.caption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('intake.worklist.column.task')}</Table.HeaderCell>
                <Table.HeaderCell>{t('intake.worklist.column.person')}</Table.HeaderCell>
                <Table.HeaderCell>{t('intake.worklist.column.due')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {overdueFirst(worklist.data).map((item) => (
                <Table.Row key={`${item.kind}-${item.subject_id}`} data-overdue={item.overdue || undefined}>
                  <Table.Cell>
                    <Link asChild>
                      <RouterLink to={worklistTarget(item)}>{isKind(item.kind) ? t(`intake.worklist.kind.${item.kind}`) : item.title}</RouterLink>
                    </Link>
                    {item.title ? <span className={styles.title}>{item.title}</span> : null}
                  </Table.Cell>
                  <Table.Cell>
                    <Link asChild>
                      <RouterLink to={personPath(item.person.id)}>
                        {t('intake.personName', { given: item.person.given_name, family: item.person.family_name })}
                      </RouterLink>
                    </Link>
                  </Table.Cell>
                  <Table.Cell>
                    <span className={styles.due}>
                      {formatDate(item.due, language)}
                      {item.overdue ? (
                        <Tag data-color="danger" data-size="sm">
                          {t('intake.worklist.overdue')}
                        </Tag>
                      ) : null}
                    </span>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      ) : null}
    </div>
  );
}
