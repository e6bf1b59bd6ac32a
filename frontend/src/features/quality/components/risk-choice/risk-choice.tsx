import { Fieldset, Radio, ValidationMessage } from '@digdir/designsystemet-react';
import { useController } from 'react-hook-form';
import { useTranslation } from 'react-i18next';

import { choiceClass, useFormKit } from '@/components/form-kit/form-kit';
import { Localized } from '@/components/localized/localized';

import type { LevelText, Guidance } from '../../api/types';

import styles from './risk-choice.module.css';

type Props = {
  name: 'consequence' | 'probability';
  levels: readonly LevelText[];
  /** Consequence only: examples for the chosen category, by level («1», «3», «5»). */
  examples?: Guidance['examples'][string];
};

/** A grade from 1 to 5 as radios, each with the guidance's plain definition (and an example of the category where there is one). */
export function RiskChoice({ name, levels, examples }: Props) {
  const { t } = useTranslation();
  const { form, message } = useFormKit();
  const { field } = useController({ name, control: form.control });
  const error = message(name);
  return (
    <Fieldset id={form.id(name)} className={styles.group}>
      <Fieldset.Legend>{t(`quality.report.${name}`)}</Fieldset.Legend>
      <Fieldset.Description>{t(`quality.report.${name}Description`)}</Fieldset.Description>
      <div className={styles.levels}>
        {levels.map((level) => {
          const example = examples?.[String(level.level)];
          return (
            <Radio
              key={level.level}
              name={name}
              value={String(level.level)}
              label={
                <>
                  {level.level} – <Localized text={level.name} />
                </>
              }
              description={
                <>
                  <Localized text={level.definition} />
                  {example ? (
                    <span className={styles.example}>
                      {t('quality.report.example')} <Localized text={example} />
                    </span>
                  ) : null}
                </>
              }
              checked={field.value === String(level.level)}
              onChange={() => field.onChange(String(level.level))}
              onBlur={field.onBlur}
              className={`${choiceClass} ${styles.level}`}
            />
          );
        })}
      </div>
      {error ? <ValidationMessage>{error}</ValidationMessage> : null}
    </Fieldset>
  );
}
