import { Button, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { PlusIcon } from '@navikt/aksel-icons';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';

import { Localized } from '@/components/localized/localized';
import { PageLayout } from '@/components/page-layout/page-layout';
import { usePageTitle } from '@/components/page-title/use-page-title';
import { Loading, ProblemAlert } from '@/components/query-state/query-state';
import { useSession } from '@/lib/auth';

import { useUnitName } from '../../api/get-units';
import { useSurveys } from '../../api/surveys';
import { canHandleDeviations } from '../../lib/permissions';
import { NEW_SURVEY_PATH, surveyPath } from '../../paths';
import { NoAccess } from '../no-access/no-access';
import { QualityNav } from '../quality-nav/quality-nav';

import styles from './surveys.module.css';

/** /avvik/undersokelser: the user and relatives' surveys the leader or quality lead sees, with a link to make one. */
export function SurveysPage() {
  const { t } = useTranslation();
  usePageTitle(t('quality.surveys.list.title'));
  const session = useSession();
  const surveys = useSurveys();
  const unitName = useUnitName();
  if (!session || !canHandleDeviations(session.user.roles)) return <NoAccess />;
  return (
    <PageLayout title={t('quality.surveys.list.title')} lead={t('quality.surveys.list.lead')}>
      <QualityNav />
      <div className={styles.toolbar}>
        <Button asChild>
          <RouterLink to={NEW_SURVEY_PATH}>
            <PlusIcon aria-hidden fontSize="1.5em" />
            {t('quality.surveys.list.new')}
          </RouterLink>
        </Button>
      </div>
      {surveys.isPending ? <Loading /> : null}
      {surveys.isError ? <ProblemAlert error={surveys.error} onRetry={() => void surveys.refetch()} /> : null}
      {surveys.isSuccess && surveys.data.length === 0 ? <Paragraph>{t('quality.surveys.list.empty')}</Paragraph> : null}
      {surveys.isSuccess && surveys.data.length > 0 ? (
        <div className={styles.scroll} role="region" aria-labelledby="surveys-caption" tabIndex={0}>
          <Table data-testid="surveys">
            <caption id="surveys-caption">{t('quality.surveys.list.caption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('quality.surveys.list.name')}</Table.HeaderCell>
                <Table.HeaderCell>{t('quality.surveys.list.for')}</Table.HeaderCell>
                <Table.HeaderCell>{t('quality.surveys.list.state')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {surveys.data.map((survey) => (
                <Table.Row key={survey.id}>
                  <Table.Cell>
                    <RouterLink to={surveyPath(survey.id)}>
                      <Localized text={survey.title} />
                    </RouterLink>
                  </Table.Cell>
                  <Table.Cell>{survey.unit ? unitName(survey.unit) : t('quality.surveys.list.serviceType', { code: survey.service_type ?? '' })}</Table.Cell>
                  <Table.Cell>
                    <Tag data-color={survey.is_open ? 'success' : 'neutral'} data-size="sm">
                      {survey.is_open ? t('quality.surveys.list.open') : t('quality.surveys.list.closed')}
                    </Tag>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      ) : null}
    </PageLayout>
  );
}
