import { Button, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { z } from 'zod';

import { DateField } from '@/components/date-field/date-field';
import { FormKit, TextField } from '@/components/form-kit/form-kit';
import { FormLayout, FormSection } from '@/components/form-section/form-section';
import { PageLayout } from '@/components/page-layout/page-layout';
import { Loading, ProblemAlert } from '@/components/query-state/query-state';
import { useSession } from '@/lib/auth';
import { osloToday } from '@/lib/dates';
import { useApiForm } from '@/lib/use-api-form';

import { useCatalogueNames } from '../../api/catalogue';
import { useAssignPrimaryContact } from '../../api/overview';
import type { WorklistItem } from '../../api/types';
import { useCaseload, useCoordinationWorklist } from '../../api/worklist';
import { useShortDate } from '../../lib/dates';
import { canAssign, canCoordinate } from '../../lib/permissions';
import { useDynamicT } from '../../lib/translate';
import { planPath, reportNeedPath } from '../../paths';
import { CoordinationNav } from '../coordination-nav/coordination-nav';

import styles from './worklist-page.module.css';

type ContactValues = { employee_name: string; from_date: string };
const contactSchema: z.ZodType<ContactValues, ContactValues> = z.object({
  employee_name: z.string().refine((v) => v.trim() !== '', 'required').max(200, 'tooLong'),
  from_date: z.string().refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v), 'date'),
});

/** Name the unit's primærkontakt for the person, right from the worklist row. */
function PrimaryContactForm({ item, unitLabel, personName, onDone }: { item: WorklistItem; unitLabel: string; personName: string; onDone: () => void }) {
  const { t } = useTranslation();
  const tx = useDynamicT();
  const assign = useAssignPrimaryContact();
  const form = useApiForm<ContactValues>({
    form: `primary-contact-${item.person_id}-${item.unit ?? ''}`,
    schema: contactSchema,
    initial: () => ({ employee_name: '', from_date: osloToday() }),
    fields: () => ['employee_name', 'from_date'],
  });
  const message = (path: string) => {
    const key = form.errorAt(path);
    return key ? tx(`coordination.errors.${key}`) : undefined;
  };
  const onSubmit = form.submitWith((values) =>
    assign.mutate(
      { personId: item.person_id, body: { unit: item.unit ?? '', employee_name: values.employee_name.trim(), from_date: values.from_date } },
      { onSuccess: onDone, onError: (error) => form.showServerErrors(error, () => 'invalid') },
    ),
  );
  return (
    <FormKit form={form} message={message}>
      <FormLayout onSubmit={onSubmit} className={styles.form} aria-label={t('coordination.primaryContact.formFor', { name: personName, unit: unitLabel })}>
        <TextField name="employee_name" label={t('coordination.primaryContact.employee')} description={t('coordination.primaryContact.employeeHelp', { unit: unitLabel })} />
        <DateField name="from_date" label={t('coordination.primaryContact.from')} />
        {assign.isError ? <ProblemAlert error={assign.error} /> : null}
        <div>
          <Button type="submit" disabled={assign.isPending}>
            {t('coordination.primaryContact.submit')}
          </Button>
        </div>
      </FormLayout>
    </FormKit>
  );
}

/** The koordinator's and primærkontakt's worklist, and a koordinator's caseload. */
export function CoordinationWorklistPage() {
  const { t } = useTranslation();
  const tx = useDynamicT();
  const date = useShortDate();
  const session = useSession();
  const isCoordinator = !!session && canCoordinate(session.user.roles);
  const mayAssign = !!session && canAssign(session.user.roles);
  const worklist = useCoordinationWorklist();
  const caseload = useCaseload(isCoordinator);
  const names = useCatalogueNames();
  const [open, setOpen] = useState<string | null>(null);
  const [named, setNamed] = useState<string | null>(null);

  const unitLabel = (code: string | null | undefined) => (code ? (names.unitName(code) ?? code) : '');
  const rowText = (item: WorklistItem) => {
    if (item.kind !== 'missing_primary_contact') return item.text;
    return names.serviceName(item.service_type ?? item.text) ?? t('coordination.names.serviceUnavailable', { code: item.service_type ?? item.text });
  };

  return (
    <PageLayout title={t('coordination.worklist.title')} lead={t('coordination.worklist.lead')} intro={<CoordinationNav />}>
      <FormSection heading={t('coordination.worklist.tasks')}>
        {worklist.isPending ? <Loading /> : null}
        {worklist.isError ? <ProblemAlert error={worklist.error} /> : null}
        {named ? (
          <Paragraph role="status" data-testid="primary-contact-named">
            {named}
          </Paragraph>
        ) : null}
        {worklist.data?.length === 0 ? <Paragraph>{t('coordination.worklist.empty')}</Paragraph> : null}
        <ul className={styles.list} data-testid="coordination-worklist">
          {worklist.data?.map((item) => {
            const key = `${item.kind}-${item.person_id}-${item.measure_id ?? item.meeting_id ?? item.unit ?? ''}`;
            const personName = item.person_name ?? t('coordination.unknownPerson');
            return (
              <li key={key} className={styles.entry}>
                <div className={styles.item}>
                  <Tag data-color={item.kind === 'missing_primary_contact' ? 'info' : 'warning'}>{tx(`coordination.worklist.kind.${item.kind}`)}</Tag>
                  {item.plan_id ? (
                    <Link asChild>
                      <RouterLink to={planPath(item.plan_id)}>{personName}</RouterLink>
                    </Link>
                  ) : (
                    <strong>{personName}</strong>
                  )}
                  <span>
                    {rowText(item)}
                    {item.unit ? ` (${unitLabel(item.unit)})` : ''}
                    {item.due_on ? ` – ${date(item.due_on)}` : ''}
                  </span>
                  {item.kind === 'missing_primary_contact' ? (
                    <Link asChild data-size="sm">
                      <RouterLink to={reportNeedPath(item.person_id)} aria-label={t('coordination.report.forPerson', { name: personName })}>
                        {t('coordination.subnav.report')}
                      </RouterLink>
                    </Link>
                  ) : null}
                  {item.kind === 'missing_primary_contact' && mayAssign && open !== key ? (
                    <Button variant="secondary" data-size="sm" onClick={() => setOpen(key)}>
                      {t('coordination.primaryContact.open', { name: personName })}
                    </Button>
                  ) : null}
                </div>
                {open === key ? (
                  <PrimaryContactForm
                    item={item}
                    unitLabel={unitLabel(item.unit)}
                    personName={personName}
                    onDone={() => {
                      setOpen(null);
                      setNamed(t('coordination.primaryContact.done', { name: personName, unit: unitLabel(item.unit) }));
                    }}
                  />
                ) : null}
              </li>
            );
          })}
        </ul>
      </FormSection>
      {isCoordinator ? (
        <FormSection heading={t('coordination.worklist.caseload')}>
          {caseload.isPending ? <Loading /> : null}
          {caseload.isError ? <ProblemAlert error={caseload.error} /> : null}
          <ul className={styles.list} data-testid="caseload">
            {caseload.data?.map((item) => (
              <li key={item.person_id} className={styles.item}>
                {item.plan_id ? (
                  <Link asChild>
                    <RouterLink to={planPath(item.plan_id)}>{item.person_name ?? t('coordination.unknownPerson')}</RouterLink>
                  </Link>
                ) : (
                  <strong>{item.person_name ?? t('coordination.unknownPerson')}</strong>
                )}
                <Tag data-color="neutral">{item.plan_status ? tx(`coordination.status.${item.plan_status}`) : t('coordination.worklist.noPlan')}</Tag>
                {item.kind === 'child_coordinator' ? <Tag data-color="accent">{t('coordination.inbox.child')}</Tag> : null}
                {item.evaluation_overdue ? <Tag data-color="warning">{t('coordination.worklist.kind.evaluation_overdue')}</Tag> : null}
                {item.overdue_measures > 0 ? <Tag data-color="danger">{t('coordination.worklist.overdueMeasures', { count: item.overdue_measures })}</Tag> : null}
              </li>
            ))}
          </ul>
        </FormSection>
      ) : null}
    </PageLayout>
  );
}
