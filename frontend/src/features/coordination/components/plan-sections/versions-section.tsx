import { Field, Label, Select } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { FormSection } from '@/components/form-section/form-section';
import { Loading, ProblemAlert } from '@/components/query-state/query-state';
import { formatDateTime } from '@/lib/dates';
import { useLocalize } from '@/lib/i18n';

import { useCompare, useVersions } from '../../api/plans';
import type { PlanRead } from '../../api/types';

import { ChangesList } from './changes-list';
import styles from './plan-sections.module.css';

/** Every version of the plan, and what differs between any two. */
export function VersionsSection({ plan }: { plan: PlanRead }) {
  const { t } = useTranslation();
  const { language } = useLocalize();
  const versions = useVersions(plan.id);
  const [fromChoice, setFrom] = useState<number | null>(null);
  const [toChoice, setTo] = useState<number | null>(null);
  const from = fromChoice ?? Math.max(1, plan.version - 1);
  const to = toChoice ?? plan.version;
  const compare = useCompare(plan.id, from, to, from !== to && to <= plan.version);
  const numbers = (versions.data ?? []).map((v) => v.number);
  return (
    <FormSection heading={t('coordination.versions.heading')}>
      {versions.isPending ? <Loading /> : null}
      {versions.isError ? <ProblemAlert error={versions.error} /> : null}
      <ol className={styles.list} data-testid="versions">
        {versions.data?.map((version) => (
          <li key={version.number}>
            {t('coordination.versions.line', {
              number: version.number,
              when: formatDateTime(version.created_at, language),
              who: version.changed_by_name,
              note: version.note ?? '',
            })}
          </li>
        ))}
      </ol>
      {numbers.length > 1 ? (
        <div className={styles.row}>
          <Field>
            <Label>{t('coordination.versions.from')}</Label>
            <Select value={String(from)} onChange={(e) => setFrom(Number(e.target.value))}>
              {numbers.map((n) => (
                <Select.Option key={n} value={String(n)}>
                  {n}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <Field>
            <Label>{t('coordination.versions.to')}</Label>
            <Select value={String(to)} onChange={(e) => setTo(Number(e.target.value))}>
              {numbers.map((n) => (
                <Select.Option key={n} value={String(n)}>
                  {n}
                </Select.Option>
              ))}
            </Select>
          </Field>
        </div>
      ) : null}
      {compare.data ? <ChangesList comparison={compare.data} /> : null}
    </FormSection>
  );
}
