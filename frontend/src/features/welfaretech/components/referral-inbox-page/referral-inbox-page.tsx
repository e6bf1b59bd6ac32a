import { Button, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';

import { usePageTitle } from '@/components/page-title/use-page-title';
import { Loading, ProblemAlert } from '@/components/query-state/query-state';
import { useSession } from '@/lib/auth';
import { daysBetween, formatShortDate, osloToday } from '@/lib/dates';
import { useLocalize } from '@/lib/i18n';

import { useReferrals } from '../../api/referrals';
import { canReadReferrals, isTeam } from '../../lib/permissions';
import { referralAssessmentPath } from '../../paths';
import { NoAccess } from '../no-access/no-access';
import { WtNav } from '../wt-nav/wt-nav';

import styles from './referral-inbox-page.module.css';

/** /velferdsteknologi: the open referrals from intake's screening and direct ones, oldest first. */
export function ReferralInboxPage() {
  const { t } = useTranslation();
  const { language } = useLocalize();
  usePageTitle(t('welfaretech.inbox.title'));
  const session = useSession();
  const allowed = !!session && canReadReferrals(session.user.roles);
  const referrals = useReferrals('open');
  if (!allowed) return <NoAccess />;
  const team = isTeam(session.user.roles);
  const today = osloToday();
  return (
    <div className={styles.page}>
      <Heading level={1} data-size="lg">
        {t('welfaretech.inbox.title')}
      </Heading>
      <WtNav />
      <Paragraph>{t('welfaretech.inbox.intro')}</Paragraph>
      {referrals.isPending ? <Loading /> : null}
      {referrals.isError ? <ProblemAlert error={referrals.error} onRetry={() => void referrals.refetch()} /> : null}
      {referrals.isSuccess && referrals.data.length === 0 ? <Paragraph>{t('welfaretech.inbox.empty')}</Paragraph> : null}
      {referrals.isSuccess && referrals.data.length > 0 ? (
        <div className={styles.scroll} role="region" aria-labelledby="inbox-caption" tabIndex={0}>
          <Table className={styles.table} data-testid="referral-inbox">
            <caption id="inbox-caption" className={styles.caption}>
              {t('welfaretech.inbox.caption', { count: referrals.data.length })}
            </caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('welfaretech.inbox.column.person')}</Table.HeaderCell>
                <Table.HeaderCell>{t('welfaretech.inbox.column.received')}</Table.HeaderCell>
                <Table.HeaderCell>{t('welfaretech.inbox.column.source')}</Table.HeaderCell>
                <Table.HeaderCell>{t('welfaretech.inbox.column.requested')}</Table.HeaderCell>
                {team ? <Table.HeaderCell>{t('welfaretech.inbox.column.action')}</Table.HeaderCell> : null}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {referrals.data.map((referral) => {
                const waited = daysBetween(referral.received_on, today);
                return (
                  <Table.Row key={referral.id}>
                    <Table.Cell>
                      <span className={styles.name}>{referral.person_name ?? t('welfaretech.inbox.unnamed')}</span>
                      {referral.note ? <span className={styles.note}>{referral.note}</span> : null}
                    </Table.Cell>
                    <Table.Cell>
                      {formatShortDate(referral.received_on, language)}
                      <span className={styles.note}>{t('welfaretech.inbox.waited', { count: Number.isNaN(waited) ? 0 : waited })}</span>
                    </Table.Cell>
                    <Table.Cell>
                      <Tag data-color={referral.source === 'intake_screening' ? 'info' : 'neutral'}>{t(`welfaretech.referralSource.${referral.source}`)}</Tag>
                      <span className={styles.note}>{referral.referred_by_name}</span>
                    </Table.Cell>
                    <Table.Cell>
                      {referral.requested.length === 0
                        ? t('welfaretech.inbox.nothingRequested')
                        : referral.requested.map((kind) => t(`welfaretech.kind.${kind}`)).join(', ')}
                    </Table.Cell>
                    {team ? (
                      <Table.Cell>
                        <Button asChild variant="secondary" data-size="sm" className={styles.action}>
                          <RouterLink to={referralAssessmentPath(referral.id)}>
                            {t('welfaretech.inbox.assess', { name: referral.person_name ?? t('welfaretech.inbox.unnamed') })}
                          </RouterLink>
                        </Button>
                      </Table.Cell>
                    ) : null}
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table>
        </div>
      ) : null}
    </div>
  );
}
