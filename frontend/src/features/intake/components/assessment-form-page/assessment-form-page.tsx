import { Button, Card, Checkbox, Field, Fieldset, Heading, Label, Link, Paragraph, Radio, Select, Textfield } from '@digdir/designsystemet-react';
import { ArrowLeftIcon, PlusIcon, TrashIcon } from '@navikt/aksel-icons';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';

import { FormErrorSummary } from '@/components/form-error-summary/form-error-summary';
import { usePageTitle } from '@/components/page-title/use-page-title';
import { Loading, ProblemAlert } from '@/components/query-state/query-state';
import { useSession } from '@/lib/auth';
import { todayIso } from '@/lib/dates';
import { localeOf, pickLocalized, useLocalize } from '@/lib/i18n';
import { isNotFound } from '@/lib/problem';

import { useCreateAssessment } from '../../api/create-assessment';
import { usePersonApplications } from '../../api/get-applications';
import { useFunctionalVariables } from '../../api/get-functional-variables';
import { usePerson } from '../../api/get-person';
import {
  FUNCTIONAL_GROUPS,
  HOUSING_KINDS,
  PLACES,
  POTENTIALS,
  RISKS,
  WELFARE_TECHNOLOGIES,
  type AssessmentRead,
  type FunctionalVariable,
} from '../../api/types';
import {
  assessmentFields,
  assessmentServerErrorKey,
  DIAGNOSIS_SYSTEMS,
  DIAGNOSIS_TEXT_LIMIT,
  emptyAssessment,
  emptyDiagnosis,
  MAX_DIAGNOSES,
  MAX_GOALS,
  toAssessmentCreate,
  validateAssessment,
  type AssessmentFormValues,
} from '../../lib/assessment-form';
import type { ErrorKey } from '../../lib/form-errors';
import { canRegister } from '../../lib/permissions';
import { useFormState } from '../../lib/use-form-state';
import { newDecisionPath, personPath } from '../../paths';
import { NoAccess } from '../no-access/no-access';
import { ScoreChoice } from '../score-choice/score-choice';

import styles from './assessment-form-page.module.css';

const SCALE = ['1', '2', '3', '4', '5', '9'] as const;
const NO_VARIABLES: FunctionalVariable[] = [];

/** The derived need level and what to follow up, after saving. */
function AssessmentResult({ assessment, personId, applicationId }: { assessment: AssessmentRead; personId: string; applicationId: string }) {
  const { t } = useTranslation();
  const { language } = useLocalize();
  const applications = usePersonApplications(personId);
  const application = applications.data?.find((item) => item.id === applicationId);
  const number = (value: number | null | undefined) =>
    value === null || value === undefined ? '–' : new Intl.NumberFormat(localeOf(language), { maximumFractionDigits: 1 }).format(value);
  const derived = assessment.derived;
  return (
    <Card data-color="success" className={styles.result} data-testid="assessment-result">
      <Heading level={2} data-size="sm">
        {t('intake.assessment.savedTitle')}
      </Heading>
      <dl className={styles.facts}>
        <div>
          <dt>{t('intake.assessment.needLevel')}</dt>
          <dd data-testid="need-level">{derived.need_level ? t(`intake.needLevel.${derived.need_level}`) : '–'}</dd>
        </div>
        <div>
          <dt>{t('intake.assessment.means')}</dt>
          <dd>
            {t('intake.assessment.adlMean')} {number(derived.adl_mean)} · {t('intake.assessment.iadlMean')} {number(derived.iadl_mean)} ·{' '}
            {t('intake.assessment.cognitiveMean')} {number(derived.cognitive_mean)} · {t('intake.assessment.overallMean')}{' '}
            {number(derived.overall_mean)}
          </dd>
        </div>
      </dl>
      <Heading level={3} data-size="xs">
        {t('intake.assessment.followUpsHeading')}
      </Heading>
      {assessment.follow_ups.length === 0 ? (
        <Paragraph>{t('intake.assessment.noFollowUps')}</Paragraph>
      ) : (
        <ul className={styles.followUps} data-testid="follow-ups">
          {assessment.follow_ups.map((code) => (
            <li key={code}>{t(`intake.followUp.${code as 'fall_prevention'}`, { defaultValue: code })}</li>
          ))}
        </ul>
      )}
      {application ? (
        <>
          <Heading level={3} data-size="xs">
            {t('intake.assessment.nextHeading')}
          </Heading>
          <div className={styles.next}>
            {application.services.map((service) => (
              <Button key={service.service_type} asChild variant="secondary">
                <RouterLink to={newDecisionPath(personId, applicationId, service.service_type)}>
                  {t('intake.application.writeDecision', { service: pickLocalized(service.service_name, language).value })}
                </RouterLink>
              </Button>
            ))}
          </div>
        </>
      ) : null}
    </Card>
  );
}

/** /personer/:id/soknad/:applicationId/kartlegging: the assessment, «Hva er viktig for deg?» first. */
export function AssessmentFormPage() {
  const { id = '', applicationId = '' } = useParams();
  const { t } = useTranslation();
  const { language } = useLocalize();
  usePageTitle(t('intake.assessment.title'));
  const session = useSession();
  const person = usePerson(id);
  const variablesQuery = useFunctionalVariables();
  const variables = variablesQuery.data ?? NO_VARIABLES;
  const create = useCreateAssessment(applicationId);
  const [formProblem, setFormProblem] = useState<unknown>(null);
  const [saved, setSaved] = useState<AssessmentRead | null>(null);

  const fields = useCallback((values: AssessmentFormValues) => assessmentFields(values, variables), [variables]);
  const validate = useCallback((values: AssessmentFormValues) => validateAssessment(values, variables), [variables]);
  const form = useFormState<AssessmentFormValues>({ form: 'assessment', initial: emptyAssessment, fields, validate });

  if (!session || !canRegister(session.user.roles)) return <NoAccess reason="register" />;
  if (person.isPending) return <Loading />;
  if (person.isError) {
    return (
      <div className={styles.page}>
        <Heading level={1} data-size="lg">
          {isNotFound(person.error) ? t('intake.person.notFoundTitle') : t('intake.assessment.title')}
        </Heading>
        {isNotFound(person.error) ? <Paragraph>{t('intake.person.notFoundBody')}</Paragraph> : <ProblemAlert error={person.error} />}
      </div>
    );
  }

  const name = t('intake.personName', { given: person.data.given_name, family: person.data.family_name });
  const values = form.values;
  const variableName = (code: string) => {
    const variable = variables.find((item) => item.code === code);
    return variable ? pickLocalized(variable.name, language).value : code;
  };
  const labels: Record<string, string> = {
    what_matters: t('intake.assessment.whatMattersHeading'),
    assessed_on: t('intake.assessment.assessedOn'),
    place: t('intake.assessment.place'),
    own_resources: t('intake.assessment.ownResources'),
    network: t('intake.assessment.network'),
    relatives_contribution: t('intake.assessment.relativesContribution'),
    housing: t('intake.assessment.housingHeading'),
    rehabilitation_potential: t('intake.assessment.rehabilitationPotential'),
    welfare_technology: t('intake.assessment.welfareHeading'),
    nutrition_risk: t('intake.assessment.nutritionRisk'),
    fall_risk: t('intake.assessment.fallRisk'),
    expected_duration_months: t('intake.assessment.expectedDuration'),
    assessed_hours_per_week: t('intake.assessment.assessedHours'),
    note: t('intake.assessment.note'),
    diagnoses: t('intake.assessment.diagnosesHeading'),
  };
  const labelOf = (path: string) => {
    if (path.startsWith('scores.')) return variableName(path.slice('scores.'.length));
    if (path.startsWith('what_matters.')) return t('intake.assessment.goal', { number: Number(path.split('.')[1]) + 1 });
    if (path.startsWith('diagnoses.')) {
      const [, index, part] = path.split('.');
      const number = Number(index) + 1;
      if (part === 'text') return t('intake.assessment.diagnosisTextN', { number });
      if (part === 'system') return t('intake.assessment.diagnosisSystemN', { number });
      return t('intake.assessment.diagnosisCodeN', { number });
    }
    return labels[path] ?? labels[path.split('.')[0] ?? ''] ?? path;
  };
  const message = (path: string): string | undefined => {
    const key: ErrorKey | undefined = form.errors[path];
    return key ? t(`intake.errors.${key}`, { field: labelOf(path), number: '' }) : undefined;
  };

  const onSubmit = form.handleSubmit((current) => {
    setFormProblem(null);
    create.mutate(toAssessmentCreate(current, variables), {
      onSuccess: (assessment) => {
        setSaved(assessment);
        requestAnimationFrame(() => document.getElementById('assessment-result-heading')?.focus());
      },
      onError: (error) => {
        const placed = form.showServerErrors(error, assessmentServerErrorKey);
        setFormProblem(placed ? null : error);
      },
    });
  });

  const summary = form.orderedErrors().map(([path]) => ({ id: form.id(path), message: message(path) ?? '' }));
  const radios = <T extends string>(path: string, options: readonly T[], labelFor: (value: T) => string, legend: string) => (
    <Fieldset id={form.id(path)} className={styles.inlineChoices}>
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      <div className={styles.choiceRow}>
        {options.map((option) => (
          <Radio
            key={option}
            name={path}
            value={option}
            label={labelFor(option)}
            checked={getNested(form.values, path) === option}
            onChange={() => form.change(path, option)}
            className={styles.choice}
          />
        ))}
      </div>
      {message(path) ? <p className={styles.error}>{message(path)}</p> : null}
    </Fieldset>
  );

  return (
    <div className={styles.page}>
      <Link asChild className={styles.back}>
        <RouterLink to={personPath(person.data.id)}>
          <ArrowLeftIcon aria-hidden fontSize="1.25em" />
          {t('intake.assessment.back', { name })}
        </RouterLink>
      </Link>
      <header className={styles.header}>
        <Heading level={1} data-size="lg" id="assessment-form-title">
          {t('intake.assessment.title')}
        </Heading>
        <Paragraph className={styles.for}>{t('intake.assessment.for', { name })}</Paragraph>
        <Paragraph>{t('intake.assessment.intro')}</Paragraph>
      </header>

      {saved ? (
        <section aria-labelledby="assessment-result-heading">
          <h2 id="assessment-result-heading" tabIndex={-1} className={styles.visuallyHidden}>
            {t('intake.assessment.savedTitle')}
          </h2>
          <AssessmentResult assessment={saved} personId={person.data.id} applicationId={applicationId} />
        </section>
      ) : null}

      <FormErrorSummary heading={t('intake.form.summaryHeading')} items={summary} attempt={form.attempt} />
      {formProblem ? (
        <div role="alert">
          <ProblemAlert error={formProblem} />
        </div>
      ) : null}

      {saved ? null : (
        <form noValidate onSubmit={onSubmit} className={styles.form} aria-labelledby="assessment-form-title">
          <section aria-labelledby="goals-heading" className={styles.whatMatters}>
            <Heading level={2} data-size="sm" id="goals-heading">
              {t('intake.assessment.whatMattersHeading')}
            </Heading>
            <Paragraph data-size="sm">{t('intake.assessment.whatMattersDescription')}</Paragraph>
            <ol className={styles.goals} id={form.id('what_matters')}>
              {values.what_matters.map((_, index) => (
                <li key={index} className={styles.goal}>
                  <Textfield
                    label={t('intake.assessment.goal', { number: index + 1 })}
                    multiline
                    rows={2}
                    {...form.text(`what_matters.${index}.text`)}
                    error={message(`what_matters.${index}.text`)}
                  />
                  {values.what_matters.length > 1 ? (
                    <Button
                      variant="tertiary"
                      data-size="sm"
                      onClick={() => form.setValues((v) => ({ ...v, what_matters: v.what_matters.filter((__, i) => i !== index) }), 'what_matters')}
                    >
                      <TrashIcon aria-hidden fontSize="1.25em" />
                      {t('intake.assessment.removeGoal', { number: index + 1 })}
                    </Button>
                  ) : null}
                </li>
              ))}
            </ol>
            {values.what_matters.length < MAX_GOALS ? (
              <Button
                variant="secondary"
                className={styles.add}
                onClick={() => form.setValues((v) => ({ ...v, what_matters: [...v.what_matters, { text: '' }] }))}
              >
                <PlusIcon aria-hidden fontSize="1.25em" />
                {t('intake.assessment.addGoal')}
              </Button>
            ) : null}
          </section>

          <section aria-labelledby="about-heading" className={styles.section}>
            <Heading level={2} data-size="sm" id="about-heading">
              {t('intake.assessment.aboutHeading')}
            </Heading>
            <div className={styles.grid}>
              <Textfield
                label={t('intake.assessment.assessedOn')}
                type="date"
                max={todayIso()}
                {...form.text('assessed_on')}
                error={message('assessed_on')}
                aria-required
              />
              <Field>
                <Label>{t('intake.assessment.place')}</Label>
                <Select {...form.text('place')}>
                  {PLACES.map((place) => (
                    <Select.Option key={place} value={place}>
                      {t(`intake.place.${place}`)}
                    </Select.Option>
                  ))}
                </Select>
              </Field>
            </div>
          </section>

          <section aria-labelledby="function-heading" className={styles.section}>
            <Heading level={2} data-size="sm" id="function-heading">
              {t('intake.assessment.functionHeading')}
            </Heading>
            <Card className={styles.scale} data-color="neutral">
              <Heading level={3} data-size="2xs">
                {t('intake.assessment.scaleHeading')}
              </Heading>
              <ul className={styles.scaleList}>
                {SCALE.map((score) => (
                  <li key={score}>
                    <span className={styles.scaleNumber}>{score}</span> {t(`intake.assessment.scale.${score}`)}
                  </li>
                ))}
              </ul>
              <Paragraph data-size="sm">{t('intake.assessment.scaleSensory')}</Paragraph>
            </Card>
            {variablesQuery.isPending ? <Loading label={t('intake.assessment.loadingVariables')} /> : null}
            {variablesQuery.isError ? <ProblemAlert error={variablesQuery.error} onRetry={() => void variablesQuery.refetch()} /> : null}
            {FUNCTIONAL_GROUPS.map((group) => {
              const inGroup = variables.filter((variable) => variable.group === group);
              if (inGroup.length === 0) return null;
              return (
                <section key={group} aria-labelledby={`group-${group}`} className={styles.group}>
                  <Heading level={3} data-size="xs" id={`group-${group}`}>
                    {t(`intake.assessment.group.${group}`)}
                  </Heading>
                  {inGroup.map((variable) => (
                    <ScoreChoice
                      key={variable.code}
                      id={form.id(`scores.${variable.code}`)}
                      name={`scores.${variable.code}`}
                      label={pickLocalized(variable.name, language).value}
                      scale={variable.scale}
                      value={values.scores[variable.code]}
                      error={message(`scores.${variable.code}`)}
                      onChange={(score) => form.change(`scores.${variable.code}`, score)}
                    />
                  ))}
                </section>
              );
            })}
          </section>

          <section aria-labelledby="resources-heading" className={styles.section}>
            <Heading level={2} data-size="sm" id="resources-heading">
              {t('intake.assessment.resourcesHeading')}
            </Heading>
            <Textfield label={labels.own_resources} multiline rows={3} {...form.text('own_resources')} error={message('own_resources')} />
            <Textfield label={labels.network} multiline rows={3} {...form.text('network')} error={message('network')} />
            <Textfield
              label={labels.relatives_contribution}
              multiline
              rows={3}
              {...form.text('relatives_contribution')}
              error={message('relatives_contribution')}
            />
          </section>

          <section aria-labelledby="housing-heading" className={styles.section}>
            <Heading level={2} data-size="sm" id="housing-heading">
              {t('intake.assessment.housingHeading')}
            </Heading>
            <Field>
              <Label>{t('intake.assessment.housingKind')}</Label>
              <Select {...form.text('housing.kind')}>
                {HOUSING_KINDS.map((kind) => (
                  <Select.Option key={kind} value={kind}>
                    {t(`intake.housingKind.${kind}`)}
                  </Select.Option>
                ))}
              </Select>
            </Field>
            {radios('housing.accessible', ['yes', 'no', ''] as const, (v) => t(v === '' ? 'intake.assessment.unknown' : `intake.assessment.${v}`), t('intake.assessment.housingAccessible'))}
            {radios('housing.stairs', ['yes', 'no', ''] as const, (v) => t(v === '' ? 'intake.assessment.unknown' : `intake.assessment.${v}`), t('intake.assessment.housingStairs'))}
            <Textfield label={t('intake.assessment.housingNote')} {...form.text('housing.note')} error={message('housing.note')} />
          </section>

          <section aria-labelledby="rehab-heading" className={styles.section}>
            <Heading level={2} data-size="sm" id="rehab-heading">
              {t('intake.assessment.rehabilitationPotential')}
            </Heading>
            {radios('rehabilitation_potential', POTENTIALS, (v) => t(`intake.potential.${v}`), t('intake.assessment.rehabilitationPotential'))}
          </section>

          <section aria-labelledby="welfare-heading" className={styles.section}>
            <Heading level={2} data-size="sm" id="welfare-heading">
              {t('intake.assessment.welfareHeading')}
            </Heading>
            <Checkbox label={t('intake.assessment.welfarePositive')} {...form.checkbox('welfare_technology.positive')} className={styles.choice} />
            <Fieldset id={form.id('welfare_technology.needs')}>
              <Fieldset.Legend>{t('intake.assessment.welfareNeeds')}</Fieldset.Legend>
              <div className={styles.checkGrid}>
                {WELFARE_TECHNOLOGIES.map((need) => (
                  <Checkbox
                    key={need}
                    name="welfare_technology.needs"
                    value={need}
                    label={t(`intake.welfareTechnology.${need}`)}
                    checked={values.welfare_technology.needs.includes(need)}
                    onChange={(event) => {
                      const needs = values.welfare_technology.needs.filter((item) => item !== need);
                      form.change('welfare_technology.needs', event.target.checked ? [...needs, need] : needs);
                    }}
                    className={styles.choice}
                  />
                ))}
              </div>
            </Fieldset>
            <Textfield label={t('intake.assessment.welfareNote')} {...form.text('welfare_technology.note')} />
          </section>

          <section aria-labelledby="risks-heading" className={styles.section}>
            <Heading level={2} data-size="sm" id="risks-heading">
              {t('intake.assessment.risksHeading')}
            </Heading>
            {radios('nutrition_risk', RISKS, (v) => t(`intake.risk.${v}`), t('intake.assessment.nutritionRisk'))}
            {radios('fall_risk', RISKS, (v) => t(`intake.risk.${v}`), t('intake.assessment.fallRisk'))}
          </section>

          <section aria-labelledby="other-heading" className={styles.section}>
            <Heading level={2} data-size="sm" id="other-heading">
              {t('intake.assessment.otherHeading')}
            </Heading>
            <div className={styles.checkGrid}>
              <Checkbox label={t('intake.assessment.needs24h')} {...form.checkbox('needs_24h_care')} className={styles.choice} />
              <Checkbox label={t('intake.assessment.hasDementia')} {...form.checkbox('has_dementia')} className={styles.choice} />
              <Checkbox label={t('intake.assessment.isPalliative')} {...form.checkbox('is_palliative')} className={styles.choice} />
              <Checkbox label={t('intake.assessment.relativeCareBurden')} {...form.checkbox('relative_care_burden')} className={styles.choice} />
              <Checkbox label={t('intake.assessment.acuteNeed')} {...form.checkbox('acute_need')} className={styles.choice} />
            </div>
            <div className={styles.grid}>
              <Textfield
                label={labels.expected_duration_months}
                inputMode="numeric"
                {...form.text('expected_duration_months')}
                error={message('expected_duration_months')}
              />
              <Textfield
                label={labels.assessed_hours_per_week}
                inputMode="decimal"
                {...form.text('assessed_hours_per_week')}
                error={message('assessed_hours_per_week')}
              />
            </div>
            <Textfield label={labels.note} multiline rows={3} {...form.text('note')} error={message('note')} />
          </section>

          <section aria-labelledby="diagnoses-heading" className={styles.section} id={form.id('diagnoses')}>
            <Heading level={2} data-size="sm" id="diagnoses-heading">
              {t('intake.assessment.diagnosesHeading')}
            </Heading>
            <Paragraph data-size="sm">{t('intake.assessment.diagnosesDescription')}</Paragraph>
            {values.diagnoses.length > 0 ? (
              <ol className={styles.goals}>
                {values.diagnoses.map((_, index) => (
                  <li key={index} className={styles.diagnosis}>
                    <Fieldset>
                      <Fieldset.Legend>{t('intake.assessment.diagnosis', { number: index + 1 })}</Fieldset.Legend>
                      <div className={styles.diagnosisGrid}>
                        <Field>
                          <Label>{t('intake.assessment.diagnosisSystem')}</Label>
                          <Select {...form.text(`diagnoses.${index}.system`)}>
                            {DIAGNOSIS_SYSTEMS.map((system) => (
                              <Select.Option key={system} value={system}>
                                {system}
                              </Select.Option>
                            ))}
                          </Select>
                        </Field>
                        <Textfield
                          label={t('intake.assessment.diagnosisCode')}
                          description={t('intake.assessment.diagnosisCodeDescription')}
                          autoComplete="off"
                          {...form.text(`diagnoses.${index}.code`)}
                          error={message(`diagnoses.${index}.code`)}
                          aria-required
                        />
                        <Textfield
                          label={t('intake.assessment.diagnosisText')}
                          maxLength={DIAGNOSIS_TEXT_LIMIT}
                          {...form.text(`diagnoses.${index}.text`)}
                          error={message(`diagnoses.${index}.text`)}
                        />
                      </div>
                    </Fieldset>
                    <Button
                      variant="tertiary"
                      data-size="sm"
                      onClick={() => form.setValues((v) => ({ ...v, diagnoses: v.diagnoses.filter((__, i) => i !== index) }), 'diagnoses')}
                    >
                      <TrashIcon aria-hidden fontSize="1.25em" />
                      {t('intake.assessment.removeDiagnosis', { number: index + 1 })}
                    </Button>
                  </li>
                ))}
              </ol>
            ) : null}
            {values.diagnoses.length < MAX_DIAGNOSES ? (
              <Button
                variant="secondary"
                className={styles.add}
                onClick={() => form.setValues((v) => ({ ...v, diagnoses: [...v.diagnoses, emptyDiagnosis()] }))}
              >
                <PlusIcon aria-hidden fontSize="1.25em" />
                {t('intake.assessment.addDiagnosis')}
              </Button>
            ) : null}
          </section>

          <div className={styles.actions}>
            <Button type="submit" loading={create.isPending} disabled={create.isPending || !variablesQuery.isSuccess}>
              {create.isPending ? t('intake.assessment.submitting') : t('intake.assessment.submit')}
            </Button>
            <Button asChild variant="tertiary">
              <RouterLink to={personPath(person.data.id)}>{t('intake.form.cancel')}</RouterLink>
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}

function getNested(values: unknown, path: string): unknown {
  let current: unknown = values;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}
