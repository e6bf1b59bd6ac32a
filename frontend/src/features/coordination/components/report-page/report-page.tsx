import { Button, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';

import { CheckboxGroup, RadioGroup } from '@/components/choice-group/choice-group';
import { DateField } from '@/components/date-field/date-field';
import { FormErrorSummary } from '@/components/form-error-summary/form-error-summary';
import { FormKit, TextField } from '@/components/form-kit/form-kit';
import { FormLayout, FormSection } from '@/components/form-section/form-section';
import { PageLayout } from '@/components/page-layout/page-layout';
import { ProblemAlert } from '@/components/query-state/query-state';
import { SuccessMessage } from '@/components/success-message/success-message';
import { useSession } from '@/lib/auth';
import { osloToday } from '@/lib/dates';
import { useApiForm } from '@/lib/use-api-form';
import { useDebouncedValue } from '@/lib/use-debounced-value';

import { isSearchable, useChosenPerson, usePersonChoices, useReportNeed, type PersonChoice, type PersonLookup } from '../../api/report';
import { personLookup } from '../../lib/permissions';
import { emptyReport, REPORT_FIELDS, reportSchema, toRequestCreate, type ReportValues } from '../../lib/report-form';
import { useShortDate } from '../../lib/dates';
import { useDynamicT } from '../../lib/translate';
import { CoordinationNav } from '../coordination-nav/coordination-nav';

/** The person, found through intake the way the caller's role may look persons up; the choice is a radio button. */
function PersonPicker({ lookup, chosen, onFound }: { lookup: PersonLookup; chosen: PersonChoice | null; onFound: (found: PersonChoice[]) => void }) {
  const { t } = useTranslation();
  const date = useShortDate();
  const [q, setQ] = useState('');
  const query = useDebouncedValue(q);
  const found = usePersonChoices(query, lookup);
  useEffect(() => {
    if (found.data) onFound(found.data);
  }, [found.data, onFound]);
  const choices = [...(chosen ? [chosen] : []), ...(found.data ?? []).filter((p) => p.id !== chosen?.id)];
  return (
    <>
      {lookup === 'none' ? (
        <Paragraph data-size="sm">{t('coordination.report.noLookup')}</Paragraph>
      ) : (
        <Textfield
          label={t('coordination.report.search')}
          description={lookup === 'served' ? t('coordination.report.searchServed') : t('coordination.report.searchHelp')}
          value={q}
          onChange={(event) => setQ(event.target.value)}
          autoComplete="off"
        />
      )}
      {found.isError ? <ProblemAlert error={found.error} /> : null}
      {lookup !== 'none' && isSearchable(query) && found.data && found.data.length === 0 ? (
        <Paragraph data-size="sm" role="status">
          {t('coordination.report.noneFound', { q: query.trim() })}
        </Paragraph>
      ) : null}
      <RadioGroup
        name="person_id"
        legend={t('coordination.report.person')}
        description={choices.length === 0 ? t('coordination.report.noPersonYet') : undefined}
        layout="column"
        choices={choices.map((p) => ({
          value: p.id,
          label: p.name,
          description: t('coordination.report.personLine', { born: date(p.birth_date), id: p.national_id_masked }),
        }))}
      />
    </>
  );
}

/** /koordinering/meld-behov: any employee reports a need for an individual plan and/or a koordinator (helsepersonell must). */
export function ReportPage() {
  const { t } = useTranslation();
  const tx = useDynamicT();
  const session = useSession();
  const [params] = useSearchParams();
  const today = osloToday();
  const preselected = params.get('person');
  const given = useChosenPerson(preselected);
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
  const report = useReportNeed();
  const schema = useMemo(() => reportSchema(today), [today]);
  const form = useApiForm<ReportValues>({ form: 'report', schema, initial: () => emptyReport(today, preselected ?? ''), fields: () => REPORT_FIELDS });
  const lookup = personLookup(session?.user.roles ?? []);
  const source = form.watch('source');
  const personId = form.watch('person_id');
  const person = seen.get(personId) ?? (given.data?.id === personId ? given.data : null);

  const message = (path: string) => {
    const key = form.errorAt(path);
    return key ? tx(`coordination.report.errors.${key}`) : undefined;
  };
  const summary = form.orderedErrors().map(([path]) => ({ id: form.id(path), message: `${tx(`coordination.report.field.${path}`)}: ${message(path) ?? ''}` }));

  const onSubmit = form.submitWith((values) =>
    report.mutate(toRequestCreate(values), {
      onSuccess: () => {
        setSent((previous) => ({ name: person?.name ?? '', count: (previous?.count ?? 0) + 1 }));
        form.reset(emptyReport(today));
      },
      onError: (error) => {
        form.showServerErrors(error, () => 'invalid');
      },
    }),
  );

  return (
    <PageLayout title={t('coordination.report.title')} lead={t('coordination.report.lead')} intro={<CoordinationNav />}>
      {sent ? (
        <SuccessMessage key={sent.count} testId="report-sent">
          {sent.name ? t('coordination.report.sent', { name: sent.name }) : t('coordination.report.sentNoName')}
        </SuccessMessage>
      ) : null}
      <FormKit form={form} message={message}>
        <FormLayout onSubmit={onSubmit} aria-label={t('coordination.report.title')}>
          <FormErrorSummary heading={t('coordination.report.summary')} items={summary} attempt={form.attempt} />
          <FormSection heading={t('coordination.report.whoHeading')}>
            <PersonPicker key={sent?.count ?? 0} lookup={lookup} chosen={person} onFound={remember} />
          </FormSection>
          <FormSection heading={t('coordination.report.needHeading')}>
            <RadioGroup
              name="source"
              legend={t('coordination.report.source')}
              layout="column"
              choices={(['employee', 'person', 'relative'] as const).map((value) => ({ value, label: t(`coordination.report.sourceChoice.${value}`) }))}
            />
            {source !== 'employee' ? (
              <TextField
                name="asked_by"
                label={source === 'relative' ? t('coordination.report.relativeName') : t('coordination.report.personAsked')}
                description={source === 'relative' ? t('coordination.report.relativeHelp') : undefined}
              />
            ) : null}
            <TextField name="description" label={t('coordination.report.description')} description={t('coordination.report.descriptionHelp')} multiline rows={4} />
            <CheckboxGroup
              name="wants"
              legend={t('coordination.report.wants')}
              layout="column"
              choices={[
                { value: 'plan', label: t('coordination.report.wantsPlan') },
                { value: 'coordinator', label: t('coordination.report.wantsCoordinator') },
              ]}
            />
            <DateField name="received_on" label={t('coordination.report.receivedOn')} description={t('coordination.report.receivedOnHelp')} />
          </FormSection>
          {report.isError ? <ProblemAlert error={report.error} /> : null}
          <div>
            <Button type="submit" disabled={report.isPending}>
              {report.isPending ? t('coordination.report.sending') : t('coordination.report.send')}
            </Button>
          </div>
        </FormLayout>
      </FormKit>
    </PageLayout>
  );
}
