import { ValidationMessage } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';

import styles from './score-choice.module.css';

type Props = {
  /** The fieldset's id (the error summary links here). */
  id: string;
  name: string;
  label: string;
  scale: readonly number[];
  value: number | undefined;
  error?: string;
  onChange: (score: number) => void;
};

/** One functional variable as a row of large segments (radio buttons), 1–5 and 9, for one-handed use on a tablet. */
export function ScoreChoice({ id, name, label, scale, value, error, onChange }: Props) {
  const { t } = useTranslation();
  const errorId = `${id}-error`;
  return (
    <fieldset id={id} className={styles.fieldset} aria-invalid={error ? true : undefined} aria-describedby={error ? errorId : undefined}>
      <legend className={styles.legend}>{label}</legend>
      <div className={styles.segments}>
        {scale.map((score) => {
          const inputId = `${id}-${score}`;
          const meaning = t(`intake.assessment.scale.${String(score) as '1'}`);
          return (
            <span key={score} className={score === 9 ? `${styles.segment} ${styles.notRelevant}` : styles.segment}>
              <input
                type="radio"
                id={inputId}
                name={name}
                value={score}
                checked={value === score}
                onChange={() => onChange(score)}
                className={styles.input}
                data-score={score}
              />
              <label htmlFor={inputId} className={styles.label} title={meaning}>
                <span aria-hidden="true">{score}</span>
                <span className={styles.visuallyHidden}>{t('intake.assessment.scoreLabel', { score, meaning })}</span>
              </label>
            </span>
          );
        })}
      </div>
      {error ? (
        <ValidationMessage id={errorId} data-size="sm">
          {error}
        </ValidationMessage>
      ) : null}
    </fieldset>
  );
}
