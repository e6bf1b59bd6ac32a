import { Button, Field, Heading, Label, Link, Paragraph, Select, Table, Tag } from '@digdir/designsystemet-react';
import { useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';

import { Localized } from '@/components/localized/localized';
import { usePageTitle } from '@/components/page-title/use-page-title';
import { Loading, ProblemAlert } from '@/components/query-state/query-state';
import { useSession } from '@/lib/auth';
import { formatShortDate } from '@/lib/dates';
import { useLocalize } from '@/lib/i18n';

import { useDevicePages } from '../../api/devices';
import { useLoanPages, useOverdueChecks } from '../../api/loans';
import { DEVICE_STATUSES, type DeviceStatus, type LoanSummary } from '../../api/types';
import { canReadReferrals, isTeam } from '../../lib/permissions';
import { loanPath } from '../../paths';
import { NoAccess } from '../no-access/no-access';
import { PersonName } from '../person-name/person-name';
import { WtNav } from '../wt-nav/wt-nav';

import styles from './inventory-page.module.css';
import { useShowMore, type RowFocus } from './use-show-more';

const STATUS_COLOR: Record<DeviceStatus, 'success' | 'info' | 'warning' | 'neutral'> = {
  in_stock: 'success',
  on_loan: 'info',
  in_repair: 'warning',
  retired: 'neutral',
};

function LoanTable({
  loans,
  caption,
  testId,
  region,
  rowFocus,
}: {
  loans: readonly LoanSummary[];
  caption: string;
  testId: string;
  region?: RefObject<HTMLDivElement | null>;
  rowFocus?: RowFocus;
}) {
  const { t } = useTranslation();
  const { language } = useLocalize();
  return (
    <div className={styles.scroll} role="region" aria-label={caption} tabIndex={0} ref={region}>
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
          {loans.map((loan, index) => (
            <Table.Row key={loan.id} className={styles.row} {...rowFocus?.(index)}>
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

/**
 * The next page of a list, with a busy state while it is fetched; shown only while there is one.
 * Described by its section's heading, since the page has two.
 */
function ShowMore({ onClick, busy, testId, describedBy }: { onClick: () => void; busy: boolean; testId: string; describedBy: string }) {
  const { t } = useTranslation();
  return (
    <div>
      <Button variant="secondary" data-size="sm" onClick={onClick} loading={busy} aria-describedby={describedBy} data-testid={testId}>
        {t('welfaretech.inventory.more')}
      </Button>
    </div>
  );
}

/** The active loans, oldest installation first, fifty at a time with «Vis flere». */
function ActiveLoans() {
  const { t } = useTranslation();
  const loans = useLoanPages({ status: 'active' });
  const items = loans.data?.pages.flatMap((page) => page.items) ?? [];
  const region = useRef<HTMLDivElement>(null);
  const { showMore, rowFocus } = useShowMore(loans, items.length, region);
  const caption = loans.hasNextPage
    ? t('welfaretech.inventory.loansCaptionFirst', { count: items.length })
    : t('welfaretech.inventory.loansCaption', { count: items.length });
  return (
    <>
      {loans.isPending ? <Loading /> : null}
      {loans.data ? <LoanTable loans={items} caption={caption} testId="active-loans" region={region} rowFocus={rowFocus} /> : null}
      {/* Below the rows: a page that failed leaves those already shown; trying it again moves the focus as «Vis flere» does. */}
      {loans.isError ? <ProblemAlert error={loans.error} onRetry={loans.isFetchNextPageError ? showMore : () => void loans.refetch()} /> : null}
      {loans.hasNextPage ? <ShowMore onClick={showMore} busy={loans.isFetchingNextPage} testId="active-loans-more" describedBy="loans-heading" /> : null}
    </>
  );
}

/** The devices in a status (all when none), by serial, fifty at a time with «Vis flere». */
function DeviceList({ status }: { status: DeviceStatus | '' }) {
  const { t } = useTranslation();
  const { language } = useLocalize();
  const devices = useDevicePages(status ? { status } : {});
  const items = devices.data?.pages.flatMap((page) => page.items) ?? [];
  const region = useRef<HTMLDivElement>(null);
  const { showMore, rowFocus } = useShowMore(devices, items.length, region);
  return (
    <>
      {devices.isPending ? <Loading /> : null}
      {devices.data ? (
        <div className={styles.scroll} role="region" aria-labelledby="devices-caption" tabIndex={0} ref={region}>
          <Table className={styles.table} data-testid="devices">
            <caption id="devices-caption" className={styles.caption}>
              {devices.hasNextPage
                ? t('welfaretech.inventory.devicesCaptionFirst', { count: items.length })
                : t('welfaretech.inventory.devicesCaption', { count: items.length })}
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
              {items.map((device, index) => (
                <Table.Row key={device.id} className={styles.row} {...rowFocus(index)}>
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
      {/* Below the rows: a page that failed leaves those already shown. */}
      {devices.isError ? (
        <ProblemAlert error={devices.error} onRetry={devices.isFetchNextPageError ? showMore : () => void devices.refetch()} />
      ) : null}
      {devices.hasNextPage ? <ShowMore onClick={showMore} busy={devices.isFetchingNextPage} testId="devices-more" describedBy="devices-heading" /> : null}
    </>
  );
}

/**
 * /velferdsteknologi/utstyr: the overdue checks (one bounded request), the active loans and the
 * device instances with their status; the loans and the devices a page at a time, since a large
 * municipality has thousands.
 */
export function InventoryPage() {
  const { t } = useTranslation();
  usePageTitle(t('welfaretech.inventory.title'));
  const session = useSession();
  // Everyone who reads a person's loans (home care sees its own units' loans, where it records
  // follow-up measurements); the overdue checks are the team's work list.
  const allowed = !!session && canReadReferrals(session.user.roles);
  const team = !!session && isTeam(session.user.roles);
  const [status, setStatus] = useState<DeviceStatus | ''>('');
  const overdue = useOverdueChecks(team);
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
        <ActiveLoans />
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
        {/* Keyed by the filter: another status starts from its first page, with the focus state cleared. */}
        <DeviceList key={status} status={status} />
      </section>
    </div>
  );
}
