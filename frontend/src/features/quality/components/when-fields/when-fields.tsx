import { Fieldset, Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';

import { DateField } from '@/components/date-field/date-field';
import { FieldMessage, useFormKit } from '@/components/form-kit/form-kit';

import styles from './when-fields.module.css';

/** A date (dd.mm.åååå, the shared date field) and a time (tt:mm) under one legend. */
export function WhenFields({ name, legend }: { name: 'occurred_at' | 'discovered_at'; legend: string }) {
  const { t } = useTranslation();
  const { form, message } = useFormKit();
  return (
    <Fieldset id={form.id(name)} className={styles.group}>
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      <div className={styles.row}>
        <DateField name={`${name}.date`} label={t('quality.report.date')} required />
        <Textfield
          {...form.register(`${name}.time`)}
          id={form.id(`${name}.time`)}
          label={t('quality.report.time')}
          description={t('quality.report.timeHint')}
          error={message(`${name}.time`)}
          inputMode="numeric"
          autoComplete="off"
          maxLength={5}
          aria-required
          className={styles.time}
        />
      </div>
      <FieldMessage name={name} />
    </Fieldset>
  );
}
