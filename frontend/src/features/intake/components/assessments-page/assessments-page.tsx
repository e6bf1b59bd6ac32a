import { Card, Details, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';

import { PageLayout } from '@/components/page-layout/page-layout';
import { usePageTitle } from '@/components/page-title/use-page-title';
import { Loading, ProblemAlert } from '@/components/query-state/query-state';
import { useSession } from '@/lib/auth';
import { formatDate } from '@/lib/dates';
import { localeOf, pickLocalized, useLocalize } from '@/lib/i18n';

import { useApplicationAssessments } from '../../api/get-assessments';
import { useFunctionalVariables } from '../../api/get-functional-variables';
import { usePerson } from '../../api/get-person';
import type { AssessmentRead } from '../../api/types';
import { canReadPersons } from '../../lib/permissions';
import { personPath } from '../../paths';
import { NoAccess } from '../no-access/no-access';

import styles from './assessments-page.module.css';

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function SavedAssessment({ assessment, open }: { assessment: AssessmentRead; open: boolean }) {
  const { t } = useTranslation();
  const { language } = useLocalize();
  const variables = useFunctionalVariables();
  const number = (value: number | null | undefined) =>
    value === null || value === undefined ? '–' : new Intl.NumberFormat(localeOf(language), { maximumFractionDigits: 2 }).format(value);
  const derived = assessment.derived;
  const hours = assessment.facts['assessed_hours_per_week'] as number | undefined;
  const nameOf = (code: string) => {
    const variable = variables.data?.find((item) => item.code === code);
    return variable ? pickLocalized(variable.name, language).value : code;
  };
  return (
    <Card className={styles.card} data-testid="saved-assessment">
      <Heading level={2} data-size="xs">
        {t('intake.assessments.heading', { date: formatDate(assessment.assessed_on, language), name: assessment.assessed_by_name })}
      </Heading>
      <dl className={styles.facts}>
        <Fact term={t('intake.assessment.needLevel')}>{derived.need_level ? t(`intake.needLevel.${derived.need_level}`) : '–'}</Fact>
        <Fact term={t('intake.assessments.derivedHow')}>
          {t('intake.assessments.derivation', {
            mean: number(derived.overall_mean),
            moderate: number(derived.moderate_from),
            extensive: number(derived.extensive_from),
          })}{' '}
          <span className={styles.subtle}>{derived.rule}</span>
        </Fact>
        <Fact term={t('intake.assessment.place')}>{t(`intake.place.${assessment.place}`)}</Fact>
        {hours !== undefined ? <Fact term={t('intake.assessment.assessedHours')}>{number(hours)}</Fact> : null}
      </dl>
      <Heading level={3} data-size="2xs">
        {t('intake.assessment.whatMattersHeading')}
      </Heading>
      <ol className={styles.goals}>
        {assessment.what_matters.map((goal) => (
          <li key={goal.priority}>{goal.text}</li>
        ))}
      </ol>
      <Details defaultOpen={open}>
        <Details.Summary>{t('intake.assessments.scores')}</Details.Summary>
        <Details.Content>
          <dl className={styles.scores}>
            {Object.entries(assessment.scores).map(([code, score]) => (
              <Fact key={code} term={nameOf(code)}>
                {score}
              </Fact>
            ))}
          </dl>
          {assessment.note ? <Paragraph>{assessment.note}</Paragraph> : null}
        </Details.Content>
      </Details>
    </Card>
  );
}

/** /personer/:id/soknad/:applicationId/kartlegginger: the saved assessments of an application, newest first, opened again. */
export function AssessmentsPage() {
  const { id = '', applicationId = '' } = useParams();
  const { t } = useTranslation();
  usePageTitle(t('intake.assessments.title'));
  const session = useSession();
  const person = usePerson(id);
  const assessments = useApplicationAssessments(applicationId);
  if (!session || !canReadPersons(session.user.roles)) return <NoAccess reason="read" />;
  if (person.isPending) return <Loading />;
  const name = person.data ? t('intake.personName', { given: person.data.given_name, family: person.data.family_name }) : '';
  const newestFirst = [...(assessments.data ?? [])].reverse();
  return (
    <PageLayout title={t('intake.assessments.title')} lead={name} back={{ to: personPath(id), label: t('intake.assessment.back', { name }) }}>
      {person.isError ? <ProblemAlert error={person.error} /> : null}
      {assessments.isPending ? <Loading /> : null}
      {assessments.isError ? <ProblemAlert error={assessments.error} onRetry={() => void assessments.refetch()} /> : null}
      {assessments.isSuccess && newestFirst.length === 0 ? <Paragraph>{t('intake.assessments.none')}</Paragraph> : null}
      <ul className={styles.list}>
        {newestFirst.map((assessment, index) => (
          <li key={assessment.id}>
            <SavedAssessment assessment={assessment} open={index === 0} />
          </li>
        ))}
      </ul>
    </PageLayout>
  );
}
