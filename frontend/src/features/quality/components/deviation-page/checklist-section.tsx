import { Checkbox, Fieldset } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';

import { choiceClass } from '@/components/form-kit/form-kit';
import { FormSection } from '@/components/form-section/form-section';
import { Localized } from '@/components/localized/localized';
import { formatDateTime } from '@/lib/dates';
import { useLocalize } from '@/lib/i18n';

import { useTickChecklist } from '../../api/deviation-steps';
import type { DeviationRead } from '../../api/types';

import styles from './deviation-page.module.css';
import { StepProblem } from './step-problem';

/** A serious event's checklist (varsel til Helsetilsynet «straks» and the rest); handlers tick, others read. */
export function ChecklistSection({ deviation }: { deviation: DeviationRead }) {
  const { t } = useTranslation();
  const { language } = useLocalize();
  const tick = useTickChecklist();
  const editable = deviation.may_handle;
  return (
    <FormSection heading={t('quality.serious.checklistHeading')} headingId="checklist-heading" variant="highlight">
      <Fieldset className={styles.checklist} data-testid="checklist" disabled={!editable || tick.isPending}>
        <Fieldset.Legend className={styles.hiddenLegend}>{t('quality.serious.checklistHeading')}</Fieldset.Legend>
        <Fieldset.Description>{t('quality.serious.checklistIntro')}</Fieldset.Description>
        {deviation.notification_checklist.map((item) => (
          <Checkbox
            key={item.code}
            className={choiceClass}
            label={<Localized text={item.text} />}
            description={
              <>
                {t('quality.serious.deadline', { deadline: item.deadline })} · {item.basis}
                {item.done_at ? (
                  <span className={styles.block}>
                    {t('quality.serious.doneBy', { name: item.done_by_name ?? '', at: formatDateTime(item.done_at, language) })}
                  </span>
                ) : null}
              </>
            }
            checked={Boolean(item.done_at)}
            onChange={(event) => tick.mutate({ id: deviation.id, version: deviation.version, code: item.code, body: { done: event.target.checked } })}
          />
        ))}
      </Fieldset>
      {tick.isError ? <StepProblem error={tick.error} /> : null}
    </FormSection>
  );
}
