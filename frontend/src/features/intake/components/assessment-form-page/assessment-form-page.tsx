import { Alert, Button, Card, Fieldset, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useMemo, useState } from 'react';
import { useController, useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';

import { CheckboxGroup, RadioGroup } from '@/components/choice-group/choice-group';
import { DateField } from '@/components/date-field/date-field';
import { FieldGrid } from '@/components/field-grid/field-grid';
import { FormErrorSummary } from '@/components/form-error-summary/form-error-summary';
import { CheckboxField, FormKit, SelectField, TextField, useFormKit } from '@/components/form-kit/form-kit';
import { FormLayout, FormSection } from '@/components/form-section/form-section';
import { PageLayout } from '@/components/page-layout/page-layout';
import { usePageTitle } from '@/components/page-title/use-page-title';
import { Loading, ProblemAlert } from '@/components/query-state/query-state';
import { StaleAlert } from '@/components/stale-alert/stale-alert';
import { SuccessMessage } from '@/components/success-message/success-message';
import { RepeatableList } from '@/components/repeatable-list/repeatable-list';
import { useSession } from '@/lib/auth';
import { formatDateTime } from '@/lib/dates';
import { localeOf, pickLocalized, useLocalize } from '@/lib/i18n';
import { isNotFound } from '@/lib/problem';
import { useApiForm } from '@/lib/use-api-form';

import { useAssessmentDraft, useSaveAssessmentDraft } from '../../api/assessment-draft';
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
  type AssessmentDraftRead,
  type AssessmentRead,
  type FunctionalVariable,
  type PersonRead,
} from '../../api/types';
import {
  assessmentFields,
  assessmentProgress,
  assessmentSchema,
  assessmentServerErrorKey,
  DIAGNOSIS_SYSTEMS,
  DIAGNOSIS_TEXT_LIMIT,
  draftValues,
  emptyDiagnosis,
  MAX_DIAGNOSES,
  MAX_GOALS,
  prefilledAssessment,
  toAssessmentCreate,
  type AssessmentFormValues,
  ASSESSMENT_NUMBER_RANGES,
} from '../../lib/assessment-form';
import { rangeValues, type ErrorKey } from '../../lib/form-errors';
import { canRegister } from '../../lib/permissions';
import { newDecisionPath, personPath } from '../../paths';
import { NoAccess } from '../no-access/no-access';
import { ScoreChoice } from '../score-choice/score-choice';

import { LeaveGuard, SaveBar, useDraftAutosave } from './draft';

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
      <Heading level={2} data-size="sm" id="assessment-result-heading">
        {t('intake.assessment.resultHeading')}
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

/** One functional variable's score, bound to the form. */
function ScoreField({ variable, label }: { variable: FunctionalVariable; label: string }) {
  const { form, message } = useFormKit();
  const name = `scores.${variable.code}`;
  const { field } = useController({ name, control: form.control });
  return (
    <ScoreChoice
      id={form.id(name)}
      name={name}
      label={label}
      scale={variable.scale}
      value={field.value as number | undefined}
      error={message(name)}
      onChange={field.onChange}
    />
  );
}

/** /personer/:id/soknad/:applicationId/kartlegging: the assessment, «Hva er viktig for deg?» first; the answers so far are saved on the server as you go. */
export function AssessmentFormPage() {
  const { id = '', applicationId = '' } = useParams();
  const { t } = useTranslation();
  usePageTitle(t('intake.assessment.title'));
  const session = useSession();
  const person = usePerson(id);
  const variablesQuery = useFunctionalVariables();
  const draft = useAssessmentDraft(applicationId);
  const applications = usePersonApplications(id);

  if (!session || !canRegister(session.user.roles)) return <NoAccess reason="register" />;
  if (person.isPending || draft.isPending || applications.isPending) return <Loading />;
  if (person.isError) {
    return (
      <PageLayout title={isNotFound(person.error) ? t('intake.person.notFoundTitle') : t('intake.assessment.title')}>
        {isNotFound(person.error) ? <Paragraph>{t('intake.person.notFoundBody')}</Paragraph> : <ProblemAlert error={person.error} />}
      </PageLayout>
    );
  }
  const application = applications.data?.find((item) => item.id === applicationId);
  const stored = draft.data ?? null;
  const initial = stored ? draftValues(stored.content) : prefilledAssessment(application?.what_matters ?? null);
  return (
    <AssessmentForm
      // A reload of the draft (after «Last inn på nytt») starts the form over from what is stored.
      key={stored?.version ?? 0}
      person={person.data}
      applicationId={applicationId}
      variablesQuery={variablesQuery}
      initial={initial}
      draft={stored}
      draftProblem={draft.isError ? draft.error : null}
      onReload={() => void draft.refetch()}
    />
  );
}

function AssessmentForm({
  person: personData,
  applicationId,
  variablesQuery,
  initial,
  draft,
  draftProblem,
  onReload,
}: {
  person: PersonRead;
  applicationId: string;
  variablesQuery: ReturnType<typeof useFunctionalVariables>;
  initial: AssessmentFormValues;
  draft: AssessmentDraftRead | null;
  draftProblem: unknown;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const { language } = useLocalize();
  const variables = variablesQuery.data ?? NO_VARIABLES;
  const create = useCreateAssessment(applicationId);
  const saveDraft = useSaveAssessmentDraft(applicationId);
  const [formProblem, setFormProblem] = useState<unknown>(null);
  const [saved, setSaved] = useState<AssessmentRead | null>(null);

  const schema = useMemo(() => assessmentSchema(variables), [variables]);
  const form = useApiForm<AssessmentFormValues>({
    form: 'assessment',
    schema,
    initial: () => initial,
    fields: (values) => assessmentFields(values, variables),
  });
  const goals = useFieldArray({ control: form.control, name: 'what_matters' });
  const diagnoses = useFieldArray({ control: form.control, name: 'diagnoses' });
  const autosave = useDraftAutosave({ form, draft, save: saveDraft, stopped: saved !== null });
  const person = { data: personData };

  const name = t('intake.personName', { given: person.data.given_name, family: person.data.family_name });
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
    two_helper_hours_per_week: t('intake.assessment.twoHelperHours'),
    night_hours_per_week: t('intake.assessment.nightHours'),
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
    const key = form.errorAt(path) as ErrorKey | undefined;
    return key ? t(`intake.errors.${key}`, { field: labelOf(path), number: '', ...rangeValues(ASSESSMENT_NUMBER_RANGES[path], localeOf(language)) }) : undefined;
  };

  const onSubmit = form.submitWith((current) => {
    setFormProblem(null);
    create.mutate(toAssessmentCreate(current, variables), {
      onSuccess: (assessment) => {
        autosave.markRecorded();
        setSaved(assessment);
        window.scrollTo?.({ top: 0 });
      },
      onError: (error) => {
        const placed = form.showServerErrors(error, assessmentServerErrorKey);
        setFormProblem(placed ? null : error);
      },
    });
  });

  const summary = form.orderedErrors().map(([path]) => ({ id: form.id(path), message: message(path) ?? '' }));
  const yesNoUnknown = (['yes', 'no', ''] as const).map((value) => ({
    value,
    label: t(value === '' ? 'intake.assessment.unknown' : `intake.assessment.${value}`),
  }));

  return (
    <PageLayout
      back={{ to: personPath(person.data.id), label: t('intake.assessment.back', { name }) }}
      title={t('intake.assessment.title')}
      titleId="assessment-form-title"
      lead={t('intake.assessment.for', { name })}
      intro={<Paragraph>{t('intake.assessment.intro')}</Paragraph>}
    >
      {draft && !saved ? (
        <Alert data-color="info" data-testid="draft-restored">
          <Paragraph>
            {t('intake.assessment.draftRestored', { name: draft.saved_by_name, time: formatDateTime(draft.saved_at, language) })}
          </Paragraph>
        </Alert>
      ) : null}
      {draftProblem ? <ProblemAlert error={draftProblem} /> : null}
      {autosave.stale ? <StaleAlert what={t('intake.assessment.staleWhat')} onReload={onReload} /> : null}
      <LeaveGuard when={autosave.unsaved} />
      {saved ? (
        <section aria-labelledby="assessment-result-heading">
          <SuccessMessage testId="assessment-saved">{t('intake.assessment.savedTitle')}</SuccessMessage>
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
        <FormKit form={form} message={message}>
          <div className={styles.tablet}>
          <FormLayout onSubmit={onSubmit} aria-labelledby="assessment-form-title">
            <FormSection
              heading={t('intake.assessment.whatMattersHeading')}
              headingId="goals-heading"
              description={t('intake.assessment.whatMattersDescription')}
              variant="highlight"
            >
              <RepeatableList
                id={form.id('what_matters')}
                items={goals.fields}
                keyOf={(item) => item.id}
                min={1}
                max={MAX_GOALS}
                addLabel={t('intake.assessment.addGoal')}
                removeLabel={(index) => t('intake.assessment.removeGoal', { number: index + 1 })}
                onAdd={() => goals.append({ text: '' }, { shouldFocus: false })}
                onRemove={(index) => goals.remove(index)}
                render={(_, index) => (
                  <TextField name={`what_matters.${index}.text`} label={t('intake.assessment.goal', { number: index + 1 })} multiline rows={2} />
                )}
              />
            </FormSection>

            <FormSection heading={t('intake.assessment.aboutHeading')} headingId="about-heading">
              <FieldGrid>
                <DateField name="assessed_on" label={t('intake.assessment.assessedOn')} required />
                <SelectField
                  name="place"
                  label={t('intake.assessment.place')}
                  options={PLACES.map((place) => ({ value: place, label: t(`intake.place.${place}`) }))}
                />
              </FieldGrid>
            </FormSection>

            <FormSection heading={t('intake.assessment.functionHeading')} headingId="function-heading">
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
                  <FormSection key={group} heading={t(`intake.assessment.group.${group}`)} headingId={`group-${group}`} variant="subsection">
                    {inGroup.map((variable) => (
                      <ScoreField key={variable.code} variable={variable} label={pickLocalized(variable.name, language).value} />
                    ))}
                  </FormSection>
                );
              })}
            </FormSection>

            <FormSection heading={t('intake.assessment.resourcesHeading')} headingId="resources-heading">
              <TextField name="own_resources" label={labels.own_resources} multiline rows={3} />
              <TextField name="network" label={labels.network} multiline rows={3} />
              <TextField name="relatives_contribution" label={labels.relatives_contribution} multiline rows={3} />
            </FormSection>

            <FormSection heading={t('intake.assessment.housingHeading')} headingId="housing-heading">
              <SelectField
                name="housing.kind"
                label={t('intake.assessment.housingKind')}
                options={HOUSING_KINDS.map((kind) => ({ value: kind, label: t(`intake.housingKind.${kind}`) }))}
              />
              <RadioGroup name="housing.accessible" legend={t('intake.assessment.housingAccessible')} choices={yesNoUnknown} />
              <RadioGroup name="housing.stairs" legend={t('intake.assessment.housingStairs')} choices={yesNoUnknown} />
              <TextField name="housing.note" label={t('intake.assessment.housingNote')} />
            </FormSection>

            <FormSection heading={t('intake.assessment.rehabilitationPotential')} headingId="rehab-heading">
              <RadioGroup
                name="rehabilitation_potential"
                legend={t('intake.assessment.rehabilitationPotential')}
                choices={POTENTIALS.map((value) => ({ value, label: t(`intake.potential.${value}`) }))}
              />
            </FormSection>

            <FormSection heading={t('intake.assessment.welfareHeading')} headingId="welfare-heading">
              <CheckboxField name="welfare_technology.positive" label={t('intake.assessment.welfarePositive')} />
              <CheckboxGroup
                name="welfare_technology.needs"
                legend={t('intake.assessment.welfareNeeds')}
                choices={WELFARE_TECHNOLOGIES.map((value) => ({ value, label: t(`intake.welfareTechnology.${value}`) }))}
              />
              <TextField name="welfare_technology.note" label={t('intake.assessment.welfareNote')} />
            </FormSection>

            <FormSection heading={t('intake.assessment.risksHeading')} headingId="risks-heading">
              <RadioGroup name="nutrition_risk" legend={t('intake.assessment.nutritionRisk')} choices={RISKS.map((value) => ({ value, label: t(`intake.risk.${value}`) }))} />
              <RadioGroup name="fall_risk" legend={t('intake.assessment.fallRisk')} choices={RISKS.map((value) => ({ value, label: t(`intake.risk.${value}`) }))} />
            </FormSection>

            <FormSection heading={t('intake.assessment.otherHeading')} headingId="other-heading">
              <FieldGrid className={styles.checks}>
                <CheckboxField name="needs_24h_care" label={t('intake.assessment.needs24h')} />
                <CheckboxField name="has_dementia" label={t('intake.assessment.hasDementia')} />
                <CheckboxField name="is_palliative" label={t('intake.assessment.isPalliative')} />
                <CheckboxField name="relative_care_burden" label={t('intake.assessment.relativeCareBurden')} />
                <CheckboxField name="acute_need" label={t('intake.assessment.acuteNeed')} />
              </FieldGrid>
              <FieldGrid>
                <TextField name="expected_duration_months" label={labels.expected_duration_months} inputMode="numeric" />
                <TextField
                  name="assessed_hours_per_week"
                  label={labels.assessed_hours_per_week}
                  description={t('intake.assessment.assessedHoursDescription')}
                  inputMode="decimal"
                />
              </FieldGrid>
              <Fieldset>
                <Fieldset.Legend>{t('intake.assessment.bpaHoursLegend')}</Fieldset.Legend>
                <Fieldset.Description>{t('intake.assessment.bpaHoursDescription')}</Fieldset.Description>
                <FieldGrid>
                  <TextField name="two_helper_hours_per_week" label={labels.two_helper_hours_per_week} inputMode="decimal" />
                  <TextField name="night_hours_per_week" label={labels.night_hours_per_week} inputMode="decimal" />
                </FieldGrid>
                <CheckboxField name="night_need_continuous" label={t('intake.assessment.nightContinuous')} />
              </Fieldset>
              <TextField name="note" label={labels.note} multiline rows={3} />
            </FormSection>

            <FormSection
              heading={t('intake.assessment.diagnosesHeading')}
              headingId="diagnoses-heading"
              id={form.id('diagnoses')}
              description={t('intake.assessment.diagnosesDescription')}
            >
              <RepeatableList
                items={diagnoses.fields}
                keyOf={(item) => item.id}
                max={MAX_DIAGNOSES}
                addLabel={t('intake.assessment.addDiagnosis')}
                removeLabel={(index) => t('intake.assessment.removeDiagnosis', { number: index + 1 })}
                onAdd={() => diagnoses.append(emptyDiagnosis(), { shouldFocus: false })}
                onRemove={(index) => diagnoses.remove(index)}
                render={(_, index) => (
                  <Fieldset>
                    <Fieldset.Legend>{t('intake.assessment.diagnosis', { number: index + 1 })}</Fieldset.Legend>
                    <div className={styles.diagnosisGrid}>
                      <SelectField
                        name={`diagnoses.${index}.system`}
                        label={t('intake.assessment.diagnosisSystem')}
                        options={DIAGNOSIS_SYSTEMS.map((system) => ({ value: system, label: system }))}
                      />
                      <TextField
                        name={`diagnoses.${index}.code`}
                        label={t('intake.assessment.diagnosisCode')}
                        description={t('intake.assessment.diagnosisCodeDescription')}
                        autoComplete="off"
                        aria-required
                      />
                      <TextField name={`diagnoses.${index}.text`} label={t('intake.assessment.diagnosisText')} maxLength={DIAGNOSIS_TEXT_LIMIT} />
                    </div>
                  </Fieldset>
                )}
              />
            </FormSection>

            <SaveBar
              progress={assessmentProgress(form.watch(), variables)}
              status={autosave.status}
              savedAt={autosave.savedAt}
              pending={create.isPending}
              disabled={!variablesQuery.isSuccess}
              cancelTo={personPath(person.data.id)}
            />
          </FormLayout>
          </div>
        </FormKit>
      )}
    </PageLayout>
  );
}
