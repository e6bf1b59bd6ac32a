import { Button, Field, Fieldset, Heading, Label, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { TrashIcon } from '@navikt/aksel-icons';
import { useTranslation } from 'react-i18next';

import { DateInput } from '@/components/date-field/date-field';

import { REPRESENTATIVE_KINDS } from '../../api/types';
import type { PersonForm } from '../person-form-page/use-person-form';

import styles from './representative-fields.module.css';

type Props = {
  form: PersonForm;
  index: number;
  message: (path: string) => string | undefined;
  onRemove: () => void;
};

/** A guardian (verge) or a power of attorney (fremtidsfullmakt): who, what it covers, and for how long. */
export function RepresentativeFields({ form, index, message, onRemove }: Props) {
  const { t } = useTranslation();
  const number = index + 1;
  const path = (field: string) => `representatives.${index}.${field}`;
  const kindError = message(path('kind'));

  return (
    <Fieldset className={styles.group} data-testid={`representative-${number}`}>
      <Fieldset.Legend className={styles.legend}>
        <Heading level={3} data-size="xs">
          {t('intake.personForm.representative.legend', { number })}
        </Heading>
      </Fieldset.Legend>
      <Field className={styles.kind}>
        <Label>{t('intake.personForm.representative.kind')}</Label>
        <Field.Description>
          {REPRESENTATIVE_KINDS.map((kind) => (
            <span key={kind} className={styles.kindDescription}>
              {t(`intake.representativeKind.${kind}`)}: {t(`intake.representativeKindDescription.${kind}`)}
            </span>
          ))}
        </Field.Description>
        <Select {...form.text(path('kind'))} aria-required>
          <Select.Option value="" disabled>
            {t('intake.form.choose')}
          </Select.Option>
          {REPRESENTATIVE_KINDS.map((kind) => (
            <Select.Option key={kind} value={kind}>
              {t(`intake.representativeKind.${kind}`)}
            </Select.Option>
          ))}
        </Select>
        {kindError ? <ValidationMessage>{kindError}</ValidationMessage> : null}
      </Field>
      <div className={styles.grid}>
        <Textfield label={t('intake.personForm.representative.name')} {...form.text(path('name'))} error={message(path('name'))} aria-required autoComplete="off" />
        <Textfield
          label={t('intake.personForm.representative.contact')}
          description={t('intake.personForm.representative.contactDescription')}
          {...form.text(path('contact'))}
          error={message(path('contact'))}
          autoComplete="off"
        />
      </div>
      <Textfield
        label={t('intake.personForm.representative.scope')}
        description={t('intake.personForm.representative.scopeDescription')}
        multiline
        rows={2}
        {...form.text(path('scope'))}
        error={message(path('scope'))}
        aria-required
      />
      <div className={styles.grid}>
        <DateInput
          id={form.id(path('valid_from'))}
          name={path('valid_from')}
          label={t('intake.personForm.representative.validFrom')}
          value={form.values.representatives[index]?.valid_from ?? ''}
          onChange={(value) => form.change(path('valid_from'), value)}
          error={message(path('valid_from'))}
        />
        <DateInput
          id={form.id(path('valid_to'))}
          name={path('valid_to')}
          label={t('intake.personForm.representative.validTo')}
          value={form.values.representatives[index]?.valid_to ?? ''}
          onChange={(value) => form.change(path('valid_to'), value)}
          error={message(path('valid_to'))}
        />
      </div>
      <Button type="button" variant="tertiary" data-color="danger" className={styles.remove} onClick={onRemove}>
        <TrashIcon aria-hidden fontSize="1.5em" />
        {t('intake.personForm.representative.remove', { number })}
      </Button>
    </Fieldset>
  );
}
