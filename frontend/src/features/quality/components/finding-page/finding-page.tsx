import { Button, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { z } from 'zod';

import { FormErrorSummary } from '@/components/form-error-summary/form-error-summary';
import { FormKit, TextField } from '@/components/form-kit/form-kit';
import { FormLayout, FormSection } from '@/components/form-section/form-section';
import { PageLayout } from '@/components/page-layout/page-layout';
import { usePageTitle } from '@/components/page-title/use-page-title';
import { useSession } from '@/lib/auth';
import { formatShortDate } from '@/lib/dates';
import { useLocalize } from '@/lib/i18n';

import { useUnitName } from '../../api/get-units';
import { useAddFindingMeasure, useCloseFinding, useFinding, type FindingRead } from '../../api/system';
import { canWorkWithQualitySystem } from '../../lib/system-permissions';
import { SUPERVISION_PATH } from '../../paths';
import { NoAccess } from '../no-access/no-access';
import { QualityNav } from '../quality-nav/quality-nav';
import { Fact, MeasureForm, MeasuresTable } from '../quality-system/measures';
import styles from '../quality-system/quality-system.module.css';
import { RecordState, StatusTags } from '../quality-system/record-state';
import { filled, useSystemForm } from '../quality-system/system-form';
import { SystemProblem } from '../quality-system/system-problem';

type CloseValues = { closing_note: string };
const closeSchema = z.object({ closing_note: z.string().refine(filled, 'required').max(5000, 'tooLong') });

/** Close the finding with how it was followed up; the API refuses while a measure is still open. */
function CloseForm({ finding }: { finding: FindingRead }) {
  const { t } = useTranslation();
  const close = useCloseFinding();
  const step = useSystemForm<CloseValues>({
    form: 'finding-close',
    schema: closeSchema,
    initial: { closing_note: '' },
    fields: () => ['closing_note'],
    labels: { closing_note: t('quality.system.supervision.closingNote') },
  });
  const onSubmit = step.form.submitWith((values) => {
    step.setProblem(null);
    close.mutate({ id: finding.id, version: finding.version, closingNote: values.closing_note.trim() }, { onError: step.onError });
  });
  const open = finding.measures.filter((m) => m.status === 'planned' || m.status === 'in_progress').length;
  const done = finding.measures.some((m) => m.status === 'done');
  return (
    <FormSection heading={t('quality.system.supervision.closeHeading')} headingId="finding-close-heading">
      <Paragraph data-size="sm">{open > 0 || !done ? t('quality.system.supervision.closeWhen') : t('quality.system.supervision.closeReady')}</Paragraph>
      <FormErrorSummary heading={t('quality.form.summaryHeading')} items={step.summary} attempt={step.form.attempt} />
      <FormKit form={step.form} message={step.message}>
        <FormLayout onSubmit={onSubmit} aria-labelledby="finding-close-heading">
          <TextField name="closing_note" label={t('quality.system.supervision.closingNote')} multiline rows={3} maxLength={5000} aria-required />
          {step.problem ? <SystemProblem error={step.problem} /> : null}
          <div>
            <Button type="submit" loading={close.isPending} disabled={close.isPending}>
              {t('quality.system.supervision.close')}
            </Button>
          </div>
        </FormLayout>
      </FormKit>
    </FormSection>
  );
}

/** /kvalitet/tilsyn/:id: the finding, its deadline, the measures that follow it up (status, overdue) and closing it. */
export function FindingPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { language } = useLocalize();
  const session = useSession();
  const finding = useFinding(id);
  const addMeasure = useAddFindingMeasure();
  const unitName = useUnitName();
  usePageTitle(finding.data?.title ?? t('quality.system.supervision.listTitle'));
  if (!session || !canWorkWithQualitySystem(session.user.roles)) return <NoAccess />;
  const back = { to: SUPERVISION_PATH, label: t('quality.system.supervision.back') };
  if (finding.isPending || finding.isError) return <RecordState query={finding} back={back} title={t('quality.system.supervision.listTitle')} />;
  const f = finding.data;
  const isOpen = f.status === 'open';
  return (
    <PageLayout
      back={back}
      title={f.title}
      lead={`${t(`quality.system.authority.${f.authority}`)} · ${f.unit ? unitName(f.unit) : t('quality.system.common.wholeMunicipality')}`}
      intro={<StatusTags status={t(`quality.system.findingStatus.${f.status}`)} done={!isOpen} overdue={f.is_overdue} testId="finding-status" />}
    >
      <QualityNav />
      <FormSection heading={t('quality.system.supervision.factsHeading')} headingId="finding-facts-heading">
        <dl className={styles.facts}>
          <Fact term={t('quality.system.supervision.kind')}>{t(`quality.system.findingKind.${f.kind}`)}</Fact>
          {f.case_reference ? <Fact term={t('quality.system.supervision.caseReference')}>{f.case_reference}</Fact> : null}
          <Fact term={t('quality.system.supervision.receivedOn')}>{formatShortDate(f.received_on, language)}</Fact>
          <Fact term={t('quality.system.supervision.deadline')}>{formatShortDate(f.deadline, language)}</Fact>
          <Fact term={t('quality.system.supervision.description')}>
            <span className={styles.preWrap}>{f.description}</span>
          </Fact>
          {f.closed_on ? (
            <Fact term={t('quality.system.supervision.closingNote')}>
              {t('quality.system.supervision.closedOn', { date: formatShortDate(f.closed_on, language) })}: <span className={styles.preWrap}>{f.closing_note}</span>
            </Fact>
          ) : null}
        </dl>
      </FormSection>
      <FormSection heading={t('quality.system.measures.heading')} headingId="finding-measures-heading">
        <MeasuresTable measures={f.measures} editable={f.may_edit && isOpen} testId="finding-measures" />
        {f.may_edit && isOpen ? (
          <MeasureForm
            formId="finding-measure"
            heading={t('quality.system.measures.addHeading')}
            pending={addMeasure.isPending}
            onSave={(body, callbacks) => addMeasure.mutate({ findingId: f.id, body }, callbacks)}
          />
        ) : null}
      </FormSection>
      {f.may_edit && isOpen ? <CloseForm key={f.version} finding={f} /> : null}
    </PageLayout>
  );
}
