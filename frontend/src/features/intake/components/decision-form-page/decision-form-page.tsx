import {
  Alert,
  Button,
  Card,
  Checkbox,
  Field,
  Fieldset,
  Heading,
  Label,
  Link,
  Paragraph,
  Radio,
  Select,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { ArrowLeftIcon, PlusIcon, TrashIcon } from '@navikt/aksel-icons';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate, useParams, useSearchParams } from 'react-router';

import { FormErrorSummary } from '@/components/form-error-summary/form-error-summary';
import { Localized } from '@/components/localized/localized';
import { usePageTitle } from '@/components/page-title/use-page-title';
import { Loading, ProblemAlert } from '@/components/query-state/query-state';
import { useSession } from '@/lib/auth';
import { useLocalize } from '@/lib/i18n';
import { ApiProblem, isNotFound } from '@/lib/problem';

import { useCreateDecision } from '../../api/create-decision';
import { usePersonApplications } from '../../api/get-applications';
import { useCriteriaMetrics } from '../../api/get-criteria-metrics';
import { usePerson } from '../../api/get-person';
import { useServiceTypeDetail } from '../../api/get-service-type';
import { useServiceTypes } from '../../api/get-service-types';
import { useSuggestions } from '../../api/get-suggestions';
import { OUTCOMES, TRIED_STATUSES, type ServiceTypeDetail } from '../../api/types';
import {
  decisionFields,
  decisionServerErrorKey,
  emptyDecision,
  emptyLowerLevel,
  toDecisionCreate,
  validateDecision,
  type DecisionFormValues,
} from '../../lib/decision-form';
import type { ErrorKey } from '../../lib/form-errors';
import { canRegister } from '../../lib/permissions';
import { useFormState } from '../../lib/use-form-state';
import { assessmentPath, decisionPath, newDecisionPath, personPath } from '../../paths';
import { NoAccess } from '../no-access/no-access';
import { SuggestionList } from '../suggestion-list/suggestion-list';

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
  const serviceCode = searchParams.get('tjeneste') ?? '';
  const { t } = useTranslation();
  const { language, localize } = useLocalize();
  usePageTitle(t('intake.decisionForm.title'));
  const session = useSession();
  const navigate = useNavigate();
  const person = usePerson(id);
  const applications = usePersonApplications(id);
  const suggestions = useSuggestions(applicationId);
  const metrics = useCriteriaMetrics();
  const service = useServiceTypeDetail(serviceCode);
  const allServices = useServiceTypes();
  const create = useCreateDecision();
  const [formProblem, setFormProblem] = useState<unknown>(null);

  const rules = {
    requiresLowerLevelReview: service.data?.requires_lower_level_review ?? false,
    measured: (service.data?.scope_unit ?? 'none') !== 'none',
  };
  const validate = useCallback(
    (values: DecisionFormValues) => validateDecision(values, rules),
    [rules.requiresLowerLevelReview, rules.measured],
  );
  const form = useFormState<DecisionFormValues>({
    form: 'decision',
    initial: () => emptyDecision(language === 'nn' ? 'nn' : 'nb'),
    fields: decisionFields,
    validate,
  });

  if (!session || !canRegister(session.user.roles)) return <NoAccess reason="register" />;
  if (person.isPending) return <Loading />;
  if (person.isError) {
    return (
      <div className={styles.page}>
        <Heading level={1} data-size="lg">
          {isNotFound(person.error) ? t('intake.person.notFoundTitle') : t('intake.decisionForm.title')}
        </Heading>
        {isNotFound(person.error) ? <Paragraph>{t('intake.person.notFoundBody')}</Paragraph> : <ProblemAlert error={person.error} />}
      </div>
    );
  }

  const name = t('intake.personName', { given: person.data.given_name, family: person.data.family_name });
  const application = applications.data?.find((item) => item.id === applicationId);
  const values = form.values;
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
    const key: ErrorKey | undefined = form.errors[path];
    return key ? t(`intake.errors.${key}`, { field: labelOf(path), number: '' }) : undefined;
  };

  const onSubmit = form.handleSubmit((current) => {
    setFormProblem(null);
    create.mutate(toDecisionCreate(applicationId, serviceCode, current), {
      onSuccess: (decision) => navigate(decisionPath(decision.id), { state: { saved: true } }),
      onError: (error) => {
        const placed = form.showServerErrors(error, decisionServerErrorKey);
        setFormProblem(placed ? null : error);
      },
    });
  });

  const summary = form.orderedErrors().map(([path]) => ({ id: form.id(path), message: message(path) ?? '' }));
  const granting = values.outcome !== '' && values.outcome !== 'refused';
  const lowerCandidates = (allServices.data ?? []).filter(
    (item) => item.published && service.data && item.care_level.rank < service.data.care_level.rank,
  );

  return (
    <div className={styles.page}>
      <Link asChild className={styles.back}>
        <RouterLink to={personPath(person.data.id)}>
          <ArrowLeftIcon aria-hidden fontSize="1.25em" />
          {t('intake.decisionForm.back', { name })}
        </RouterLink>
      </Link>
      <header className={styles.header}>
        <Heading level={1} data-size="lg" id="decision-form-title">
          {t('intake.decisionForm.title')}
          {service.data ? (
            <>
              {': '}
              <Localized text={service.data.name} />
            </>
          ) : null}
        </Heading>
        <Paragraph className={styles.for}>{t('intake.decisionForm.for', { name })}</Paragraph>
      </header>

      <section aria-labelledby="suggestions-heading" className={styles.section}>
        <Heading level={2} data-size="sm" id="suggestions-heading">
          {t('intake.decisionForm.suggestionsHeading')}
        </Heading>
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
      </section>

      {!serviceCode ? (
        <section aria-labelledby="choose-service-heading" className={styles.section}>
          <Heading level={2} data-size="sm" id="choose-service-heading">
            {t('intake.decisionForm.service')}
          </Heading>
          <Paragraph>{t('intake.decisionForm.noService')}</Paragraph>
          <div className={styles.buttons}>
            {application?.services.map((item) => (
              <Button key={item.service_type} asChild variant="secondary">
                <RouterLink to={newDecisionPath(person.data.id, applicationId, item.service_type)}>{localize(item.service_name)}</RouterLink>
              </Button>
            ))}
          </div>
        </section>
      ) : (
        <>
          <section aria-labelledby="rules-heading" className={styles.section}>
            <Heading level={2} data-size="sm" id="rules-heading">
              {t('intake.decisionForm.rulesHeading')}
            </Heading>
            {service.isPending ? <Loading /> : null}
            {service.isError ? <ProblemAlert error={service.error} onRetry={() => void service.refetch()} /> : null}
            {service.data ? <ServiceRules service={service.data} /> : null}
          </section>

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

          <form noValidate onSubmit={onSubmit} className={styles.form} aria-labelledby="decision-form-title">
            <section aria-labelledby="decision-heading" className={styles.section}>
              <Heading level={2} data-size="sm" id="decision-heading">
                {t('intake.decisionForm.decisionHeading')}
              </Heading>
              <span id={form.id('service_type')} tabIndex={-1} />
              {message('service_type') ? <ValidationMessage>{message('service_type')}</ValidationMessage> : null}
              <Fieldset id={form.id('outcome')}>
                <Fieldset.Legend>{t('intake.decisionForm.outcome')}</Fieldset.Legend>
                <div className={styles.choiceRow}>
                  {OUTCOMES.map((outcome) => (
                    <Radio
                      key={outcome}
                      name="outcome"
                      value={outcome}
                      label={t(`intake.decisionOutcome.${outcome}`)}
                      checked={values.outcome === outcome}
                      onChange={() => form.change('outcome', outcome)}
                      className={styles.choice}
                    />
                  ))}
                </div>
                {message('outcome') ? <ValidationMessage>{message('outcome')}</ValidationMessage> : null}
              </Fieldset>
              <div className={styles.grid}>
                {rules.measured ? (
                  <Textfield
                    label={labels.scope_amount}
                    inputMode="decimal"
                    {...form.text('scope_amount')}
                    error={message('scope_amount')}
                    aria-required={granting || undefined}
                  />
                ) : null}
                <Textfield label={labels.unit} {...form.text('unit')} error={message('unit')} />
                <Textfield label={labels.starts_on} type="date" {...form.text('starts_on')} error={message('starts_on')} />
                <Textfield
                  label={labels.ends_on}
                  description={service.data?.purpose ? t('intake.decisionForm.endsOnDescription') : undefined}
                  type="date"
                  {...form.text('ends_on')}
                  error={message('ends_on')}
                />
                <Textfield
                  label={labels.review_on}
                  type="date"
                  {...form.text('review_on')}
                  error={message('review_on')}
                  aria-required={granting || undefined}
                />
              </div>
              {service.data?.is_long_term_place ? (
                <Checkbox
                  label={t('intake.decisionForm.placeAvailable')}
                  description={t('intake.decisionForm.placeAvailableDescription')}
                  {...form.checkbox('place_available')}
                  className={styles.choice}
                />
              ) : null}
            </section>

            <Fieldset id={form.id('contact')} className={styles.section}>
              <Fieldset.Legend>
                <Heading level={2} data-size="sm">
                  {t('intake.decisionForm.contactHeading')}
                </Heading>
              </Fieldset.Legend>
              <div className={styles.grid}>
                <Textfield
                  label={t('intake.decisionForm.contactName')}
                  {...form.text('contact.name')}
                  error={message('contact.name') ?? message('contact')}
                  autoComplete="off"
                />
                <Textfield label={t('intake.decisionForm.contactUnit')} {...form.text('contact.unit')} autoComplete="off" />
                <Textfield label={t('intake.decisionForm.contactPhone')} type="tel" {...form.text('contact.phone')} autoComplete="off" />
              </div>
            </Fieldset>

            <section aria-labelledby="grounds-heading" className={styles.section}>
              <Heading level={2} data-size="sm" id="grounds-heading" className={styles.visuallyHidden}>
                {t('intake.decisionForm.facts')} / {t('intake.decisionForm.considerations')}
              </Heading>
              <Textfield
                label={labels.facts}
                description={t('intake.decisionForm.factsDescription')}
                multiline
                rows={6}
                {...form.text('facts')}
                error={message('facts')}
                aria-required
              />
              <Textfield
                label={labels.considerations}
                description={t('intake.decisionForm.considerationsDescription')}
                multiline
                rows={6}
                {...form.text('considerations')}
                error={message('considerations')}
                aria-required
              />
            </section>

            {service.data?.requires_lower_level_review || values.lower_levels.length > 0 ? (
              <section aria-labelledby="lower-heading" className={styles.section} id={form.id('lower_levels')}>
                <Heading level={2} data-size="sm" id="lower-heading">
                  {t('intake.decisionForm.lowerLevelsHeading')}
                </Heading>
                {message('lower_levels') ? <ValidationMessage>{message('lower_levels')}</ValidationMessage> : null}
                {values.lower_levels.map((level, index) => (
                  <Fieldset key={index} className={styles.lowerLevel}>
                    <Fieldset.Legend>{t('intake.decisionForm.lowerLevel', { number: index + 1 })}</Fieldset.Legend>
                    <Field>
                      <Label>{t('intake.decisionForm.lowerLevelService')}</Label>
                      <Select {...form.text(`lower_levels.${index}.service_type`)}>
                        <Select.Option value="" disabled>
                          {t('intake.form.choose')}
                        </Select.Option>
                        {lowerCandidates.map((item) => (
                          <Select.Option key={item.code} value={item.code}>
                            {localize(item.name)}
                          </Select.Option>
                        ))}
                      </Select>
                      {message(`lower_levels.${index}.service_type`) ? (
                        <ValidationMessage>{message(`lower_levels.${index}.service_type`)}</ValidationMessage>
                      ) : null}
                    </Field>
                    <div className={styles.choiceRow} role="radiogroup" aria-label={t('intake.decisionForm.lowerLevelStatus')}>
                      {TRIED_STATUSES.map((status) => (
                        <Radio
                          key={status}
                          name={`lower_levels.${index}.status`}
                          value={status}
                          label={t(`intake.triedStatus.${status}`)}
                          checked={level.status === status}
                          onChange={() => form.change(`lower_levels.${index}.status`, status)}
                          className={styles.choice}
                        />
                      ))}
                    </div>
                    <Textfield
                      label={t('intake.decisionForm.whyNotEnough')}
                      multiline
                      rows={3}
                      {...form.text(`lower_levels.${index}.why_not_enough`)}
                      error={message(`lower_levels.${index}.why_not_enough`)}
                    />
                    <Button
                      variant="tertiary"
                      data-size="sm"
                      className={styles.remove}
                      onClick={() =>
                        form.setValues((v) => ({ ...v, lower_levels: v.lower_levels.filter((_, i) => i !== index) }), 'lower_levels')
                      }
                    >
                      <TrashIcon aria-hidden fontSize="1.25em" />
                      {t('intake.decisionForm.removeLowerLevel', { number: index + 1 })}
                    </Button>
                  </Fieldset>
                ))}
                <Button
                  variant="secondary"
                  className={styles.remove}
                  onClick={() => form.setValues((v) => ({ ...v, lower_levels: [...v.lower_levels, emptyLowerLevel()] }), 'lower_levels')}
                >
                  <PlusIcon aria-hidden fontSize="1.25em" />
                  {t('intake.decisionForm.addLowerLevel')}
                </Button>
              </section>
            ) : null}

            <Fieldset id={form.id('language')}>
              <Fieldset.Legend>{t('intake.decisionForm.language')}</Fieldset.Legend>
              <div className={styles.choiceRow}>
                {(['nb', 'nn'] as const).map((code) => (
                  <Radio
                    key={code}
                    name="language"
                    value={code}
                    label={t(`intake.languageForm.${code}`)}
                    checked={values.language === code}
                    onChange={() => form.change('language', code)}
                    className={styles.choice}
                  />
                ))}
              </div>
            </Fieldset>

            <div className={styles.actions}>
              <Button type="submit" loading={create.isPending} disabled={create.isPending || !service.isSuccess}>
                {create.isPending ? t('intake.decisionForm.submitting') : t('intake.decisionForm.submit')}
              </Button>
              <Button asChild variant="tertiary">
                <RouterLink to={personPath(person.data.id)}>{t('intake.form.cancel')}</RouterLink>
              </Button>
            </div>
          </form>
        </>
      )}
    </div>
  );
}
