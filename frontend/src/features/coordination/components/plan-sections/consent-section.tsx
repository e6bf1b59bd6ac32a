import { Button, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';

import { CheckboxField, FormKit, TextField } from '@/components/form-kit/form-kit';
import { FormLayout, FormSection } from '@/components/form-section/form-section';
import { ProblemAlert } from '@/components/query-state/query-state';
import { todayIso } from '@/lib/dates';
import { useApiForm } from '@/lib/use-api-form';

import { useRecordConsent } from '../../api/plans';
import type { PlanRead } from '../../api/types';
import { useShortDate } from '../../lib/dates';

import { useDynamicT } from '../../lib/translate';

import styles from './plan-sections.module.css';

type ConsentValues = { given_on: string; valid_until: string; serving_units: boolean; team_members: boolean; note: string };
const ISO = /^\d{4}-\d{2}-\d{2}$/;
const consentSchema: z.ZodType<ConsentValues, ConsentValues> = z.object({
  given_on: z.string().refine((v) => ISO.test(v), 'date'),
  valid_until: z.string().refine((v) => v === '' || ISO.test(v), 'date'),
  serving_units: z.boolean(),
  team_members: z.boolean(),
  note: z.string().max(2000, 'tooLong'),
});

/** Consent as data: who, when, to what, until when; the person's own consent recorded here. */
export function ConsentSection({ plan }: { plan: PlanRead }) {
  const { t } = useTranslation();
  const tx = useDynamicT();
  const date = useShortDate();
  const record = useRecordConsent();
  const form = useApiForm<ConsentValues>({
    form: 'consent',
    schema: consentSchema,
    initial: () => ({ given_on: todayIso(), valid_until: '', serving_units: true, team_members: true, note: '' }),
    fields: () => ['given_on', 'valid_until', 'note'],
  });
  const message = (path: string) => {
    const key = form.errorAt(path);
    return key ? tx(`coordination.errors.${key}`) : undefined;
  };
  const onSubmit = form.submitWith((values) =>
    record.mutate({
      id: plan.id,
      body: {
        given_by_kind: 'person',
        scope_confirmed: false,
        given_on: values.given_on,
        valid_until: values.valid_until || null,
        audiences: [...(values.serving_units ? (['serving_units'] as const) : []), ...(values.team_members ? (['team_members'] as const) : [])],
        member_ids: values.team_members ? plan.team.filter((m) => m.may_see_plan).map((m) => m.id ?? '') : [],
        note: values.note.trim() || null,
      },
    }),
  );

  return (
    <FormSection heading={t('coordination.consent.heading')} description={t('coordination.consent.help')}>
      <ul className={styles.plain} data-testid="consents">
        {plan.consents.map((consent) => (
          <li key={consent.id} className={styles.row}>
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
          </li>
        ))}
      </ul>
      {plan.consents.length === 0 ? <Paragraph data-size="sm">{t('coordination.consent.none')}</Paragraph> : null}
      {plan.may_edit ? (
        <FormKit form={form} message={message}>
          <FormLayout onSubmit={onSubmit} className={styles.form} aria-label={t('coordination.consent.record')}>
            <TextField name="given_on" type="date" label={t('coordination.consent.givenOn')} />
            <TextField name="valid_until" type="date" label={t('coordination.consent.validUntil')} />
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
