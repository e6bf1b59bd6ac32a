import { Button, Checkbox, Fieldset, Heading, Radio, Textfield } from '@digdir/designsystemet-react';
import { TrashIcon } from '@navikt/aksel-icons';
import { useTranslation } from 'react-i18next';

import { INFORMATION_SCOPES } from '../../api/types';
import type { PersonForm } from '../person-form-page/use-person-form';

import styles from './relative-fields.module.css';

type Props = {
  form: PersonForm;
  index: number;
  message: (path: string) => string | undefined;
  onRemove: () => void;
};

/** One relative in the register-person form: who they are, how to reach them, and what they may be told. */
export function RelativeFields({ form, index, message, onRemove }: Props) {
  const { t } = useTranslation();
  const number = index + 1;
  const path = (field: string) => `relatives.${index}.${field}`;
  const relative = form.values.relatives[index]!;

  return (
    <Fieldset className={styles.group} data-testid={`relative-${number}`}>
      <Fieldset.Legend className={styles.legend}>
        <Heading level={3} data-size="xs">
          {t('intake.personForm.relative.legend', { number })}
        </Heading>
      </Fieldset.Legend>
      <div className={styles.grid}>
        <Textfield label={t('intake.personForm.relative.name')} {...form.text(path('name'))} error={message(path('name'))} aria-required autoComplete="off" />
        <Textfield
          label={t('intake.personForm.relative.relation')}
          description={t('intake.personForm.relative.relationDescription')}
          {...form.text(path('relation'))}
          error={message(path('relation'))}
          aria-required
          autoComplete="off"
        />
        <Textfield label={t('intake.personForm.relative.phone')} type="tel" {...form.text(path('phone'))} error={message(path('phone'))} autoComplete="off" />
        <Textfield label={t('intake.personForm.relative.email')} type="email" {...form.text(path('email'))} error={message(path('email'))} autoComplete="off" />
      </div>
      <Checkbox
        label={t('intake.personForm.relative.isNextOfKin')}
        description={t('intake.personForm.relative.isNextOfKinDescription')}
        {...form.checkbox(path('is_next_of_kin'))}
        error={message(path('is_next_of_kin'))}
      />
      <Fieldset id={form.id(path('information_scope'))} className={styles.scope}>
        <Fieldset.Legend>{t('intake.personForm.relative.informationScope')}</Fieldset.Legend>
        <Fieldset.Description>{t('intake.personForm.relative.informationScopeDescription')}</Fieldset.Description>
        {INFORMATION_SCOPES.map((scope) => (
          <Radio
            key={scope}
            name={`relatives-${index}-information_scope`}
            value={scope}
            label={t(`intake.informationScope.${scope}`)}
            description={t(`intake.informationScopeDescription.${scope}`)}
            checked={relative.information_scope === scope}
            onChange={() => form.change(path('information_scope'), scope)}
          />
        ))}
      </Fieldset>
      <Textfield
        label={t('intake.personForm.relative.canHelpWith')}
        description={t('intake.personForm.relative.canHelpWithDescription')}
        multiline
        rows={2}
        {...form.text(path('can_help_with'))}
        error={message(path('can_help_with'))}
      />
      <Button type="button" variant="tertiary" data-color="danger" className={styles.remove} onClick={onRemove}>
        <TrashIcon aria-hidden fontSize="1.5em" />
        {t('intake.personForm.relative.remove', { number })}
      </Button>
    </Fieldset>
  );
}
