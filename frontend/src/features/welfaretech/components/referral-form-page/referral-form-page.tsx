import { Button, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { CheckboxGroup, RadioGroup } from '@/components/choice-group/choice-group';
import { DateField } from '@/components/date-field/date-field';
import { FormErrorSummary } from '@/components/form-error-summary/form-error-summary';
import { FormKit, TextField } from '@/components/form-kit/form-kit';
import { FormLayout, FormSection } from '@/components/form-section/form-section';
import { PageLayout } from '@/components/page-layout/page-layout';
import { usePageTitle } from '@/components/page-title/use-page-title';
import { ProblemAlert } from '@/components/query-state/query-state';
import { SuccessMessage } from '@/components/success-message/success-message';
import { useSession } from '@/lib/auth';
import { formatShortDate, osloToday } from '@/lib/dates';
import { useLocalize } from '@/lib/i18n';
import { useApiForm } from '@/lib/use-api-form';
import { useDebouncedValue } from '@/lib/use-debounced-value';

import { isSearchable, useCreateReferral, usePersonChoices, type PersonChoice } from '../../api/refer';
import { TECHNOLOGY_KINDS } from '../../api/types';
import type { ErrorKey } from '../../lib/form-errors';
import { canRefer } from '../../lib/permissions';
import { emptyReferral, REFERRAL_FIELDS, referralSchema, toReferralCreate, type ReferralFormValues } from '../../lib/referral-form';
import { NoAccess } from '../no-access/no-access';
import { WtNav } from '../wt-nav/wt-nav';
import { WtProblem } from '../wt-problem/wt-problem';

/** The person, found among those the user's units serve; the choice is a radio button. */
function PersonPicker({ chosen, onFound }: { chosen: PersonChoice | null; onFound: (found: PersonChoice[]) => void }) {
  const { t } = useTranslation();
  const { language } = useLocalize();
  const [q, setQ] = useState('');
  const query = useDebouncedValue(q);
  const found = usePersonChoices(query);
  useEffect(() => {
    if (found.data) onFound(found.data);
  }, [found.data, onFound]);
  const choices = [...(chosen ? [chosen] : []), ...(found.data ?? []).filter((p) => p.id !== chosen?.id)];
  return (
    <>
      <Textfield
        label={t('welfaretech.refer.search')}
        description={t('welfaretech.refer.searchHelp')}
        value={q}
        onChange={(event) => setQ(event.target.value)}
        autoComplete="off"
      />
      {found.isError ? <ProblemAlert error={found.error} /> : null}
      {isSearchable(query) && found.data && found.data.length === 0 ? (
        <Paragraph data-size="sm" role="status">
          {t('welfaretech.refer.noneFound', { q: query.trim() })}
        </Paragraph>
      ) : null}
      <RadioGroup
        name="person_id"
        legend={t('welfaretech.refer.person')}
        description={choices.length === 0 ? t('welfaretech.refer.noPersonYet') : undefined}
        layout="column"
        choices={choices.map((p) => ({
          value: p.id,
          label: p.name,
          description: t('welfaretech.refer.personLine', { born: formatShortDate(p.birth_date, language), id: p.national_id_masked }),
        }))}
      />
    </>
  );
}

/** /velferdsteknologi/henvis: helsepersonell refer a person they serve to the welfare-technology team's inbox. */
export function ReferralFormPage() {
  const { t } = useTranslation();
  usePageTitle(t('welfaretech.refer.title'));
  const session = useSession();
  const units = useMemo(() => session?.user.units ?? [], [session]);
  const today = osloToday();
  const [seen, setSeen] = useState<ReadonlyMap<string, PersonChoice>>(new Map());
  const remember = useCallback((found: PersonChoice[]) => {
    setSeen((previous) => {
      if (found.every((p) => previous.has(p.id))) return previous;
      const next = new Map(previous);
      for (const p of found) next.set(p.id, p);
      return next;
    });
  }, []);
  const [sent, setSent] = useState<{ name: string; count: number } | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const create = useCreateReferral();
  const schema = useMemo(() => referralSchema(today, units), [today, units]);
  const form = useApiForm<ReferralFormValues>({ form: 'referral', schema, initial: () => emptyReferral(today, units), fields: () => REFERRAL_FIELDS });
  const personId = form.watch('person_id');
  const person = seen.get(personId) ?? null;
  if (!session || !canRefer(session.user.roles)) return <NoAccess />;

  const labels: Record<string, string> = {
    person_id: t('welfaretech.refer.person'),
    requested: t('welfaretech.refer.requested'),
    note: t('welfaretech.refer.note'),
    unit: t('welfaretech.refer.unit'),
    received_on: t('welfaretech.refer.receivedOn'),
  };
  const message = (path: string) => {
    const key = form.errorAt(path) as ErrorKey | undefined;
    return key ? t(`welfaretech.errors.${key}`, { field: labels[path] ?? path }) : undefined;
  };
  const summary = form.orderedErrors().map(([path]) => ({ id: form.id(path), message: message(path) ?? '' }));

  const onSubmit = form.submitWith((values) => {
    setProblem(null);
    create.mutate(toReferralCreate(values), {
      onSuccess: (referral) => {
        setSent((previous) => ({ name: referral.person_name ?? person?.name ?? '', count: (previous?.count ?? 0) + 1 }));
        form.reset(emptyReferral(today, units));
      },
      onError: (error) => {
        const placed = form.showServerErrors(error, () => 'invalid');
        setProblem(placed ? null : error);
      },
    });
  });

  return (
    <PageLayout title={t('welfaretech.refer.title')} titleId="refer-title" lead={t('welfaretech.refer.lead')} intro={<WtNav />}>
      {sent ? (
        <SuccessMessage key={sent.count} testId="referral-sent">
          {t('welfaretech.refer.sent', { name: sent.name })}
        </SuccessMessage>
      ) : null}
      <FormErrorSummary heading={t('welfaretech.form.summaryHeading')} items={summary} attempt={form.attempt} />
      {problem ? <WtProblem error={problem} /> : null}
      <FormKit form={form} message={message}>
        <FormLayout onSubmit={onSubmit} aria-labelledby="refer-title">
          <FormSection heading={t('welfaretech.refer.whoHeading')}>
            <PersonPicker key={sent?.count ?? 0} chosen={person} onFound={remember} />
          </FormSection>
          <FormSection heading={t('welfaretech.refer.needHeading')}>
            <CheckboxGroup
              name="requested"
              legend={t('welfaretech.refer.requested')}
              description={t('welfaretech.refer.requestedHelp')}
              choices={TECHNOLOGY_KINDS.map((kind) => ({ value: kind, label: t(`welfaretech.kind.${kind}`) }))}
            />
            <TextField name="note" label={t('welfaretech.refer.note')} description={t('welfaretech.refer.noteHelp')} multiline rows={4} />
            {units.length > 1 ? (
              <RadioGroup name="unit" legend={t('welfaretech.refer.unit')} layout="column" choices={units.map((unit) => ({ value: unit, label: unit }))} />
            ) : null}
            <DateField name="received_on" label={t('welfaretech.refer.receivedOn')} required />
          </FormSection>
          <div>
            <Button type="submit" disabled={create.isPending}>
              {create.isPending ? t('welfaretech.refer.sending') : t('welfaretech.refer.send')}
            </Button>
          </div>
        </FormLayout>
      </FormKit>
    </PageLayout>
  );
}
