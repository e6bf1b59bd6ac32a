import { Checkbox, Fieldset, Heading, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

import { Localized } from '@/components/localized/localized';
import { useLocalize } from '@/lib/i18n';

import type { CareLevelGroup } from '../../api/get-service-types';

import styles from './service-picker.module.css';

type Props = {
  id: string;
  groups: CareLevelGroup[];
  selected: readonly string[];
  notes: Record<string, string>;
  error?: string;
  onToggle: (code: string, checked: boolean) => void;
  onNote: (code: string, note: string) => void;
};

/**
 * The services asked for: checkboxes grouped by step on the staircase, lowest first, so the
 * lower levels are in view before the higher ones. A ticked service gets a field for a note.
 */
export function ServicePicker({ id, groups, selected, notes, error, onToggle, onNote }: Props) {
  const { t } = useTranslation();
  const { localize, locale } = useLocalize();
  const prefix = useId();
  const errorId = `${prefix}-error`;

  return (
    <Fieldset id={id} className={styles.picker} data-testid="service-picker">
      <Fieldset.Legend>
        <Heading level={2} data-size="sm">
          {t('intake.applicationForm.services')}
        </Heading>
      </Fieldset.Legend>
      <Fieldset.Description>{t('intake.applicationForm.servicesDescription')}</Fieldset.Description>
      {/* Not a direct child of the fieldset: Designsystemet would link it to the checkboxes only
          once, when they mount; here each checkbox names it itself, for as long as it shows. */}
      <div aria-live="polite">{error ? <ValidationMessage id={errorId}>{error}</ValidationMessage> : null}</div>
      {groups.map((group) => {
        const headingId = `${prefix}-level-${group.rank}`;
        const services = [...group.services].sort((a, b) => localize(a.name).localeCompare(localize(b.name), locale));
        return (
          <div key={group.rank} role="group" aria-labelledby={headingId} className={styles.level}>
            <Heading level={3} data-size="2xs" id={headingId} className={styles.levelHeading}>
              {t('intake.applicationForm.level', { rank: group.rank, name: localize(group.name) })}
            </Heading>
            <ul className={styles.services}>
              {services.map((service) => {
                const checked = selected.includes(service.code);
                return (
                  <li key={service.code} className={styles.service}>
                    <Checkbox
                      id={`${id}-${service.code}`}
                      value={service.code}
                      label={<Localized text={service.name} />}
                      checked={checked}
                      onChange={(event) => onToggle(service.code, event.target.checked)}
                      aria-invalid={error ? true : undefined}
                      aria-describedby={error ? errorId : undefined}
                      className={styles.checkbox}
                    />
                    {checked ? (
                      <Textfield
                        label={t('intake.applicationForm.note', { service: localize(service.name) })}
                        value={notes[service.code] ?? ''}
                        onChange={(event) => onNote(service.code, event.target.value)}
                        className={styles.note}
                        data-size="sm"
                      />
                    ) : null}
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
    </Fieldset>
  );
}
