import { Fieldset, Heading, Paragraph, Radio, ValidationMessage } from '@digdir/designsystemet-react';
import { useController } from 'react-hook-form';
import { useTranslation } from 'react-i18next';

import { choiceClass, useFormKit } from '@/components/form-kit/form-kit';

import { CATEGORIES } from '../../api/types';

import styles from './category-choice.module.css';

/**
 * The category, one of ten; the samhandlingsavvik (with the hospital or GP) stands apart under its
 * own heading, since it is handled under the collaboration agreement and names the other party.
 */
export function CategoryChoice({ name }: { name: string }) {
  const { t } = useTranslation();
  const { form, message } = useFormKit();
  const { field } = useController({ name, control: form.control });
  const error = message(name);
  const radio = (value: (typeof CATEGORIES)[number], description?: string) => (
    <Radio
      key={value}
      name={name}
      value={value}
      label={t(`quality.category.${value}`)}
      description={description}
      checked={field.value === value}
      onChange={() => field.onChange(value)}
      onBlur={field.onBlur}
      className={choiceClass}
    />
  );
  return (
    <Fieldset id={form.id(name)} className={styles.group}>
      <Fieldset.Legend>{t('quality.report.category')}</Fieldset.Legend>
      <div className={styles.grid}>{CATEGORIES.filter((value) => value !== 'collaboration').map((value) => radio(value))}</div>
      <div className={styles.apart} data-testid="collaboration-choice">
        <Heading level={3} data-size="2xs">
          {t('quality.report.collaborationHeading')}
        </Heading>
        <Paragraph data-size="sm">{t('quality.report.collaborationIntro')}</Paragraph>
        {radio('collaboration', t('quality.report.collaborationDescription'))}
      </div>
      {error ? <ValidationMessage>{error}</ValidationMessage> : null}
    </Fieldset>
  );
}
