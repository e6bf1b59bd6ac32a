import { Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';

import { FormSection } from '@/components/form-section/form-section';
import { Loading, ProblemAlert } from '@/components/query-state/query-state';

import { useCatalogueNames } from '../../api/catalogue';
import { useCoordinators, usePrimaryContacts } from '../../api/overview';
import type { PlanRead } from '../../api/types';
import { useShortDate } from '../../lib/dates';
import { useDynamicT } from '../../lib/translate';

import styles from './plan-sections.module.css';

/** Who has followed the person: koordinators and the primærkontakt of each unit, from–to. */
export function AssignmentsSection({ plan }: { plan: PlanRead }) {
  const { t } = useTranslation();
  const tx = useDynamicT();
  const date = useShortDate();
  const coordinators = useCoordinators(plan.person.id);
  const contacts = usePrimaryContacts(plan.person.id);
  const names = useCatalogueNames();
  const period = (from: string, to: string | null | undefined) =>
    to ? t('coordination.assignments.period', { from: date(from), to: date(to) }) : t('coordination.assignments.since', { from: date(from) });

  return (
    <FormSection heading={t('coordination.assignments.heading')} description={t('coordination.assignments.help')}>
      {coordinators.isPending || contacts.isPending ? <Loading /> : null}
      {coordinators.isError ? <ProblemAlert error={coordinators.error} /> : null}
      {contacts.isError ? <ProblemAlert error={contacts.error} /> : null}
      <ul className={styles.list} data-testid="coordinator-history">
        {coordinators.data?.map((a) => (
          <li key={a.id}>
            {t('coordination.assignments.coordinatorLine', { name: a.coordinator_name, kind: tx(`coordination.assignments.kind.${a.kind}`), period: period(a.from_date, a.to_date) })}
            {a.ended_reason === 'hand-over' ? ` ${t('coordination.assignments.handedOver')}` : ''}
          </li>
        ))}
      </ul>
      {contacts.data && contacts.data.length === 0 ? <Paragraph data-size="sm">{t('coordination.assignments.noContacts')}</Paragraph> : null}
      <ul className={styles.list} data-testid="primary-contact-history">
        {contacts.data?.map((c) => (
          <li key={c.id}>
            {t('coordination.assignments.contactLine', { name: c.employee_name, unit: names.unitName(c.unit) ?? c.unit, period: period(c.from_date, c.to_date) })}
          </li>
        ))}
      </ul>
    </FormSection>
  );
}
