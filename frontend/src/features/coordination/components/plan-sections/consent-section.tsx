import { Alert, Button, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';

import { DateField } from '@/components/date-field/date-field';
import { CheckboxField, FieldMessage, FormKit, SelectField, TextField } from '@/components/form-kit/form-kit';
import { FormLayout, FormSection } from '@/components/form-section/form-section';
import { Loading, ProblemAlert } from '@/components/query-state/query-state';
import { osloToday } from '@/lib/dates';
import { useApiForm } from '@/lib/use-api-form';

import { useRecordConsent, useWithdrawConsent } from '../../api/plans';
import { useRelations } from '../../api/relatives';
import type { ConsentRead, PlanRead } from '../../api/types';
import { useShortDate } from '../../lib/dates';
import { useDynamicT } from '../../lib/translate';

import styles from './plan-sections.module.css';

type Giver = 'person' | 'guardian' | 'power_of_attorney';
type ConsentValues = {
  given_by_kind: Giver;
  representative_id: string;
  scope_confirmed: boolean;
  given_on: string;
  valid_until: string;
  serving_units: boolean;
  team_members: boolean;
  note: string;
};
const ISO = /^\d{4}-\d{2}-\d{2}$/;
const consentSchema: z.ZodType<ConsentValues, ConsentValues> = z
  .object({
    given_by_kind: z.enum(['person', 'guardian', 'power_of_attorney']),
    representative_id: z.string(),
    scope_confirmed: z.boolean(),
    given_on: z.string().refine((v) => ISO.test(v), 'date'),
    valid_until: z.string().refine((v) => v === '' || ISO.test(v), 'date'),
    serving_units: z.boolean(),
    team_members: z.boolean(),
    note: z.string().max(2000, 'tooLong'),
  })
  .refine((v) => v.given_by_kind === 'person' || v.representative_id !== '', { message: 'required', path: ['representative_id'] })
  .refine((v) => v.given_by_kind === 'person' || v.scope_confirmed, { message: 'confirmScope', path: ['scope_confirmed'] });

type WithdrawValues = { withdrawn_on: string; reason: string };
const withdrawSchema: z.ZodType<WithdrawValues, WithdrawValues> = z.object({
  withdrawn_on: z.string().refine((v) => ISO.test(v), 'date'),
  reason: z.string().max(2000, 'tooLong'),
});

function useMessage(form: { errorAt: (path: string) => string | undefined }) {
  const tx = useDynamicT();
  return (path: string) => {
    const key = form.errorAt(path);
    return key ? tx(`coordination.errors.${key}`) : undefined;
  };
}

/** What a consent lets others see: the audiences and the named members. */
function useCovers(plan: PlanRead) {
  const { t } = useTranslation();
  const tx = useDynamicT();
  return (consent: ConsentRead) => {
    const names = plan.team.filter((m) => consent.member_ids.includes(m.id ?? '')).map((m) => m.name);
    const parts = consent.audiences.map((a) => (a === 'team_members' && names.length > 0 ? t('coordination.consent.namedMembers', { names: names.join(', ') }) : tx(`coordination.consent.audience.${a}`)));
    return parts.length > 0 ? parts.join('; ') : t('coordination.consent.onlyPlan');
  };
}

/** Withdrawal: recorded the day it happens; the sharing it covered closes at once. */
function WithdrawForm({ plan, consent, covers, onDone }: { plan: PlanRead; consent: ConsentRead; covers: string; onDone: () => void }) {
  const { t } = useTranslation();
  const withdraw = useWithdrawConsent();
  const form = useApiForm<WithdrawValues>({
    form: `withdraw-${consent.id}`,
    schema: withdrawSchema,
    initial: () => ({ withdrawn_on: osloToday(), reason: '' }),
    fields: () => ['withdrawn_on', 'reason'],
  });
  const message = useMessage(form);
  const onSubmit = form.submitWith((values) =>
    withdraw.mutate(
      { id: plan.id, consentId: consent.id, body: { withdrawn_on: values.withdrawn_on, reason: values.reason.trim() || null } },
      { onSuccess: onDone, onError: (error) => form.showServerErrors(error, () => 'invalid') },
    ),
  );
  return (
    <FormKit form={form} message={message}>
      <FormLayout onSubmit={onSubmit} className={styles.form} aria-label={t('coordination.consent.withdrawFor', { who: consent.given_by_name })}>
        <Alert data-color="warning">
          <Paragraph data-size="sm">{t('coordination.consent.withdrawCloses', { covers })}</Paragraph>
        </Alert>
        <DateField name="withdrawn_on" label={t('coordination.consent.withdrawnOn')} />
        <TextField name="reason" label={t('coordination.consent.withdrawReason')} />
        {withdraw.isError ? <ProblemAlert error={withdraw.error} /> : null}
        <div className={styles.row}>
          <Button type="submit" variant="secondary" disabled={withdraw.isPending}>
            {t('coordination.consent.withdrawSubmit')}
          </Button>
          <Button type="button" variant="tertiary" onClick={onDone}>
            {t('coordination.consent.cancel')}
          </Button>
        </div>
      </FormLayout>
    </FormKit>
  );
}

/** Who may consent for the person: a guardian or fullmakt from intake's register, its wording read and confirmed. */
function RepresentativeFields({ plan, kind, selected }: { plan: PlanRead; kind: Giver; selected: string }) {
  const { t } = useTranslation();
  const date = useShortDate();
  const relations = useRelations(plan.person.id, kind !== 'person');
  if (kind === 'person') return null;
  if (relations.isPending) return <Loading />;
  if (relations.isError) return <ProblemAlert error={relations.error} onRetry={() => void relations.refetch()} />;
  const options = relations.data.representatives.filter((r) => r.kind === kind);
  const chosen = options.find((r) => r.id === selected);
  if (options.length === 0) {
    return (
      <Alert data-color="info">
        <Paragraph data-size="sm">{t(kind === 'guardian' ? 'coordination.consent.noGuardian' : 'coordination.consent.noAttorney')}</Paragraph>
      </Alert>
    );
  }
  return (
    <>
      <SelectField
        name="representative_id"
        label={t('coordination.consent.representative')}
        options={[
          { value: '', label: t('coordination.consent.chooseRepresentative') },
          ...options.map((r) => ({ value: r.id, label: r.valid_today ? r.name : t('coordination.consent.notValid', { name: r.name }), disabled: !r.valid_today })),
        ]}
      />
      {chosen ? (
        <div className={styles.mandate} data-testid="mandate">
          <Paragraph data-size="sm">
            <strong>{t('coordination.consent.mandate')}:</strong> «{chosen.scope}»
          </Paragraph>
          {chosen.valid_to ? <Paragraph data-size="sm">{t('coordination.consent.mandateUntil', { date: date(chosen.valid_to) })}</Paragraph> : null}
        </div>
      ) : null}
      <CheckboxField name="scope_confirmed" label={t('coordination.consent.confirmScope')} />
      <FieldMessage name="scope_confirmed" />
    </>
  );
}

/** Consent as data: who (the person, or a guardian/fullmakt within its mandate), when, to what, until when; withdrawal. */
export function ConsentSection({ plan }: { plan: PlanRead }) {
  const { t } = useTranslation();
  const tx = useDynamicT();
  const date = useShortDate();
  const record = useRecordConsent();
  const covers = useCovers(plan);
  const [withdrawing, setWithdrawing] = useState<string | null>(null);
  const initial = (): ConsentValues => ({
    given_by_kind: 'person',
    representative_id: '',
    scope_confirmed: false,
    given_on: osloToday(),
    valid_until: '',
    serving_units: true,
    team_members: true,
    note: '',
  });
  const form = useApiForm<ConsentValues>({
    form: 'consent',
    schema: consentSchema,
    initial,
    fields: () => ['given_by_kind', 'representative_id', 'scope_confirmed', 'given_on', 'valid_until', 'note'],
  });
  const message = useMessage(form);
  const kind = form.watch('given_by_kind');
  const selected = form.watch('representative_id');
  const onSubmit = form.submitWith((values) =>
    record.mutate(
      {
        id: plan.id,
        body: {
          given_by_kind: values.given_by_kind,
          representative_id: values.given_by_kind === 'person' ? null : values.representative_id,
          scope_confirmed: values.given_by_kind !== 'person' && values.scope_confirmed,
          given_on: values.given_on,
          valid_until: values.valid_until || null,
          audiences: [...(values.serving_units ? (['serving_units'] as const) : []), ...(values.team_members ? (['team_members'] as const) : [])],
          member_ids: values.team_members ? plan.team.filter((m) => m.may_see_plan).map((m) => m.id ?? '') : [],
          note: values.note.trim() || null,
        },
      },
      { onSuccess: () => form.reset(initial()), onError: (error) => form.showServerErrors(error, () => 'invalid') },
    ),
  );

  return (
    <FormSection heading={t('coordination.consent.heading')} description={t('coordination.consent.help')}>
      <ul className={styles.plain} data-testid="consents">
        {plan.consents.map((consent) => (
          <li key={consent.id} className={styles.consent}>
            <div className={styles.row}>
              <Tag data-color={consent.in_force ? 'success' : 'neutral'}>{consent.in_force ? t('coordination.consent.inForce') : t('coordination.consent.notInForce')}</Tag>
              <span>
                {t('coordination.consent.given', {
                  who: consent.given_by_name,
                  kind: tx(`coordination.consent.kind.${consent.given_by_kind}`),
                  date: date(consent.given_on),
                })}
                {consent.valid_until ? ` ${t('coordination.consent.until', { date: date(consent.valid_until) })}` : ''}
                {consent.withdrawn_on ? ` ${t('coordination.consent.withdrawn', { date: date(consent.withdrawn_on) })}` : ''}
              </span>
            </div>
            <Paragraph data-size="sm">{t('coordination.consent.covers', { covers: covers(consent) })}</Paragraph>
            {consent.representative_scope ? (
              <Paragraph data-size="sm">
                {t('coordination.consent.mandateConfirmed', { scope: consent.representative_scope, who: consent.scope_confirmed_by ?? consent.recorded_by_name })}
              </Paragraph>
            ) : null}
            {consent.withdrawn_reason ? <Paragraph data-size="sm">{t('coordination.consent.withdrawnBecause', { reason: consent.withdrawn_reason })}</Paragraph> : null}
            {plan.may_edit && !consent.withdrawn_on ? (
              withdrawing === consent.id ? (
                <WithdrawForm plan={plan} consent={consent} covers={covers(consent)} onDone={() => setWithdrawing(null)} />
              ) : (
                <div>
                  <Button variant="tertiary" data-size="sm" onClick={() => setWithdrawing(consent.id)}>
                    {t('coordination.consent.withdraw', { who: consent.given_by_name })}
                  </Button>
                </div>
              )
            ) : null}
          </li>
        ))}
      </ul>
      {plan.consents.length === 0 ? <Paragraph data-size="sm">{t('coordination.consent.none')}</Paragraph> : null}
      {plan.may_edit ? (
        <FormKit form={form} message={message}>
          <FormLayout onSubmit={onSubmit} className={styles.form} aria-label={t('coordination.consent.record')}>
            <SelectField
              name="given_by_kind"
              label={t('coordination.consent.givenBy')}
              options={(['person', 'guardian', 'power_of_attorney'] as const).map((k) => ({ value: k, label: tx(`coordination.consent.giver.${k}`) }))}
            />
            <RepresentativeFields plan={plan} kind={kind} selected={selected} />
            <DateField name="given_on" label={t('coordination.consent.givenOn')} />
            <DateField name="valid_until" label={t('coordination.consent.validUntil')} />
            <CheckboxField name="serving_units" label={t('coordination.consent.servingUnits')} />
            <CheckboxField name="team_members" label={t('coordination.consent.teamMembers')} />
            <TextField name="note" label={t('coordination.consent.note')} />
            {record.isError ? <ProblemAlert error={record.error} /> : null}
            <div>
              <Button type="submit" variant="secondary" disabled={record.isPending}>
                {t('coordination.consent.record')}
              </Button>
            </div>
          </FormLayout>
        </FormKit>
      ) : null}
    </FormSection>
  );
}
