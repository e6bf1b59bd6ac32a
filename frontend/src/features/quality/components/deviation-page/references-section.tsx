import { Button, Field, Label, Link, Select } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';

import { FormSection } from '@/components/form-section/form-section';
import { ProblemAlert } from '@/components/query-state/query-state';
import { SuccessMessage } from '@/components/success-message/success-message';
import { useSession } from '@/lib/auth';
import { isNotFound } from '@/lib/problem';

import { useDeviationReferences, useProcedures, useSetDeviationReferences, useUnitHazards, type DeviationReferencesRead } from '../../api/system';
import type { DeviationRead } from '../../api/types';
import { canWorkWithQualitySystem } from '../../lib/system-permissions';
import { procedurePath, rosPath } from '../../paths';
import styles from '../quality-system/quality-system.module.css';

import { DeviationLinks } from './deviation-links';

/** The handler's choice of the ROS hazard the deviation confirms and the procedure not followed. */
function ReferencesForm({ deviation, current }: { deviation: DeviationRead; current: DeviationReferencesRead }) {
  const { t } = useTranslation();
  const hazards = useUnitHazards(deviation.unit, true);
  const procedures = useProcedures({ reviewOverdue: false, q: '' });
  const save = useSetDeviationReferences();
  const [hazardId, setHazardId] = useState(current.hazard?.id ?? '');
  const [procedureId, setProcedureId] = useState(current.procedure_id ?? '');
  const applicable = (procedures.data ?? []).filter((p) => p.unit === null || p.unit === deviation.unit);
  return (
    <form
      className={styles.subform}
      aria-labelledby="references-form-heading"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate({ deviationId: deviation.id, body: { hazard_id: hazardId || null, procedure_id: procedureId || null } });
      }}
    >
      <h3 id="references-form-heading" className={styles.subheading}>
        {t('quality.system.references.save')}
      </h3>
      <Field>
        <Label htmlFor="references-hazard">{t('quality.system.references.hazard')}</Label>
        <Select id="references-hazard" value={hazardId} onChange={(event) => setHazardId(event.target.value)}>
          <Select.Option value="">{t('quality.system.references.none')}</Select.Option>
          {(hazards.data ?? []).map((hazard) => (
            <Select.Option key={hazard.id} value={hazard.id}>
              {hazard.description} ({hazard.analysis_title})
            </Select.Option>
          ))}
        </Select>
      </Field>
      <Field>
        <Label htmlFor="references-procedure">{t('quality.system.references.procedure')}</Label>
        <Select id="references-procedure" value={procedureId} onChange={(event) => setProcedureId(event.target.value)}>
          <Select.Option value="">{t('quality.system.references.none')}</Select.Option>
          {applicable.map((procedure) => (
            <Select.Option key={procedure.id} value={procedure.id}>
              {procedure.title}
            </Select.Option>
          ))}
        </Select>
      </Field>
      {hazards.isError ? <ProblemAlert error={hazards.error} /> : null}
      {save.isError ? (
        <div role="alert">
          <ProblemAlert error={save.error} />
        </div>
      ) : null}
      {save.isSuccess ? <SuccessMessage testId="references-saved">{t('quality.system.references.saved')}</SuccessMessage> : null}
      <div>
        <Button type="submit" variant="secondary" loading={save.isPending} disabled={save.isPending}>
          {t('quality.system.references.save')}
        </Button>
      </div>
    </form>
  );
}

/** Where the deviation meets the quality system: the ROS hazard it confirms and the procedure that was not followed. */
export function ReferencesSection({ deviation, handling }: { deviation: DeviationRead; handling: boolean }) {
  const { t } = useTranslation();
  const session = useSession();
  const references = useDeviationReferences(deviation.id);
  const links = session ? canWorkWithQualitySystem(session.user.roles) : false;
  if (references.isPending) return null;
  if (references.isError) {
    return (
      <>
        <DeviationLinks deviation={deviation} references={undefined} />
        {isNotFound(references.error) ? null : <ProblemAlert error={references.error} onRetry={() => void references.refetch()} />}
      </>
    );
  }
  const r = references.data;
  if (!handling && !r.hazard && !r.procedure_id) return <DeviationLinks deviation={deviation} references={r} />;
  return (
    <>
      <DeviationLinks deviation={deviation} references={r} />
      <FormSection heading={t('quality.system.references.heading')} headingId="references-heading">
        <dl className={styles.facts} data-testid="references">
          <div className={styles.fact}>
            <dt>{t('quality.system.references.hazard')}</dt>
            <dd>
              {r.hazard ? (
                links ? (
                  <Link asChild>
                    <RouterLink to={rosPath(r.hazard.analysis_id)}>{`${r.hazard.description} (${r.hazard.analysis_title})`}</RouterLink>
                  </Link>
                ) : (
                  `${r.hazard.description} (${r.hazard.analysis_title})`
                )
              ) : (
                t('quality.system.references.none')
              )}
            </dd>
          </div>
          <div className={styles.fact}>
            <dt>{t('quality.system.references.procedure')}</dt>
            <dd>
              {r.procedure_id && r.procedure_title ? (
                <Link asChild>
                  <RouterLink to={procedurePath(r.procedure_id)}>
                    {t('quality.system.references.procedureVersion', { title: r.procedure_title, number: r.procedure_version ?? 1 })}
                  </RouterLink>
                </Link>
              ) : (
                t('quality.system.references.none')
              )}
            </dd>
          </div>
        </dl>
        {handling ? <ReferencesForm key={`${r.hazard?.id ?? ''}-${r.procedure_id ?? ''}`} deviation={deviation} current={r} /> : null}
      </FormSection>
    </>
  );
}
