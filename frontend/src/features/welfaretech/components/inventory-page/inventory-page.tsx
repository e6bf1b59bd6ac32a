import { Field, Heading, Label, Link, Paragraph, Select, Table, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';

import { Localized } from '@/components/localized/localized';
import { usePageTitle } from '@/components/page-title/use-page-title';
import { Loading, ProblemAlert } from '@/components/query-state/query-state';
import { useSession } from '@/lib/auth';
import { formatShortDate } from '@/lib/dates';
import { useLocalize } from '@/lib/i18n';

import { useDevices } from '../../api/devices';
import { useLoans, useOverdueChecks } from '../../api/loans';
import { DEVICE_STATUSES, type DeviceStatus, type LoanSummary } from '../../api/types';
import { canReadReferrals, isTeam } from '../../lib/permissions';
import { loanPath } from '../../paths';
import { NoAccess } from '../no-access/no-access';
import { PersonName } from '../person-name/person-name';
import { WtNav } from '../wt-nav/wt-nav';

import styles from './inventory-page.module.css';

const STATUS_COLOR: Record<DeviceStatus, 'success' | 'info' | 'warning' | 'neutral'> = {
  in_stock: 'success',
  on_loan: 'info',
  in_repair: 'warning',
  retired: 'neutral',
};

function LoanTable({ loans, caption, testId }: { loans: readonly LoanSummary[]; caption: string; testId: string }) {
  const { t } = useTranslation();
  const { language } = useLocalize();
  return (
    <div className={styles.scroll} role="region" aria-label={caption} tabIndex={0}>
      <Table className={styles.table} data-testid={testId}>
        <caption className={styles.caption}>{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('welfaretech.inventory.column.device')}</Table.HeaderCell>
            <Table.HeaderCell>{t('welfaretech.inventory.column.person')}</Table.HeaderCell>
            <Table.HeaderCell>{t('welfaretech.inventory.column.installed')}</Table.HeaderCell>
            <Table.HeaderCell>{t('welfaretech.inventory.column.unit')}</Table.HeaderCell>
            <Table.HeaderCell>{t('welfaretech.inventory.column.nextCheck')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {loans.map((loan) => (
            <Table.Row key={loan.id}>
              <Table.Cell>
                <Link asChild>
                  <RouterLink to={loanPath(loan.id)}>
                    <Localized text={loan.device.technology_name} /> {loan.device.serial}
                  </RouterLink>
                </Link>
              </Table.Cell>
              <Table.Cell>
                <PersonName loan={loan} />
              </Table.Cell>
              <Table.Cell>{formatShortDate(loan.installed_on, language)}</Table.Cell>
              <Table.Cell>{loan.unit}</Table.Cell>
              <Table.Cell>
                {loan.next_check_on ? formatShortDate(loan.next_check_on, language) : '–'}{' '}
                {loan.is_check_overdue ? <Tag data-color="danger">{t('welfaretech.inventory.overdue')}</Tag> : null}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}

/** /velferdsteknologi/utstyr: the device instances with their status, the overdue checks and the open loans. */
export function InventoryPage() {
  const { t } = useTranslation();
  const { language } = useLocalize();
  usePageTitle(t('welfaretech.inventory.title'));
  const session = useSession();
  // Everyone who reads a person's loans (home care sees its own units' loans, where it records
  // follow-up measurements); the overdue checks are the team's work list.
  const allowed = !!session && canReadReferrals(session.user.roles);
  const team = !!session && isTeam(session.user.roles);
  const [status, setStatus] = useState<DeviceStatus | ''>('');
  const devices = useDevices(status ? { status } : {});
  const overdue = useOverdueChecks(team);
  const loans = useLoans({ status: 'active' }, allowed);
  if (!allowed) return <NoAccess />;
  return (
    <div className={styles.page}>
      <Heading level={1} data-size="lg">
        {t('welfaretech.inventory.title')}
      </Heading>
      <WtNav />
      {team ? (
        <section aria-labelledby="overdue-heading" className={styles.section}>
          <Heading level={2} data-size="sm" id="overdue-heading">
            {t('welfaretech.inventory.overdueHeading')}
          </Heading>
          {overdue.isPending ? <Loading /> : null}
          {overdue.isError ? <ProblemAlert error={overdue.error} onRetry={() => void overdue.refetch()} /> : null}
          {overdue.isSuccess && overdue.data.length === 0 ? <Paragraph>{t('welfaretech.inventory.noOverdue')}</Paragraph> : null}
          {overdue.isSuccess && overdue.data.length > 0 ? <LoanTable loans={overdue.data} caption={t('welfaretech.inventory.overdueCaption', { count: overdue.data.length })} testId="overdue-checks" /> : null}
        </section>
      ) : null}
      <section aria-labelledby="loans-heading" className={styles.section}>
        <Heading level={2} data-size="sm" id="loans-heading">
          {t('welfaretech.inventory.loansHeading')}
        </Heading>
        {loans.isPending ? <Loading /> : null}
        {loans.isError ? <ProblemAlert error={loans.error} onRetry={() => void loans.refetch()} /> : null}
        {loans.isSuccess ? <LoanTable loans={loans.data} caption={t('welfaretech.inventory.loansCaption', { count: loans.data.length })} testId="active-loans" /> : null}
      </section>
      <section aria-labelledby="devices-heading" className={styles.section}>
        <Heading level={2} data-size="sm" id="devices-heading">
          {t('welfaretech.inventory.devicesHeading')}
        </Heading>
        <Field className={styles.filter}>
          <Label>{t('welfaretech.inventory.statusFilter')}</Label>
          <Select value={status} onChange={(event) => setStatus(event.target.value as DeviceStatus | '')}>
            <Select.Option value="">{t('welfaretech.inventory.allStatuses')}</Select.Option>
            {DEVICE_STATUSES.map((value) => (
              <Select.Option key={value} value={value}>
                {t(`welfaretech.deviceStatus.${value}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        {devices.isPending ? <Loading /> : null}
        {devices.isError ? <ProblemAlert error={devices.error} onRetry={() => void devices.refetch()} /> : null}
        {devices.isSuccess ? (
          <div className={styles.scroll} role="region" aria-labelledby="devices-caption" tabIndex={0}>
            <Table className={styles.table} data-testid="devices">
              <caption id="devices-caption" className={styles.caption}>
                {t('welfaretech.inventory.devicesCaption', { count: devices.data.length })}
              </caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('welfaretech.inventory.column.serial')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('welfaretech.inventory.column.technology')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('welfaretech.inventory.column.status')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('welfaretech.inventory.column.acquired')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {devices.data.map((device) => (
                  <Table.Row key={device.id}>
                    <Table.Cell>{device.serial}</Table.Cell>
                    <Table.Cell>
                      <Localized text={device.technology_name} />
                    </Table.Cell>
                    <Table.Cell>
                      <Tag data-color={STATUS_COLOR[device.status]}>{t(`welfaretech.deviceStatus.${device.status}`)}</Tag>
                    </Table.Cell>
                    <Table.Cell>{device.acquired_on ? formatShortDate(device.acquired_on, language) : '–'}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        ) : null}
      </section>
    </div>
  );
}
