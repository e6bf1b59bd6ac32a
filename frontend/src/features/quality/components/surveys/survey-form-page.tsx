import { useState } from 'react';
import { useFieldArray, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { z } from 'zod';

import { RadioGroup } from '@/components/choice-group/choice-group';
import { FieldGrid } from '@/components/field-grid/field-grid';
import { FormActions } from '@/components/form-actions/form-actions';
import { FormErrorSummary } from '@/components/form-error-summary/form-error-summary';
import { CheckboxField, FormKit, SelectField, TextField } from '@/components/form-kit/form-kit';
import { FormLayout, FormSection } from '@/components/form-section/form-section';
import { PageLayout } from '@/components/page-layout/page-layout';
import { usePageTitle } from '@/components/page-title/use-page-title';
import { Loading, ProblemAlert } from '@/components/query-state/query-state';
import { RepeatableList } from '@/components/repeatable-list/repeatable-list';
import { useSession } from '@/lib/auth';
import { useApiForm } from '@/lib/use-api-form';

import { useUnits } from '../../api/get-units';
import { QUESTION_KINDS, useCreateSurvey, useReviseSurvey, useSurvey, useSurveyServiceTypes, type QuestionKind, type SurveyContent, type SurveyCreate, type SurveyRead } from '../../api/surveys';
import { canHandleDeviations } from '../../lib/permissions';
import { SURVEYS_PATH, surveyPath } from '../../paths';
import { NoAccess } from '../no-access/no-access';

type QuestionValues = { qid: string; kind: QuestionKind; text_nb: string; text_nn: string; low_nb: string; low_nn: string; high_nb: string; high_nn: string; required: boolean };
export type SurveyValues = {
  scope: 'unit' | 'service_type';
  unit: string;
  service_type: string;
  respondent: 'users' | 'relatives' | 'both';
  title_nb: string;
  title_nn: string;
  intro_nb: string;
  intro_nn: string;
  questions: QuestionValues[];
};

const filled = (value: string) => value.trim() !== '';

export const surveySchema = z
  .object({
    scope: z.enum(['unit', 'service_type']),
    unit: z.string(),
    service_type: z.string(),
    respondent: z.enum(['users', 'relatives', 'both']),
    title_nb: z.string().refine(filled, 'required').max(500, 'tooLong'),
    title_nn: z.string().max(500, 'tooLong'),
    intro_nb: z.string().max(3000, 'tooLong'),
    intro_nn: z.string().max(3000, 'tooLong'),
    questions: z
      .array(
        z.object({
          qid: z.string(),
          kind: z.enum(['scale', 'yes_no', 'text']),
          text_nb: z.string().refine(filled, 'required').max(500, 'tooLong'),
          text_nn: z.string().max(500, 'tooLong'),
          low_nb: z.string().max(500, 'tooLong'),
          low_nn: z.string().max(500, 'tooLong'),
          high_nb: z.string().max(500, 'tooLong'),
          high_nn: z.string().max(500, 'tooLong'),
          required: z.boolean(),
        }),
      )
      .min(1, 'required')
      .max(40, 'tooLong'),
  })
  .superRefine((values, ctx) => {
    if (values.scope === 'unit' && !filled(values.unit)) ctx.addIssue({ code: 'custom', path: ['unit'], message: 'required' });
    if (values.scope === 'service_type' && !filled(values.service_type)) ctx.addIssue({ code: 'custom', path: ['service_type'], message: 'required' });
  }) as unknown as z.ZodType<SurveyValues, SurveyValues>;

const blank = (kind: QuestionKind = 'scale'): QuestionValues => ({ qid: '', kind, text_nb: '', text_nn: '', low_nb: '', low_nn: '', high_nb: '', high_nn: '', required: false });

type StarterKey = 'safe' | 'respect' | 'time' | 'other' | 'low' | 'high';

/** A sensible start: safety and respect on a scale, enough time as yes/no, and a free text. */
function starter(text: (key: StarterKey) => { nb: string; nn: string }): QuestionValues[] {
  const low = text('low').nb;
  const high = text('high').nb;
  const question = (key: StarterKey, kind: QuestionKind, required = false): QuestionValues => ({
    qid: '',
    kind,
    text_nb: text(key).nb,
    text_nn: text(key).nn,
    low_nb: kind === 'scale' ? low : '',
    low_nn: '',
    high_nb: kind === 'scale' ? high : '',
    high_nn: '',
    required,
  });
  return [question('safe', 'scale', true), question('respect', 'scale'), question('time', 'yes_no'), question('other', 'text')];
}

/** Question ids: a question kept from the version before keeps its id (its answers compare across versions); a new one gets the next free `qN`. */
export function questionIds(questions: readonly { qid: string }[]): string[] {
  const taken = new Set(questions.map((q) => q.qid).filter(Boolean));
  let next = 1;
  return questions.map((q) => {
    if (q.qid) return q.qid;
    while (taken.has(`q${next}`)) next += 1;
    taken.add(`q${next}`);
    return `q${next}`;
  });
}

/** The texts and questions of the form, as the API takes them. */
export function toSurveyContent(values: SurveyValues): SurveyContent {
  const text = (nb: string, nn: string) => ({ nb: nb.trim(), nn: nn.trim(), en: '' });
  const ids = questionIds(values.questions);
  return {
    title: text(values.title_nb, values.title_nn),
    intro: text(values.intro_nb, values.intro_nn),
    questions: values.questions.map((q, index) => ({
      id: ids[index] ?? `q${index + 1}`,
      kind: q.kind,
      text: text(q.text_nb, q.text_nn),
      ...(q.kind === 'scale' && filled(q.low_nb) ? { low_label: text(q.low_nb, q.low_nn) } : {}),
      ...(q.kind === 'scale' && filled(q.high_nb) ? { high_label: text(q.high_nb, q.high_nn) } : {}),
      required: q.required,
    })),
  };
}

/** The API's body from the form's values: question ids q1, q2, … in the order shown. */
export function toSurveyCreate(values: SurveyValues): SurveyCreate {
  return {
    ...(values.scope === 'unit' ? { unit: values.unit } : { service_type: values.service_type }),
    respondent: values.respondent,
    ...toSurveyContent(values),
  };
}

/** The form's values from a survey's version in force, for a revision. */
export function valuesOf(survey: SurveyRead): SurveyValues {
  const c = survey.current;
  return {
    scope: survey.unit ? 'unit' : 'service_type',
    unit: survey.unit ?? '',
    service_type: survey.service_type ?? '',
    respondent: survey.respondent,
    title_nb: c.title.nb,
    title_nn: c.title.nn ?? '',
    intro_nb: c.intro.nb,
    intro_nn: c.intro.nn ?? '',
    questions: c.questions.map((q) => ({
      qid: q.id,
      kind: q.kind,
      text_nb: q.text.nb,
      text_nn: q.text.nn ?? '',
      low_nb: q.low_label?.nb ?? '',
      low_nn: q.low_label?.nn ?? '',
      high_nb: q.high_label?.nb ?? '',
      high_nn: q.high_label?.nn ?? '',
      required: q.required ?? false,
    })),
  };
}

/**
 * /avvik/undersokelser/ny: a survey for a unit or a service type, its texts in bokmål and nynorsk, and its questions.
 * With `survey` (/avvik/undersokelser/:id/endre): its texts and questions revised, with If-Match; once anyone has
 * answered, the API keeps the revision as a new version and the earlier answers stay with theirs.
 */
export function SurveyFormPage({ survey }: { survey?: SurveyRead } = {}) {
  const { t, i18n } = useTranslation();
  const editing = survey !== undefined;
  const pageTitle = editing ? t('quality.surveys.form.editTitle') : t('quality.surveys.form.title');
  usePageTitle(pageTitle);
  const session = useSession();
  const navigate = useNavigate();
  const units = useUnits();
  const serviceTypes = useSurveyServiceTypes();
  const create = useCreateSurvey();
  const revise = useReviseSurvey();
  const [problem, setProblem] = useState<unknown>(null);
  const ownUnits = session?.user.roles.includes('kvalitetsleder') ? null : new Set(session?.user.units ?? []);
  const form = useApiForm<SurveyValues>({
    form: 'survey',
    schema: surveySchema,
    initial: () => survey ? valuesOf(survey) : ({
      scope: 'unit',
      unit: session?.user.units[0] ?? '',
      service_type: '',
      respondent: 'both',
      title_nb: '',
      title_nn: '',
      intro_nb: '',
      intro_nn: '',
      questions: starter((key) => ({
        nb: i18n.getFixedT('nb')(`quality.surveys.form.starter.${key}`),
        nn: i18n.getFixedT('nn')(`quality.surveys.form.starter.${key}`),
      })),
    }),
    fields: (values) => [
      'scope',
      'unit',
      'service_type',
      'respondent',
      'title_nb',
      'title_nn',
      'intro_nb',
      'intro_nn',
      ...values.questions.flatMap((_, i) => [`questions.${i}.kind`, `questions.${i}.text_nb`, `questions.${i}.text_nn`, `questions.${i}.low_nb`, `questions.${i}.high_nb`]),
    ],
  });
  const questions = useFieldArray({ control: form.control, name: 'questions' });
  const scope = useWatch({ control: form.control, name: 'scope' });
  const kinds = useWatch({ control: form.control, name: 'questions' });
  const labels: Record<string, string> = {
    unit: t('quality.surveys.form.unit'),
    service_type: t('quality.surveys.form.serviceType'),
    title_nb: t('quality.surveys.form.titleNb'),
    title_nn: t('quality.surveys.form.titleNn'),
    intro_nb: t('quality.surveys.form.introNb'),
    intro_nn: t('quality.surveys.form.introNn'),
  };
  const labelOf = (path: string) => {
    const match = /^questions\.(\d+)\./.exec(path);
    if (match) return t('quality.surveys.form.questionN', { n: Number(match[1]) + 1 });
    return labels[path] ?? path;
  };
  const message = (path: string) => {
    const key = form.errorAt(path);
    if (!key) return undefined;
    return t(`quality.surveys.form.errors.${key === 'required' || key === 'tooLong' ? key : 'invalid'}`, { field: labelOf(path) });
  };
  const summary = form.orderedErrors().map(([path]) => ({ id: form.id(path), message: message(path) ?? '' }));
  if (!session || !canHandleDeviations(session.user.roles)) return <NoAccess />;

  const onSubmit = form.submitWith((values) => {
    setProblem(null);
    const callbacks = {
      onSuccess: (saved: SurveyRead) => void navigate(surveyPath(saved.id)),
      onError: (error: unknown) => setProblem(form.showServerErrors(error, () => 'invalid') ? null : error),
    };
    if (survey) revise.mutate({ id: survey.id, version: survey.version, body: toSurveyContent(values) }, callbacks);
    else create.mutate(toSurveyCreate(values), callbacks);
  });
  const back = survey ? { to: surveyPath(survey.id), label: t('quality.surveys.form.backToSurvey') } : { to: SURVEYS_PATH, label: t('quality.surveys.form.back') };
  const unitOptions = (units.data ?? []).filter((unit) => ownUnits === null || ownUnits.has(unit.code)).map((unit) => ({ value: unit.code, label: unit.name }));
  const serviceOptions = (serviceTypes.data ?? []).map((service) => ({ value: service.code, label: service.name.nb }));
  return (
    <PageLayout
      title={pageTitle}
      titleId="survey-form-title"
      lead={survey ? t(survey.current.has_answers ? 'quality.surveys.form.editLeadAnswered' : 'quality.surveys.form.editLead', { n: survey.current_version + 1 }) : t('quality.surveys.form.lead')}
      back={back}
    >
      <FormErrorSummary heading={t('quality.form.summaryHeading')} items={summary} attempt={form.attempt} />
      <FormKit form={form} message={message}>
        <FormLayout onSubmit={onSubmit} aria-labelledby="survey-form-title">
          {editing ? null : (
            <FormSection heading={t('quality.surveys.form.whoHeading')} headingId="survey-who">
              {ownUnits === null ? (
                <RadioGroup
                  name="scope"
                  legend={t('quality.surveys.form.scope')}
                  choices={[
                    { value: 'unit', label: t('quality.surveys.form.scopeUnit') },
                    { value: 'service_type', label: t('quality.surveys.form.scopeService') },
                  ]}
                />
              ) : null}
              {scope === 'unit' ? (
                <SelectField name="unit" label={t('quality.surveys.form.unit')} options={unitOptions} placeholder={t('quality.surveys.form.choose')} required />
              ) : (
                <SelectField name="service_type" label={t('quality.surveys.form.serviceType')} options={serviceOptions} placeholder={t('quality.surveys.form.choose')} required />
              )}
              <RadioGroup
                name="respondent"
                legend={t('quality.surveys.form.respondent')}
                choices={[
                  { value: 'users', label: t('quality.surveys.respondent.users') },
                  { value: 'relatives', label: t('quality.surveys.respondent.relatives') },
                  { value: 'both', label: t('quality.surveys.respondent.both') },
                ]}
              />
            </FormSection>
          )}
          <FormSection heading={t('quality.surveys.form.textsHeading')} headingId="survey-texts">
            <FieldGrid>
              <TextField name="title_nb" label={t('quality.surveys.form.titleNb')} maxLength={500} aria-required />
              <TextField name="title_nn" label={t('quality.surveys.form.titleNn')} maxLength={500} lang="nn" />
            </FieldGrid>
            <TextField name="intro_nb" label={t('quality.surveys.form.introNb')} description={t('quality.surveys.form.introHelp')} multiline rows={3} maxLength={3000} />
            <TextField name="intro_nn" label={t('quality.surveys.form.introNn')} multiline rows={3} maxLength={3000} lang="nn" />
          </FormSection>
          <FormSection heading={t('quality.surveys.form.questionsHeading')} headingId="survey-questions">
            <RepeatableList
              items={questions.fields}
              keyOf={(item) => item.id}
              framed
              min={1}
              max={40}
              addLabel={t('quality.surveys.form.addQuestion')}
              removeLabel={(index) => t('quality.surveys.form.removeQuestion', { n: index + 1 })}
              onAdd={() => questions.append(blank())}
              onRemove={(index) => questions.remove(index)}
              render={(_, index) => (
                <fieldset className="ds-fieldset" aria-label={t('quality.surveys.form.questionN', { n: index + 1 })}>
                  <SelectField
                    name={`questions.${index}.kind`}
                    label={t('quality.surveys.form.kind', { n: index + 1 })}
                    options={QUESTION_KINDS.map((kind) => ({ value: kind, label: t(`quality.surveys.kind.${kind}`) }))}
                  />
                  <FieldGrid>
                    <TextField name={`questions.${index}.text_nb`} label={t('quality.surveys.form.textNb', { n: index + 1 })} maxLength={500} aria-required />
                    <TextField name={`questions.${index}.text_nn`} label={t('quality.surveys.form.textNn', { n: index + 1 })} maxLength={500} lang="nn" />
                  </FieldGrid>
                  {kinds[index]?.kind === 'scale' ? (
                    <FieldGrid>
                      <TextField name={`questions.${index}.low_nb`} label={t('quality.surveys.form.low', { n: index + 1 })} maxLength={500} />
                      <TextField name={`questions.${index}.high_nb`} label={t('quality.surveys.form.high', { n: index + 1 })} maxLength={500} />
                    </FieldGrid>
                  ) : null}
                  <CheckboxField name={`questions.${index}.required`} label={t('quality.surveys.form.required')} />
                </fieldset>
              )}
            />
          </FormSection>
          {problem ? (
            <div role="alert">
              <ProblemAlert error={problem} />
            </div>
          ) : null}
          <FormActions
            submit={editing ? t('quality.surveys.form.saveRevision') : t('quality.surveys.form.save')}
            submitting={t('quality.surveys.form.saving')}
            pending={create.isPending || revise.isPending}
            cancel={{ to: back.to, label: t('quality.surveys.form.cancel') }}
          />
        </FormLayout>
      </FormKit>
    </PageLayout>
  );
}

/** /avvik/undersokelser/:id/endre: the survey's texts and questions, revised. */
export function SurveyEditPage() {
  const { id = '' } = useParams();
  const session = useSession();
  const survey = useSurvey(id);
  if (!session || !canHandleDeviations(session.user.roles)) return <NoAccess />;
  if (survey.isPending) return <Loading />;
  if (survey.isError) return <ProblemAlert error={survey.error} onRetry={() => void survey.refetch()} />;
  if (!survey.data.may_manage) return <NoAccess />;
  return <SurveyFormPage key={survey.data.version} survey={survey.data} />;
}
