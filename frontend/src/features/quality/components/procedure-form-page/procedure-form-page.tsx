import { Button } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { z } from 'zod';

import { DateField } from '@/components/date-field/date-field';
import { FieldGrid } from '@/components/field-grid/field-grid';
import { FormErrorSummary } from '@/components/form-error-summary/form-error-summary';
import { FormKit, SelectField, TextField } from '@/components/form-kit/form-kit';
import { FormLayout } from '@/components/form-section/form-section';
import { PageLayout } from '@/components/page-layout/page-layout';
import { usePageTitle } from '@/components/page-title/use-page-title';
import { Loading } from '@/components/query-state/query-state';
import { useSession } from '@/lib/auth';
import { osloToday } from '@/lib/dates';

import { useCreateProcedure } from '../../api/system';
import { canWorkWithQualitySystem, isQualityLead } from '../../lib/system-permissions';
import { PROCEDURES_PATH, procedurePath } from '../../paths';
import { NoAccess } from '../no-access/no-access';
import { versionBody, versionChecks, versionShape, type VersionValues } from '../quality-system/procedure-form';
import { filled, useSystemForm } from '../quality-system/system-form';
import { SystemProblem } from '../quality-system/system-problem';
import { useWorkUnits } from '../quality-system/unit-options';

type Values = VersionValues & { unit: string; title: string; owner: string };
const MUNICIPALITY = 'municipality';

const schema = z
  .object({
    unit: z.string().refine(filled, 'required'),
    title: z.string().refine(filled, 'required').max(200, 'tooLong'),
    owner: z.string().refine(filled, 'required').max(200, 'tooLong'),
    ...versionShape,
  })
  .superRefine(versionChecks);

const FIELDS = ['unit', 'title', 'owner', 'approved_by', 'valid_from', 'review_by', 'text', 'link'];

/** /kvalitet/prosedyrer/ny: publish a procedure as version 1, for a unit or (the quality lead) the whole municipality. */
export function ProcedureFormPage() {
  const { t } = useTranslation();
  usePageTitle(t('quality.system.procedures.newTitle'));
  const navigate = useNavigate();
  const session = useSession();
  const units = useWorkUnits();
  const create = useCreateProcedure();
  const labels = {
    unit: t('quality.system.common.unit'),
    title: t('quality.system.procedures.title'),
    owner: t('quality.system.procedures.owner'),
    approved_by: t('quality.system.procedures.approvedBy'),
    valid_from: t('quality.system.procedures.validFrom'),
    review_by: t('quality.system.procedures.reviewBy'),
    text: t('quality.system.procedures.text'),
    link: t('quality.system.procedures.link'),
  };
  const step = useSystemForm<Values>({
    form: 'procedure',
    schema,
    initial: () => ({
      unit: session?.user.units[0] ?? '',
      title: '',
      owner: session?.user.name ?? '',
      approved_by: '',
      valid_from: osloToday(),
      review_by: '',
      text: '',
      link: '',
    }),
    fields: () => FIELDS,
    labels,
  });
  if (!session || !canWorkWithQualitySystem(session.user.roles)) return <NoAccess />;
  const options = [...(isQualityLead(session.user.roles) ? [{ value: MUNICIPALITY, label: t('quality.system.common.wholeMunicipality') }] : []), ...(units ?? [])];
  const onSubmit = step.form.submitWith((values) => {
    step.setProblem(null);
    create.mutate(
      { unit: values.unit === MUNICIPALITY ? null : values.unit, title: values.title.trim(), owner: values.owner.trim(), ...versionBody(values) },
      { onError: step.onError, onSuccess: (procedure) => void navigate(procedurePath(procedure.id)) },
    );
  });
  return (
    <PageLayout
      back={{ to: PROCEDURES_PATH, label: t('quality.system.procedures.back') }}
      title={t('quality.system.procedures.newTitle')}
      titleId="procedure-form-title"
      lead={t('quality.system.procedures.newLead')}
    >
      <FormErrorSummary heading={t('quality.form.summaryHeading')} items={step.summary} attempt={step.form.attempt} />
      <FormKit form={step.form} message={step.message}>
        <FormLayout onSubmit={onSubmit} aria-labelledby="procedure-form-title">
          {units ? <SelectField name="unit" label={labels.unit} options={options} placeholder={t('quality.system.common.chooseUnit')} required /> : <Loading />}
          <TextField name="title" label={labels.title} maxLength={200} autoComplete="off" aria-required />
          <FieldGrid>
            <TextField name="owner" label={labels.owner} description={t('quality.system.procedures.ownerDescription')} maxLength={200} autoComplete="off" aria-required />
            <TextField name="approved_by" label={labels.approved_by} maxLength={200} autoComplete="off" aria-required />
            <DateField name="valid_from" label={labels.valid_from} required />
            <DateField name="review_by" label={labels.review_by} required />
          </FieldGrid>
          <TextField name="text" label={labels.text} multiline rows={8} maxLength={50000} />
          <TextField name="link" label={labels.link} description={t('quality.system.procedures.linkDescription')} type="url" maxLength={500} autoComplete="off" />
          {step.problem ? <SystemProblem error={step.problem} /> : null}
          <div>
            <Button type="submit" loading={create.isPending} disabled={create.isPending}>
              {t('quality.system.procedures.create')}
            </Button>
          </div>
        </FormLayout>
      </FormKit>
    </PageLayout>
  );
}
