import { Alert, Button, Field, Heading, Label, Link, Paragraph, Select, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { DownloadIcon } from '@navikt/aksel-icons';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';

import { DateInput } from '@/components/date-field/date-field';
import { Localized } from '@/components/localized/localized';
import { PageLayout } from '@/components/page-layout/page-layout';
import { usePageTitle } from '@/components/page-title/use-page-title';
import { Loading, ProblemAlert } from '@/components/query-state/query-state';
import { useSession } from '@/lib/auth';
import { formatShortDate, isIsoDate, osloToday } from '@/lib/dates';
import { localeOf, pickLocalized, useLocalize } from '@/lib/i18n';

import { useUnitName, useUnits } from '../../api/get-units';
import {
  exportSurveyResultsCsv,
  useCreateSurveyLink,
  useIssueSurveyTokens,
  useRouteFeedback,
  useSetSurveyOpen,
  useSurvey,
  useSurveyResults,
  type QuestionResult,
  type ResultsFilter,
  type SurveyRead,
} from '../../api/surveys';
import { CATEGORIES, type DeviationCategory } from '../../api/types';
import { canHandleDeviations } from '../../lib/permissions';
import { deviationPath, surveyEditPath, SURVEYS_PATH } from '../../paths';
import { NoAccess } from '../no-access/no-access';

import { SurveyQr } from './survey-qr';
import styles from './surveys.module.css';

/** The first day of the month eleven months back: a year of whole months to today. */
function yearBack(today: string): string {
  const [year, month] = today.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, month - 1 - 11, 1)).toISOString().slice(0, 10);
}

function LinksSection({ survey }: { survey: SurveyRead }) {
  const { t } = useTranslation();
  const session = useSession();
  const units = useUnits();
  const unitName = useUnitName();
  const createLink = useCreateSurveyLink(survey.id);
  const tokens = useIssueSurveyTokens(survey.id);
  const ownUnits = session?.user.roles.includes('kvalitetsleder') ? null : new Set(session?.user.units ?? []);
  const choices = survey.unit ? [survey.unit] : (units.data ?? []).map((unit) => unit.code).filter((code) => ownUnits === null || ownUnits.has(code));
  const [unit, setUnit] = useState(survey.unit ?? '');
  const [count, setCount] = useState('20');
  const chosen = unit || choices[0] || '';
  const origin = typeof location === 'undefined' ? '' : location.origin;
  return (
    <section aria-labelledby="links-heading" className={styles.section}>
      <Heading level={2} data-size="sm" id="links-heading">
        {t('quality.surveys.links.heading')}
      </Heading>
      <Paragraph data-size="sm">{t('quality.surveys.links.lead')}</Paragraph>
      {survey.links.length === 0 ? <Paragraph data-size="sm">{t('quality.surveys.links.none')}</Paragraph> : null}
      <ul className={styles.list} data-testid="survey-links">
        {survey.links.map((link) => (
          <li key={link.id}>
            <strong>{unitName(link.unit)}</strong>
            {link.is_active ? null : (
              <Tag data-color="neutral" data-size="sm">
                {t('quality.surveys.links.inactive')}
              </Tag>
            )}
            <br />
            <Link href={`${origin}${link.path}`} className={styles.link} data-testid="survey-link" target="_blank" rel="noopener">
              {`${origin}${link.path}`}
            </Link>
            {link.is_active ? <SurveyQr url={`${origin}${link.path}`} unitName={unitName(link.unit)} fileName={`qr-${link.unit}.svg`} /> : null}
          </li>
        ))}
      </ul>
      <div className={styles.toolbar}>
        {survey.unit ? null : (
          <Field>
            <Label htmlFor="link-unit">{t('quality.surveys.links.unit')}</Label>
            <Select id="link-unit" value={chosen} onChange={(event) => setUnit(event.target.value)}>
              {choices.map((code) => (
                <Select.Option key={code} value={code}>
                  {unitName(code)}
                </Select.Option>
              ))}
            </Select>
          </Field>
        )}
        <Button variant="secondary" onClick={() => createLink.mutate(chosen)} loading={createLink.isPending} disabled={!chosen || createLink.isPending} data-testid="make-link">
          {t('quality.surveys.links.make')}
        </Button>
      </div>
      {createLink.isError ? <ProblemAlert error={createLink.error} /> : null}
      <form
        className={styles.toolbar}
        onSubmit={(event) => {
          event.preventDefault();
          tokens.mutate({ unit: chosen, count: Math.min(500, Math.max(1, Number(count) || 1)) });
        }}
        aria-labelledby="codes-heading"
      >
        <Heading level={3} data-size="xs" id="codes-heading" className={styles.full}>
          {t('quality.surveys.codes.heading')}
        </Heading>
        <Textfield label={t('quality.surveys.codes.count')} type="number" min={1} max={500} value={count} onChange={(event) => setCount(event.target.value)} inputMode="numeric" />
        <Button type="submit" variant="secondary" loading={tokens.isPending} disabled={!chosen || tokens.isPending}>
          {t('quality.surveys.codes.make')}
        </Button>
      </form>
      {tokens.isError ? <ProblemAlert error={tokens.error} /> : null}
      {tokens.data ? (
        <Alert data-color="info">
          <Paragraph>{t('quality.surveys.codes.shownOnce', { count: tokens.data.tokens.length })}</Paragraph>
          <ul className={styles.list} data-testid="survey-codes">
            {tokens.data.paths.map((path) => (
              <li key={path} className={styles.link}>{`${origin}${path}`}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
    </section>
  );
}

function FeedbackForm({ surveyId, answerId, questionId }: { surveyId: string; answerId: string; questionId: string }) {
  const { t } = useTranslation();
  const route = useRouteFeedback(surveyId);
  const [category, setCategory] = useState<DeviationCategory>('service_not_delivered');
  const [consequence, setConsequence] = useState('2');
  const [probability, setProbability] = useState('2');
  const id = `fb-${answerId}-${questionId}`;
  if (route.data) {
    return (
      <Paragraph data-size="sm" role="status">
        <RouterLink to={deviationPath(route.data.deviation_id)}>{t('quality.surveys.feedback.made')}</RouterLink>
      </Paragraph>
    );
  }
  const grades = ['1', '2', '3', '4', '5'];
  return (
    <form
      className={styles.toolbar}
      aria-label={t('quality.surveys.feedback.formLabel')}
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        route.mutate({ answerId, body: { question_id: questionId, category, consequence: Number(consequence), probability: Number(probability) } });
      }}
    >
      <Field>
        <Label htmlFor={`${id}-category`}>{t('quality.report.category')}</Label>
        <Select id={`${id}-category`} value={category} onChange={(event) => setCategory(event.target.value as DeviationCategory)}>
          {CATEGORIES.filter((value) => value !== 'collaboration').map((value) => (
            <Select.Option key={value} value={value}>
              {t(`quality.category.${value}`)}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <Field>
        <Label htmlFor={`${id}-consequence`}>{t('quality.surveys.feedback.consequence')}</Label>
        <Select id={`${id}-consequence`} value={consequence} onChange={(event) => setConsequence(event.target.value)}>
          {grades.map((g) => (
            <Select.Option key={g} value={g}>
              {g}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <Field>
        <Label htmlFor={`${id}-probability`}>{t('quality.surveys.feedback.probability')}</Label>
        <Select id={`${id}-probability`} value={probability} onChange={(event) => setProbability(event.target.value)}>
          {grades.map((g) => (
            <Select.Option key={g} value={g}>
              {g}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <Button type="submit" variant="secondary" data-size="sm" loading={route.isPending} disabled={route.isPending}>
        {t('quality.surveys.feedback.send')}
      </Button>
      {route.isError ? <ProblemAlert error={route.error} /> : null}
    </form>
  );
}

function QuestionResultView({ surveyId, result, mayRoute }: { surveyId: string; result: QuestionResult; mayRoute: boolean }) {
  const { t } = useTranslation();
  const { language } = useLocalize();
  const [open, setOpen] = useState<string | null>(null);
  const headingId = `result-${result.id}`;
  const number = (value: number) => value.toLocaleString(localeOf(language), { maximumFractionDigits: 2 });
  return (
    <section aria-labelledby={headingId} data-testid={`result-${result.id}`}>
      <Heading level={3} data-size="xs" id={headingId}>
        <Localized text={result.text} />
      </Heading>
      <Paragraph data-size="sm">{t('quality.surveys.results.answeredBy', { count: result.n })}</Paragraph>
      {result.suppressed ? <Paragraph data-size="sm">{t('quality.surveys.results.questionSuppressed')}</Paragraph> : null}
      {!result.suppressed && result.kind !== 'text' ? (
        <div className={styles.scroll} role="region" aria-labelledby={headingId} tabIndex={0}>
          <Table data-size="sm">
            <caption className="ds-sr-only">{pickLocalized(result.text, language).value}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('quality.surveys.results.answer')}</Table.HeaderCell>
                <Table.HeaderCell className={styles.number}>{t('quality.surveys.results.count')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {Object.entries(result.distribution).map(([value, count]) => (
                <Table.Row key={value}>
                  <Table.HeaderCell scope="row">{value === 'yes' ? t('quality.surveys.answer.yes') : value === 'no' ? t('quality.surveys.answer.no') : value}</Table.HeaderCell>
                  <Table.Cell className={styles.number}>{count}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      ) : null}
      {result.mean !== null && result.mean !== undefined ? (
        <Paragraph data-testid={`mean-${result.id}`}>{t('quality.surveys.results.mean', { mean: number(result.mean) })}</Paragraph>
      ) : null}
      {!result.suppressed && result.kind === 'text' ? (
        <ul className={styles.texts}>
          {result.texts.map((text) => {
            const key = `${text.answer_id}-${text.question_id}`;
            return (
              <li key={key} className={styles.text}>
                <Paragraph data-size="sm">{text.text}</Paragraph>
                <Paragraph data-size="xs">{formatShortDate(text.answered_on, language)}</Paragraph>
                {text.deviation_id ? (
                  <RouterLink to={deviationPath(text.deviation_id)}>{t('quality.surveys.feedback.made')}</RouterLink>
                ) : mayRoute ? (
                  open === key ? (
                    <FeedbackForm surveyId={surveyId} answerId={text.answer_id} questionId={text.question_id} />
                  ) : (
                    <Button variant="tertiary" data-size="sm" onClick={() => setOpen(key)}>
                      {t('quality.surveys.feedback.open')}
                    </Button>
                  )
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}

function ResultsSection({ survey }: { survey: SurveyRead }) {
  const { t } = useTranslation();
  const { language } = useLocalize();
  const unitName = useUnitName();
  const today = osloToday();
  const [draft, setDraft] = useState({ first: yearBack(today), last: today, unit: '' });
  const [filter, setFilter] = useState<ResultsFilter>({ first: yearBack(today), last: today });
  const [errors, setErrors] = useState<{ first?: string; last?: string }>({});
  const [exportProblem, setExportProblem] = useState<unknown>(null);
  const results = useSurveyResults(survey.id, filter);
  const units = survey.unit ? [survey.unit] : [...new Set(survey.links.map((link) => link.unit))];

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const next: typeof errors = {};
    if (!isIsoDate(draft.first)) next.first = t('quality.surveys.results.badDate');
    if (!isIsoDate(draft.last)) next.last = t('quality.surveys.results.badDate');
    else if (isIsoDate(draft.first) && draft.last < draft.first) next.last = t('quality.stats.lastBeforeFirst');
    setErrors(next);
    if (next.first || next.last) return;
    setFilter({ first: draft.first, last: draft.last, ...(draft.unit ? { unit: draft.unit } : {}) });
  };
  const download = async () => {
    setExportProblem(null);
    try {
      const blob = await exportSurveyResultsCsv(survey.id, filter);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `undersokelse-${filter.first}-${filter.last}.csv`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (error) {
      setExportProblem(error);
    }
  };
  const data = results.data;
  return (
    <section aria-labelledby="results-heading" className={styles.section}>
      <Heading level={2} data-size="sm" id="results-heading">
        {t('quality.surveys.results.heading')}
      </Heading>
      <form onSubmit={apply} noValidate className={styles.toolbar} aria-labelledby="results-heading">
        <DateInput id="results-first" label={t('quality.stats.first')} value={draft.first} onChange={(first) => setDraft((d) => ({ ...d, first }))} error={errors.first} />
        <DateInput id="results-last" label={t('quality.stats.last')} value={draft.last} onChange={(last) => setDraft((d) => ({ ...d, last }))} error={errors.last} />
        {units.length > 1 ? (
          <Field>
            <Label htmlFor="results-unit">{t('quality.report.unit')}</Label>
            <Select id="results-unit" value={draft.unit} onChange={(event) => setDraft((d) => ({ ...d, unit: event.target.value }))}>
              <Select.Option value="">{t('quality.stats.allUnits')}</Select.Option>
              {units.map((code) => (
                <Select.Option key={code} value={code}>
                  {unitName(code)}
                </Select.Option>
              ))}
            </Select>
          </Field>
        ) : null}
        <Button type="submit">{t('quality.surveys.results.show')}</Button>
        <Button type="button" variant="secondary" onClick={() => void download()} data-testid="export-survey-csv">
          <DownloadIcon aria-hidden fontSize="1.5em" />
          {t('quality.surveys.results.export')}
        </Button>
      </form>
      {exportProblem ? (
        <div role="alert">
          <ProblemAlert error={exportProblem} />
        </div>
      ) : null}
      {results.isPending ? <Loading /> : null}
      {results.isError ? <ProblemAlert error={results.error} onRetry={() => void results.refetch()} /> : null}
      {data ? (
        <div aria-busy={results.isFetching || undefined} className={styles.results}>
          <Paragraph data-testid="results-period">
            {t('quality.stats.period', { first: formatShortDate(data.first, language), last: formatShortDate(data.last, language) })}
          </Paragraph>
          <dl className={styles.kpis}>
            <div>
              <dt>{t('quality.surveys.results.answers')}</dt>
              <dd data-testid="results-n">{data.n}</dd>
            </div>
            {data.by_unit.map((row) => (
              <div key={row.unit}>
                <dt>{unitName(row.unit)}</dt>
                <dd>{row.n}</dd>
              </div>
            ))}
          </dl>
          {data.suppressed ? (
            <Alert data-color="info" data-testid="results-suppressed">
              {t('quality.surveys.results.suppressed', { min: data.min_group })}
            </Alert>
          ) : null}
          {data.questions.map((question) => (
            <QuestionResultView key={question.id} surveyId={survey.id} result={question} mayRoute={!data.suppressed} />
          ))}
        </div>
      ) : null}
    </section>
  );
}

/** /avvik/undersokelser/:id: the survey's questions, its links and codes, and its results with the numbers behind them. */
export function SurveyPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const session = useSession();
  const survey = useSurvey(id);
  const unitName = useUnitName();
  const setOpen = useSetSurveyOpen();
  const { language } = useLocalize();
  usePageTitle(survey.data ? pickLocalized(survey.data.title, language).value : t('quality.surveys.list.title'));
  if (!session || !canHandleDeviations(session.user.roles)) return <NoAccess />;
  if (survey.isPending) return <Loading />;
  if (survey.isError) return <ProblemAlert error={survey.error} onRetry={() => void survey.refetch()} />;
  const data = survey.data;
  return (
    <PageLayout
      back={{ to: SURVEYS_PATH, label: t('quality.surveys.form.back') }}
      title={<Localized text={data.title} />}
      lead={data.unit ? unitName(data.unit) : t('quality.surveys.list.serviceType', { code: data.service_type ?? '' })}
      intro={
        <div className={styles.toolbar}>
          <Tag data-color={data.is_open ? 'success' : 'neutral'} data-testid="survey-state">
            {data.is_open ? t('quality.surveys.list.open') : t('quality.surveys.list.closed')}
          </Tag>
          <Tag data-color="info">{t(`quality.surveys.respondent.${data.respondent}`)}</Tag>
          <Tag data-color="neutral">{t('quality.surveys.versionN', { n: data.current_version })}</Tag>
          {data.may_manage ? (
            <Button variant="tertiary" data-size="sm" onClick={() => setOpen.mutate({ id: data.id, version: data.version, isOpen: !data.is_open })} loading={setOpen.isPending}>
              {data.is_open ? t('quality.surveys.close') : t('quality.surveys.reopen')}
            </Button>
          ) : null}
        </div>
      }
    >
      {setOpen.isError ? <ProblemAlert error={setOpen.error} /> : null}
      <section aria-labelledby="questions-heading">
        <Heading level={2} data-size="sm" id="questions-heading">
          {t('quality.surveys.questions')}
        </Heading>
        <ol>
          {data.current.questions.map((question) => (
            <li key={question.id}>
              <Localized text={question.text} /> <span>({t(`quality.surveys.kind.${question.kind}`)})</span>
            </li>
          ))}
        </ol>
        {data.may_manage ? (
          <Link asChild>
            <RouterLink to={surveyEditPath(data.id)} data-testid="edit-survey">
              {t('quality.surveys.edit')}
            </RouterLink>
          </Link>
        ) : null}
      </section>
      <LinksSection survey={data} />
      <ResultsSection survey={data} />
    </PageLayout>
  );
}
