import { useState } from 'react';
import { useFieldArray, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { z } from 'zod';

import { RadioGroup } from '@/components/choice-group/choice-group';
import { FieldGrid } from '@/components/field-grid/field-grid';
import { FormActions } from '@/components/form-actions/form-actions';
import { FormErrorSummary } from '@/components/form-error-summary/form-error-summary';
import { CheckboxField, FormKit, SelectField, TextField } from '@/components/form-kit/form-kit';
import { FormLayout, FormSection } from '@/components/form-section/form-section';
import { PageLayout } from '@/components/page-layout/page-layout';
import { usePageTitle } from '@/components/page-title/use-page-title';
import { ProblemAlert } from '@/components/query-state/query-state';
import { RepeatableList } from '@/components/repeatable-list/repeatable-list';
import { useSession } from '@/lib/auth';
import { useApiForm } from '@/lib/use-api-form';

import { useUnits } from '../../api/get-units';
import { QUESTION_KINDS, useCreateSurvey, useSurveyServiceTypes, type QuestionKind, type SurveyCreate } from '../../api/surveys';
import { canHandleDeviations } from '../../lib/permissions';
import { SURVEYS_PATH, surveyPath } from '../../paths';
import { NoAccess } from '../no-access/no-access';

type QuestionValues = { kind: QuestionKind; text_nb: string; text_nn: string; low_nb: string; high_nb: string; required: boolean };
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
          kind: z.enum(['scale', 'yes_no', 'text']),
          text_nb: z.string().refine(filled, 'required').max(500, 'tooLong'),
          text_nn: z.string().max(500, 'tooLong'),
          low_nb: z.string().max(500, 'tooLong'),
          high_nb: z.string().max(500, 'tooLong'),
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

const blank = (kind: QuestionKind = 'scale'): QuestionValues => ({ kind, text_nb: '', text_nn: '', low_nb: '', high_nb: '', required: false });

type StarterKey = 'safe' | 'respect' | 'time' | 'other' | 'low' | 'high';

/** A sensible start: safety and respect on a scale, enough time as yes/no, and a free text. */
function starter(text: (key: StarterKey) => { nb: string; nn: string }): QuestionValues[] {
  const low = text('low').nb;
  const high = text('high').nb;
  const question = (key: StarterKey, kind: QuestionKind, required = false): QuestionValues => ({
    kind,
    text_nb: text(key).nb,
    text_nn: text(key).nn,
    low_nb: kind === 'scale' ? low : '',
    high_nb: kind === 'scale' ? high : '',
    required,
  });
  return [question('safe', 'scale', true), question('respect', 'scale'), question('time', 'yes_no'), question('other', 'text')];
}

/** The API's body from the form's values: question ids q1, q2, … in the order shown. */
export function toSurveyCreate(values: SurveyValues): SurveyCreate {
  const text = (nb: string, nn: string) => ({ nb: nb.trim(), nn: nn.trim(), en: '' });
  return {
    ...(values.scope === 'unit' ? { unit: values.unit } : { service_type: values.service_type }),
    respondent: values.respondent,
    title: text(values.title_nb, values.title_nn),
    intro: text(values.intro_nb, values.intro_nn),
    questions: values.questions.map((q, index) => ({
      id: `q${index + 1}`,
      kind: q.kind,
      text: text(q.text_nb, q.text_nn),
      ...(q.kind === 'scale' && filled(q.low_nb) ? { low_label: text(q.low_nb, '') } : {}),
      ...(q.kind === 'scale' && filled(q.high_nb) ? { high_label: text(q.high_nb, '') } : {}),
      required: q.required,
    })),
  };
}

/** /avvik/undersokelser/ny: a survey for a unit or a service type, its texts in bokmål and nynorsk, and its questions. */
export function SurveyFormPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('quality.surveys.form.title'));
  const session = useSession();
  const navigate = useNavigate();
  const units = useUnits();
  const serviceTypes = useSurveyServiceTypes();
  const create = useCreateSurvey();
  const [problem, setProblem] = useState<unknown>(null);
  const ownUnits = session?.user.roles.includes('kvalitetsleder') ? null : new Set(session?.user.units ?? []);
  const form = useApiForm<SurveyValues>({
    form: 'survey',
    schema: surveySchema,
    initial: () => ({
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
    create.mutate(toSurveyCreate(values), {
      onSuccess: (survey) => void navigate(surveyPath(survey.id)),
      onError: (error) => setProblem(form.showServerErrors(error, () => 'invalid') ? null : error),
    });
  });
  const unitOptions = (units.data ?? []).filter((unit) => ownUnits === null || ownUnits.has(unit.code)).map((unit) => ({ value: unit.code, label: unit.name }));
  const serviceOptions = (serviceTypes.data ?? []).map((service) => ({ value: service.code, label: service.name.nb }));
  return (
    <PageLayout title={t('quality.surveys.form.title')} titleId="survey-form-title" lead={t('quality.surveys.form.lead')} back={{ to: SURVEYS_PATH, label: t('quality.surveys.form.back') }}>
      <FormErrorSummary heading={t('quality.form.summaryHeading')} items={summary} attempt={form.attempt} />
      <FormKit form={form} message={message}>
        <FormLayout onSubmit={onSubmit} aria-labelledby="survey-form-title">
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
            submit={t('quality.surveys.form.save')}
            submitting={t('quality.surveys.form.saving')}
            pending={create.isPending}
            cancel={{ to: SURVEYS_PATH, label: t('quality.surveys.form.cancel') }}
          />
        </FormLayout>
      </FormKit>
    </PageLayout>
  );
}
