import { Alert, Button, Card, Fieldset, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useMemo, useState } from 'react';
import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate, useParams, useSearchParams } from 'react-router';

import { RadioGroup } from '@/components/choice-group/choice-group';
import { DateField } from '@/components/date-field/date-field';
import { FieldGrid } from '@/components/field-grid/field-grid';
import { FormActions } from '@/components/form-actions/form-actions';
import { FormErrorSummary } from '@/components/form-error-summary/form-error-summary';
import { CheckboxField, FieldMessage, FormKit, SelectField, TextField } from '@/components/form-kit/form-kit';
import { FormLayout, FormSection } from '@/components/form-section/form-section';
import { Localized } from '@/components/localized/localized';
import { PageLayout } from '@/components/page-layout/page-layout';
import { usePageTitle } from '@/components/page-title/use-page-title';
import { Loading, ProblemAlert } from '@/components/query-state/query-state';
import { isStale, StaleAlert } from '@/components/stale-alert/stale-alert';
import { RepeatableList } from '@/components/repeatable-list/repeatable-list';
import { useSession } from '@/lib/auth';
import { withFlash } from '@/lib/flash';
import { useLocalize } from '@/lib/i18n';
import { ApiProblem, isNotFound } from '@/lib/problem';
import { useApiForm } from '@/lib/use-api-form';

import { useCreateDecision } from '../../api/create-decision';
import { useUpdateDecision } from '../../api/decision-actions';
import { useDecision } from '../../api/get-decision';
import { usePersonApplications } from '../../api/get-applications';
import { useCriteriaMetrics } from '../../api/get-criteria-metrics';
import { usePerson } from '../../api/get-person';
import { useServiceTypeDetail } from '../../api/get-service-type';
import { useServiceTypes } from '../../api/get-service-types';
import { useSuggestions } from '../../api/get-suggestions';
import { OUTCOMES, TRIED_STATUSES, type DecisionRead, type ServiceTypeDetail } from '../../api/types';
import {
  decisionFields,
  decisionSchema,
  decisionServerErrorKey,
  decisionValues,
  emptyDecision,
  emptyLowerLevel,
  toDecisionCreate,
  toDecisionUpdate,
  type DecisionFormValues,
  SCOPE_AMOUNT_RANGE,
} from '../../lib/decision-form';
import { rangeValues, type ErrorKey } from '../../lib/form-errors';
import { canRegister } from '../../lib/permissions';
import { assessmentPath, decisionPath, newDecisionPath, personPath } from '../../paths';
import { NoAccess } from '../no-access/no-access';
import { SuggestionList } from '../suggestion-list/suggestion-list';

import type { DecisionFlash } from '../decision-page/decision-page';

import styles from './decision-form-page.module.css';

const isConflict = (error: unknown) => error instanceof ApiProblem && error.status === 409;

/** The service's rules from the catalogue: criteria in force, legal basis, and what the decision must contain. */
function ServiceRules({ service }: { service: ServiceTypeDetail }) {
  const { t } = useTranslation();
  return (
    <Card className={styles.rules} data-testid="service-rules">
      <Heading level={3} data-size="2xs">
        <Localized text={service.name} />
      </Heading>
      {service.current_criteria ? (
        <div>
          <p className={styles.term}>{t('intake.decisionForm.criteriaVersion', { version: service.current_criteria.version })}</p>
          <p className={styles.criteria}>
            <Localized text={service.current_criteria.text} />
          </p>
        </div>
      ) : null}
      {service.legal_basis.length > 0 ? (
        <div>
          <p className={styles.term}>{t('intake.decisionForm.legalBasis')}</p>
          <ul className={styles.plainList}>
            {service.legal_basis.map((basis) => (
              <li key={`${basis.law}${basis.section}`}>
                {basis.law} {basis.section}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {service.is_long_term_place ? <Paragraph data-size="sm">{t('intake.decisionForm.longTermPlace')}</Paragraph> : null}
      {service.requires_lower_level_review ? (
        <Alert data-color="info" data-size="sm">
          {t('intake.decisionForm.lowerLevelRequired')}
        </Alert>
      ) : null}
    </Card>
  );
}

/** /personer/:id/soknad/:applicationId/vedtak/ny?tjeneste=code: suggestions and rules first, then the decision as a draft. */
export function DecisionFormPage() {
  const { id = '', applicationId = '' } = useParams();
  const [searchParams] = useSearchParams();
  return <DecisionForm personId={id} applicationId={applicationId} serviceCode={searchParams.get('tjeneste') ?? ''} />;
}

/** /vedtak/:id/endre: change a draft (or one waiting for approval) before it is made. */
export function DecisionEditPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const session = useSession();
  const decision = useDecision(id);
  if (!session || !canRegister(session.user.roles)) return <NoAccess reason="register" />;
  if (decision.isPending) return <Loading />;
  if (decision.isError) {
    return (
      <PageLayout title={isNotFound(decision.error) ? t('intake.decision.notFoundTitle') : t('intake.decisionForm.editTitle')}>
        <ProblemAlert error={decision.error} />
      </PageLayout>
    );
  }
  const data = decision.data;
  if (!EDITABLE_STATUSES.includes(data.status)) {
    return (
      <PageLayout title={t('intake.decisionForm.editTitle')} back={{ to: decisionPath(data.id), label: t('intake.decisionForm.backToDecision') }}>
        <Alert data-color="warning">
          <Paragraph>{t('intake.decisionForm.notEditable')}</Paragraph>
        </Alert>
      </PageLayout>
    );
  }
  return (
    <DecisionForm
      // A new version (after «Last inn på nytt») starts the form over from what is stored now.
      key={data.version}
      personId={data.person.id}
      applicationId={data.application_id ?? ''}
      serviceCode={data.service_type}
      decision={data}
      onReload={() => void decision.refetch()}
    />
  );
}

const EDITABLE_STATUSES: readonly string[] = ['draft', 'ready_for_approval'];

function DecisionForm({
  personId: id,
  applicationId,
  serviceCode,
  decision,
  onReload,
}: {
  personId: string;
  applicationId: string;
  serviceCode: string;
  decision?: DecisionRead;
  onReload?: () => void;
}) {
  const { t } = useTranslation();
  const { language, locale, localize } = useLocalize();
  const editing = decision !== undefined;
  usePageTitle(editing ? t('intake.decisionForm.editTitle') : t('intake.decisionForm.title'));
  const session = useSession();
  const navigate = useNavigate();
  const person = usePerson(id);
  const applications = usePersonApplications(id);
  const suggestions = useSuggestions(applicationId);
  const metrics = useCriteriaMetrics();
  const service = useServiceTypeDetail(serviceCode);
  const allServices = useServiceTypes();
  const create = useCreateDecision();
  const update = useUpdateDecision();
  const [formProblem, setFormProblem] = useState<unknown>(null);
  const [stale, setStale] = useState(false);

  const requiresLowerLevelReview = service.data?.requires_lower_level_review ?? false;
  const measured = (service.data?.scope_unit ?? 'none') !== 'none';
  const schema = useMemo(() => decisionSchema({ requiresLowerLevelReview, measured }), [requiresLowerLevelReview, measured]);
  const form = useApiForm<DecisionFormValues>({
    form: 'decision',
    schema,
    initial: () => (decision ? decisionValues(decision) : emptyDecision(language === 'nn' ? 'nn' : 'nb')),
    fields: decisionFields,
  });
  const lowerLevels = useFieldArray({ control: form.control, name: 'lower_levels' });

  if (!session || !canRegister(session.user.roles)) return <NoAccess reason="register" />;
  if (person.isPending) return <Loading />;
  if (person.isError) {
    return (
      <PageLayout title={isNotFound(person.error) ? t('intake.person.notFoundTitle') : t('intake.decisionForm.title')}>
        {isNotFound(person.error) ? <Paragraph>{t('intake.person.notFoundBody')}</Paragraph> : <ProblemAlert error={person.error} />}
      </PageLayout>
    );
  }

  const name = t('intake.personName', { given: person.data.given_name, family: person.data.family_name });
  const application = applications.data?.find((item) => item.id === applicationId);
  const outcome = form.watch('outcome');
  const unitWord = service.data ? t(`catalogue.scopeUnit.${service.data.scope_unit}`) : '';
  const labels: Record<string, string> = {
    service_type: t('intake.decisionForm.service'),
    outcome: t('intake.decisionForm.outcome'),
    scope_amount: t('intake.decisionForm.scopeAmount', { unit: unitWord }),
    starts_on: t('intake.decisionForm.startsOn'),
    ends_on: t('intake.decisionForm.endsOn'),
    review_on: t('intake.decisionForm.reviewOn'),
    unit: t('intake.decisionForm.unit'),
    contact: t('intake.decisionForm.contactHeading'),
    'contact.name': t('intake.decisionForm.contactName'),
    facts: t('intake.decisionForm.facts'),
    considerations: t('intake.decisionForm.considerations'),
    lower_levels: t('intake.decisionForm.lowerLevelsHeading'),
  };
  const labelOf = (path: string) => {
    const match = /^lower_levels\.(\d+)\.(\w+)$/.exec(path);
    if (match) {
      const field = match[2] === 'service_type' ? t('intake.decisionForm.lowerLevelService') : t('intake.decisionForm.whyNotEnough');
      return t('intake.form.fieldInGroup', { field, group: t('intake.decisionForm.lowerLevel', { number: Number(match[1]) + 1 }) });
    }
    return labels[path] ?? path;
  };
  const message = (path: string): string | undefined => {
    const key = form.errorAt(path) as ErrorKey | undefined;
    return key ? t(`intake.errors.${key}`, { field: labelOf(path), number: '', ...rangeValues(path === 'scope_amount' ? SCOPE_AMOUNT_RANGE : undefined, locale) }) : undefined;
  };

  const onSubmit = form.submitWith((current) => {
    setFormProblem(null);
    if (decision) {
      update.mutate(
        { id: decision.id, version: decision.version, body: toDecisionUpdate(current) },
        {
          onSuccess: (saved) => void navigate(decisionPath(saved.id), { state: withFlash<DecisionFlash>({ kind: 'updated' }) }),
          onError: (error) => {
            if (isStale(error)) {
              setStale(true);
              window.scrollTo?.({ top: 0 });
              return;
            }
            const placed = form.showServerErrors(error, decisionServerErrorKey);
            setFormProblem(placed ? null : error);
          },
        },
      );
      return;
    }
    create.mutate(toDecisionCreate(applicationId, serviceCode, current), {
      onSuccess: (decision) => void navigate(decisionPath(decision.id), { state: withFlash<DecisionFlash>({ kind: 'saved' }) }),
      onError: (error) => {
        const placed = form.showServerErrors(error, decisionServerErrorKey);
        setFormProblem(placed ? null : error);
      },
    });
  });

  const summary = form.orderedErrors().map(([path]) => ({ id: form.id(path), message: message(path) ?? '' }));
  const granting = outcome !== '' && outcome !== 'refused';
  // «Utførende enhet»: the units the catalogue says deliver this service; a name stored before stays choosable.
  const catalogueUnits = (service.data?.units ?? []).map((unit) => ({ value: unit.code, label: unit.name }));
  const storedUnit = decision?.unit;
  const unitOptions =
    storedUnit && !catalogueUnits.some((unit) => unit.value === storedUnit) && catalogueUnits.length > 0
      ? [...catalogueUnits, { value: storedUnit, label: storedUnit }]
      : catalogueUnits;
  const lowerCandidates = (allServices.data ?? []).filter(
    (item) => item.published && service.data && item.care_level.rank < service.data.care_level.rank,
  );

  return (
    <PageLayout
      back={
        decision
          ? { to: decisionPath(decision.id), label: t('intake.decisionForm.backToDecision') }
          : { to: personPath(person.data.id), label: t('intake.decisionForm.back', { name }) }
      }
      titleId="decision-form-title"
      title={
        <>
          {editing ? t('intake.decisionForm.editTitle') : t('intake.decisionForm.title')}
          {service.data ? (
            <>
              {': '}
              <Localized text={service.data.name} />
            </>
          ) : null}
        </>
      }
      lead={t('intake.decisionForm.for', { name })}
    >
      {stale ? <StaleAlert what={t('intake.decisionForm.staleWhat')} onReload={onReload} /> : null}
      <FormSection heading={t('intake.decisionForm.suggestionsHeading')} headingId="suggestions-heading">
        {suggestions.isPending ? <Loading /> : null}
        {suggestions.isError ? (
          isConflict(suggestions.error) ? (
            <Alert data-color="warning">
              <Paragraph>{t('intake.decisionForm.noAssessment')}</Paragraph>
              <Link asChild>
                <RouterLink to={assessmentPath(person.data.id, applicationId)}>{t('intake.decisionForm.assessLink')}</RouterLink>
              </Link>
            </Alert>
          ) : (
            <ProblemAlert error={suggestions.error} onRetry={() => void suggestions.refetch()} />
          )
        ) : null}
        {suggestions.isSuccess ? (
          <>
            <Paragraph data-size="sm">{t('intake.decisionForm.suggestionsIntro')}</Paragraph>
            <SuggestionList suggestions={suggestions.data} metrics={metrics.data ?? []} current={serviceCode} />
          </>
        ) : null}
      </FormSection>

      {!serviceCode ? (
        <FormSection heading={t('intake.decisionForm.service')} headingId="choose-service-heading">
          <Paragraph>{t('intake.decisionForm.noService')}</Paragraph>
          <div className={styles.buttons}>
            {application?.services.map((item) => (
              <Button key={item.service_type} asChild variant="secondary">
                <RouterLink to={newDecisionPath(person.data.id, applicationId, item.service_type)}>{localize(item.service_name)}</RouterLink>
              </Button>
            ))}
          </div>
        </FormSection>
      ) : (
        <FormKit form={form} message={message}>
          <FormSection heading={t('intake.decisionForm.rulesHeading')} headingId="rules-heading">
            {service.isPending ? <Loading /> : null}
            {service.isError ? <ProblemAlert error={service.error} onRetry={() => void service.refetch()} /> : null}
            {service.data ? <ServiceRules service={service.data} /> : null}
          </FormSection>

          <FormErrorSummary heading={t('intake.form.summaryHeading')} items={summary} attempt={form.attempt} />
          {formProblem ? (
            <div role="alert">
              {isConflict(formProblem) ? (
                <Alert data-color="danger">
                  <Paragraph>{t('intake.decisionForm.decisionExists')}</Paragraph>
                </Alert>
              ) : (
                <ProblemAlert error={formProblem} />
              )}
            </div>
          ) : null}

          <FormLayout onSubmit={onSubmit} aria-labelledby="decision-form-title">
            <FormSection heading={t('intake.decisionForm.decisionHeading')} headingId="decision-heading">
              <span id={form.id('service_type')} tabIndex={-1} />
              <FieldMessage name="service_type" />
              <RadioGroup
                name="outcome"
                legend={t('intake.decisionForm.outcome')}
                choices={OUTCOMES.map((value) => ({ value, label: t(`intake.decisionOutcome.${value}`) }))}
              />
              {/* A refusal grants nothing: no scope, period or unit to state. */}
              {outcome === 'refused' ? null : (
                <>
                  <FieldGrid>
                    {measured ? <TextField name="scope_amount" label={labels.scope_amount} inputMode="decimal" aria-required={granting || undefined} /> : null}
                    {unitOptions.length > 0 ? (
                      <SelectField name="unit" label={labels.unit} placeholder={t('intake.decisionForm.unitChoose')} options={unitOptions} />
                    ) : (
                      <TextField name="unit" label={labels.unit} description={t('intake.decisionForm.unitFreeText')} />
                    )}
                    <DateField name="starts_on" label={labels.starts_on} required={granting} />
                    <DateField
                      name="ends_on"
                      label={labels.ends_on}
                      description={service.data?.purpose ? t('intake.decisionForm.endsOnDescription') : undefined}
                    />
                    <DateField name="review_on" label={labels.review_on} required={granting} />
                  </FieldGrid>
                  {service.data?.is_long_term_place ? (
                    <CheckboxField
                      name="place_available"
                      label={t('intake.decisionForm.placeAvailable')}
                      description={t('intake.decisionForm.placeAvailableDescription')}
                    />
                  ) : null}
                </>
              )}
            </FormSection>

            <FormSection heading={t('intake.decisionForm.contactHeading')} id={form.id('contact')} asFieldset>
              <FieldGrid>
                <TextField name="contact.name" group="contact" label={t('intake.decisionForm.contactName')} autoComplete="off" />
                <TextField name="contact.unit" label={t('intake.decisionForm.contactUnit')} autoComplete="off" />
                <TextField name="contact.phone" label={t('intake.decisionForm.contactPhone')} type="tel" autoComplete="off" />
              </FieldGrid>
            </FormSection>

            <FormSection heading={`${t('intake.decisionForm.facts')} / ${t('intake.decisionForm.considerations')}`} headingId="grounds-heading" hideHeading>
              <TextField name="facts" label={labels.facts} description={t('intake.decisionForm.factsDescription')} multiline rows={6} aria-required />
              <TextField
                name="considerations"
                label={labels.considerations}
                description={t('intake.decisionForm.considerationsDescription')}
                multiline
                rows={6}
                aria-required
              />
            </FormSection>

            {service.data?.requires_lower_level_review || lowerLevels.fields.length > 0 ? (
              <FormSection heading={t('intake.decisionForm.lowerLevelsHeading')} headingId="lower-heading" id={form.id('lower_levels')}>
                <FieldMessage name="lower_levels" />
                <RepeatableList
                  items={lowerLevels.fields}
                  keyOf={(item) => item.id}
                  framed
                  addLabel={t('intake.decisionForm.addLowerLevel')}
                  removeLabel={(index) => t('intake.decisionForm.removeLowerLevel', { number: index + 1 })}
                  onAdd={() => lowerLevels.append(emptyLowerLevel(), { shouldFocus: false })}
                  onRemove={(index) => lowerLevels.remove(index)}
                  render={(_, index) => (
                    <Fieldset className={styles.lowerLevel}>
                      <Fieldset.Legend>{t('intake.decisionForm.lowerLevel', { number: index + 1 })}</Fieldset.Legend>
                      <SelectField
                        name={`lower_levels.${index}.service_type`}
                        label={t('intake.decisionForm.lowerLevelService')}
                        placeholder={t('intake.form.choose')}
                        options={lowerCandidates.map((item) => ({ value: item.code, label: localize(item.name) }))}
                      />
                      <RadioGroup
                        name={`lower_levels.${index}.status`}
                        legend={t('intake.decisionForm.lowerLevelStatus')}
                        choices={TRIED_STATUSES.map((value) => ({ value, label: t(`intake.triedStatus.${value}`) }))}
                      />
                      <TextField name={`lower_levels.${index}.why_not_enough`} label={t('intake.decisionForm.whyNotEnough')} multiline rows={3} />
                    </Fieldset>
                  )}
                />
              </FormSection>
            ) : null}

            <RadioGroup
              name="language"
              legend={t('intake.decisionForm.language')}
              choices={(['nb', 'nn'] as const).map((value) => ({ value, label: t(`intake.languageForm.${value}`) }))}
            />

            <FormActions
              submit={editing ? t('intake.decisionForm.saveChanges') : t('intake.decisionForm.submit')}
              submitting={t('intake.decisionForm.submitting')}
              pending={create.isPending || update.isPending}
              disabled={!service.isSuccess}
              cancel={{ to: decision ? decisionPath(decision.id) : personPath(person.data.id), label: t('intake.form.cancel') }}
            />
          </FormLayout>
        </FormKit>
      )}
    </PageLayout>
  );
}

