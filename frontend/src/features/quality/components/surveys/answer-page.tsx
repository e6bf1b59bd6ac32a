import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { z } from 'zod';

import { RadioGroup } from '@/components/choice-group/choice-group';
import { FormActions } from '@/components/form-actions/form-actions';
import { FormErrorSummary } from '@/components/form-error-summary/form-error-summary';
import { FormKit, TextField } from '@/components/form-kit/form-kit';
import { FormLayout } from '@/components/form-section/form-section';
import { Localized } from '@/components/localized/localized';
import { usePageTitle } from '@/components/page-title/use-page-title';
import { Loading, ProblemAlert } from '@/components/query-state/query-state';
import { pickLocalized, useLocalize } from '@/lib/i18n';
import { ApiProblem } from '@/lib/problem';
import { useApiForm } from '@/lib/use-api-form';

import { useAnswerSurvey, usePublicSurvey, type AnswerIn, type PublicSurvey } from '../../api/surveys';

import styles from './surveys.module.css';

const TEXT_MAX = 2000;
type Values = { responses: Record<string, string> };
type Question = PublicSurvey['questions'][number];

/** The check of one answer: required ones must be given, a text is at most 2000 characters. */
export function answerSchema(questions: readonly Question[]) {
  const shape: Record<string, z.ZodType<string, string>> = {};
  for (const question of questions) {
    let field = z.string();
    if (question.kind === 'text') field = field.max(TEXT_MAX, 'tooLong');
    shape[question.id] = question.required ? field.refine((value) => value.trim() !== '', 'required') : field;
  }
  return z.object({ responses: z.object(shape) }) as unknown as z.ZodType<Values, Values>;
}

/** The form's strings as the API takes them: 1–5, true/false, text; unanswered ones left out. */
export function toAnswer(questions: readonly Question[], values: Values, language: AnswerIn['language']): AnswerIn {
  const responses: AnswerIn['responses'] = {};
  for (const question of questions) {
    const raw = (values.responses[question.id] ?? '').trim();
    if (raw === '') continue;
    if (question.kind === 'scale') responses[question.id] = Number(raw);
    else if (question.kind === 'yes_no') responses[question.id] = raw === 'yes';
    else responses[question.id] = raw;
  }
  return { responses, language };
}

function AnswerForm({ survey, municipality, token, onDone }: { survey: PublicSurvey; municipality: string; token: string; onDone: () => void }) {
  const { t } = useTranslation();
  const { language } = useLocalize();
  const answer = useAnswerSurvey(municipality, token);
  const [problem, setProblem] = useState<unknown>(null);
  const questions = survey.questions;
  const form = useApiForm<Values>({
    form: 'answer',
    schema: answerSchema(questions),
    initial: { responses: Object.fromEntries(questions.map((q) => [q.id, ''])) },
    fields: () => questions.map((q) => `responses.${q.id}`),
  });
  const textOf = (question: Question) => pickLocalized(question.text, language).value;
  const message = (path: string): string | undefined => {
    const key = form.errorAt(path);
    if (!key) return undefined;
    const question = questions.find((q) => `responses.${q.id}` === path);
    const field = question ? textOf(question) : '';
    return t(`quality.surveys.answer.errors.${key === 'required' || key === 'tooLong' ? key : 'invalid'}`, { field });
  };
  const summary = form.orderedErrors().map(([path]) => ({ id: form.id(path), message: message(path) ?? '' }));
  const onSubmit = form.submitWith((values) => {
    setProblem(null);
    answer.mutate(toAnswer(questions, values, language), {
      onSuccess: onDone,
      onError: (error) => setProblem(form.showServerErrors(error, () => 'invalid') ? null : error),
    });
  });
  /** 1–5, the ends with what they mean («1 – Svært dårlig»), so the label says it all. */
  const scale = (question: Question) =>
    [1, 2, 3, 4, 5].map((value) => {
      const end = value === 1 ? question.low_label : value === 5 ? question.high_label : null;
      return { value: String(value), label: end ? `${value} – ${pickLocalized(end, language).value}` : String(value) };
    });
  return (
    <>
      <FormErrorSummary heading={t('quality.surveys.answer.summaryHeading')} items={summary} attempt={form.attempt} />
      <FormKit form={form} message={message}>
        <FormLayout onSubmit={onSubmit} aria-label={t('quality.surveys.answer.formLabel')} className={styles.answerForm}>
          {questions.map((question) =>
            question.kind === 'text' ? (
              <TextField
                key={question.id}
                name={`responses.${question.id}`}
                label={<Localized text={question.text} />}
                description={question.required ? t('quality.surveys.answer.required') : t('quality.surveys.answer.optional')}
                multiline
                rows={4}
                maxLength={TEXT_MAX}
                aria-required={question.required || undefined}
              />
            ) : (
              <RadioGroup
                key={question.id}
                name={`responses.${question.id}`}
                legend={<Localized text={question.text} />}
                description={question.required ? t('quality.surveys.answer.required') : t('quality.surveys.answer.optional')}
                choices={
                  question.kind === 'scale'
                    ? scale(question)
                    : [
                        { value: 'yes', label: t('quality.surveys.answer.yes') },
                        { value: 'no', label: t('quality.surveys.answer.no') },
                      ]
                }
              />
            ),
          )}
          {problem ? (
            <div role="alert">
              {problem instanceof ApiProblem && problem.status === 409 ? (
                <Alert data-color="warning">{t('quality.surveys.answer.used')}</Alert>
              ) : (
                <ProblemAlert error={problem} />
              )}
            </div>
          ) : null}
          <FormActions submit={t('quality.surveys.answer.send')} submitting={t('quality.surveys.answer.sending')} pending={answer.isPending} />
        </FormLayout>
      </FormKit>
    </>
  );
}

/** /svar/:municipality/:token: a user or relative answers a survey on a phone, without signing in; nothing says who answered. */
export function AnswerPage() {
  const { municipality = '', token = '' } = useParams();
  const { t } = useTranslation();
  const survey = usePublicSurvey(municipality, token);
  const [done, setDone] = useState(false);
  const thanks = useRef<HTMLHeadingElement>(null);
  usePageTitle(done ? t('quality.surveys.answer.thanksTitle') : t('quality.surveys.answer.pageTitle'));
  useEffect(() => {
    if (done) thanks.current?.focus();
  }, [done]);
  const closed = survey.error instanceof ApiProblem && survey.error.status === 409;
  const missing = survey.error instanceof ApiProblem && (survey.error.status === 404 || survey.error.status === 422);
  return (
    <div className={styles.answerPage}>
      {survey.isPending ? <Loading /> : null}
      {closed || missing ? (
        <>
          <Heading level={1} data-size="md">
            {t('quality.surveys.answer.pageTitle')}
          </Heading>
          <Paragraph data-testid="survey-unavailable">{closed ? t('quality.surveys.answer.closed') : t('quality.surveys.answer.notFound')}</Paragraph>
        </>
      ) : null}
      {survey.isError && !closed && !missing ? <ProblemAlert error={survey.error} onRetry={() => void survey.refetch()} /> : null}
      {done ? (
        <div data-testid="survey-thanks">
          <Heading level={1} data-size="md" ref={thanks} tabIndex={-1}>
            {t('quality.surveys.answer.thanksTitle')}
          </Heading>
          <Paragraph>{t('quality.surveys.answer.thanks')}</Paragraph>
        </div>
      ) : null}
      {survey.data && !done ? (
        <>
          <Heading level={1} data-size="md">
            <Localized text={survey.data.title} />
          </Heading>
          {survey.data.intro.nb || survey.data.intro.nn || survey.data.intro.en ? (
            <Paragraph>
              <Localized text={{ ...survey.data.intro, nb: survey.data.intro.nb || survey.data.intro.nn }} />
            </Paragraph>
          ) : null}
          <Paragraph data-size="sm">{t('quality.surveys.answer.anonymous')}</Paragraph>
          <AnswerForm survey={survey.data} municipality={municipality} token={token} onDone={() => setDone(true)} />
        </>
      ) : null}
    </div>
  );
}
