import { Button, Link, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate } from 'react-router';
import { z } from 'zod';

import { DateField } from '@/components/date-field/date-field';
import { FieldGrid } from '@/components/field-grid/field-grid';
import { FormErrorSummary } from '@/components/form-error-summary/form-error-summary';
import { FormKit, SelectField, TextField } from '@/components/form-kit/form-kit';
import { FormLayout, FormSection } from '@/components/form-section/form-section';
import { PageLayout } from '@/components/page-layout/page-layout';
import { usePageTitle } from '@/components/page-title/use-page-title';
import { Loading, ProblemAlert } from '@/components/query-state/query-state';
import { visuallyHidden } from '@/components/visually-hidden/visually-hidden';
import { useSession } from '@/lib/auth';
import { formatShortDate, isIsoDate, osloToday } from '@/lib/dates';
import { useLocalize } from '@/lib/i18n';

import { useUnitName } from '../../api/get-units';
import { useCreateRos, useRosList } from '../../api/system';
import { canWorkWithQualitySystem } from '../../lib/system-permissions';
import { rosPath } from '../../paths';
import { NoAccess } from '../no-access/no-access';
import { QualityNav } from '../quality-nav/quality-nav';
import styles from '../quality-system/quality-system.module.css';
import { filled, useSystemForm } from '../quality-system/system-form';
import { SystemProblem } from '../quality-system/system-problem';
import { useWorkUnits } from '../quality-system/unit-options';

type Values = { unit: string; title: string; scope: string; analysed_on: string; participants: string };

export const participantsOf = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

function rosSchema(today: string) {
  return z.object({
    unit: z.string().refine(filled, 'required'),
    title: z.string().refine(filled, 'required').max(200, 'tooLong'),
    scope: z.string().refine(filled, 'required').max(5000, 'tooLong'),
    analysed_on: z
      .string()
      .refine(filled, 'required')
      .refine((value) => !filled(value) || isIsoDate(value), 'date')
      .refine((value) => !isIsoDate(value) || value <= today, 'future'),
    participants: z.string().refine((value) => participantsOf(value).length > 0, 'participants'),
  });
}

/** A new ROS analysis (a draft) for one of the caller's units; opens it when saved. */
function NewRosForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useSession();
  const units = useWorkUnits();
  const create = useCreateRos();
  const labels = {
    unit: t('quality.system.common.unit'),
    title: t('quality.system.ros.title'),
    scope: t('quality.system.ros.scope'),
    analysed_on: t('quality.system.ros.analysedOn'),
    participants: t('quality.system.ros.participants'),
  };
  const step = useSystemForm<Values>({
    form: 'ros',
    schema: rosSchema(osloToday()),
    initial: () => ({ unit: session?.user.units[0] ?? '', title: '', scope: '', analysed_on: osloToday(), participants: session?.user.name ?? '' }),
    fields: () => ['unit', 'title', 'scope', 'analysed_on', 'participants'],
    labels,
  });
  const onSubmit = step.form.submitWith((values) => {
    step.setProblem(null);
    create.mutate(
      { unit: values.unit, title: values.title.trim(), scope: values.scope.trim(), analysed_on: values.analysed_on, participants: participantsOf(values.participants) },
      { onError: step.onError, onSuccess: (analysis) => void navigate(rosPath(analysis.id)) },
    );
  });
  return (
    <FormSection heading={t('quality.system.ros.newHeading')} headingId="new-ros-heading">
      <FormErrorSummary heading={t('quality.form.summaryHeading')} items={step.summary} attempt={step.form.attempt} />
      <FormKit form={step.form} message={step.message}>
        <FormLayout onSubmit={onSubmit} aria-labelledby="new-ros-heading">
          {units ? <SelectField name="unit" label={labels.unit} options={units} placeholder={t('quality.system.common.chooseUnit')} required /> : <Loading />}
          <TextField name="title" label={labels.title} maxLength={200} autoComplete="off" aria-required />
          <TextField name="scope" label={labels.scope} description={t('quality.system.ros.scopeDescription')} multiline rows={3} maxLength={5000} aria-required />
          <FieldGrid>
            <DateField name="analysed_on" label={labels.analysed_on} required />
            <TextField name="participants" label={labels.participants} description={t('quality.system.ros.participantsDescription')} multiline rows={3} aria-required />
          </FieldGrid>
          {step.problem ? <SystemProblem error={step.problem} /> : null}
          <div>
            <Button type="submit" loading={create.isPending} disabled={create.isPending}>
              {t('quality.system.ros.create')}
            </Button>
          </div>
        </FormLayout>
      </FormKit>
    </FormSection>
  );
}

/** /kvalitet/ros: the ROS analyses of the leader's units (all for the quality lead), and a new one. */
export function RosListPage() {
  const { t } = useTranslation();
  const { language } = useLocalize();
  usePageTitle(t('quality.system.ros.listTitle'));
  const session = useSession();
  const list = useRosList();
  const unitName = useUnitName();
  if (!session || !canWorkWithQualitySystem(session.user.roles)) return <NoAccess />;
  return (
    <PageLayout title={t('quality.system.ros.listTitle')} lead={t('quality.system.ros.listLead')} wide>
      <QualityNav />
      {list.isPending ? <Loading /> : null}
      {list.isError ? <ProblemAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.isSuccess && list.data.length === 0 ? <Paragraph>{t('quality.system.ros.empty')}</Paragraph> : null}
      {list.isSuccess && list.data.length > 0 ? (
        <div className={styles.scroll} role="region" aria-labelledby="ros-caption" tabIndex={0}>
          <Table data-testid="ros-list" className={styles.table}>
            <caption id="ros-caption" className={visuallyHidden}>
              {t('quality.system.ros.caption')}
            </caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('quality.system.ros.title')}</Table.HeaderCell>
                <Table.HeaderCell>{t('quality.system.common.unit')}</Table.HeaderCell>
                <Table.HeaderCell>{t('quality.system.ros.analysedOn')}</Table.HeaderCell>
                <Table.HeaderCell>{t('quality.system.ros.status')}</Table.HeaderCell>
                <Table.HeaderCell>{t('quality.system.ros.hazards')}</Table.HeaderCell>
                <Table.HeaderCell>{t('quality.system.ros.highRisks')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {list.data.map((analysis) => (
                <Table.Row key={analysis.id}>
                  <Table.Cell className={styles.wrapText}>
                    <Link asChild>
                      <RouterLink to={rosPath(analysis.id)}>{analysis.title}</RouterLink>
                    </Link>
                  </Table.Cell>
                  <Table.Cell>{unitName(analysis.unit)}</Table.Cell>
                  <Table.Cell>{formatShortDate(analysis.analysed_on, language)}</Table.Cell>
                  <Table.Cell>
                    <Tag data-color={analysis.status === 'approved' ? 'success' : 'neutral'} data-size="sm">
                      {t(`quality.system.rosStatus.${analysis.status}`)}
                    </Tag>
                  </Table.Cell>
                  <Table.Cell>{analysis.hazards}</Table.Cell>
                  <Table.Cell>
                    <span className={styles.inline}>
                      {analysis.high_risks}
                      {analysis.without_measure > 0 ? (
                        <Tag data-color="warning" data-size="sm">
                          {t('quality.system.ros.withoutMeasure', { count: analysis.without_measure })}
                        </Tag>
                      ) : null}
                      {analysis.overdue_measures > 0 ? (
                        <Tag data-color="danger" data-size="sm">
                          {t('quality.system.ros.overdueMeasures', { count: analysis.overdue_measures })}
                        </Tag>
                      ) : null}
                    </span>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      ) : null}
      <NewRosForm />
    </PageLayout>
  );
}
