import { useTranslation } from 'react-i18next';

import { CheckboxGroup } from '@/components/choice-group/choice-group';
import { DateField } from '@/components/date-field/date-field';
import { FieldGrid } from '@/components/field-grid/field-grid';
import { CheckboxField, FieldMessage, TextField } from '@/components/form-kit/form-kit';
import { FormSection } from '@/components/form-section/form-section';

import { LEGAL_CONDITIONS } from '../../api/types';
import { LEGAL_KINDS } from '../../lib/assessment-form';

/**
 * The pbrl § 4-6 a decision: which technology it covers, how each condition is met, that the
 * person does not resist, and the time limit. `prefix` is where the fields lie in the form (`legal.`).
 * `withKinds`: false in a renewal (it covers the technology the renewed one did); `untilHelp` names the latest end the legal basis allows.
 */
export function LegalDecisionFields({ prefix = '', withKinds = true, untilHelp }: { prefix?: string; withKinds?: boolean; untilHelp?: string }) {
  const { t } = useTranslation();
  return (
    <>
      {withKinds ? (
        <CheckboxGroup
          name={`${prefix}kinds`}
          legend={t('welfaretech.legal.kinds')}
          description={t('welfaretech.legal.kindsDescription')}
          choices={LEGAL_KINDS.map((kind) => ({ value: kind, label: t(`welfaretech.kind.${kind}`) }))}
        />
      ) : null}
      <FormSection heading={t('welfaretech.legal.conditionsHeading')} variant="subsection" description={t('welfaretech.legal.conditionsDescription')}>
        {LEGAL_CONDITIONS.map((condition) => (
          <TextField
            key={condition}
            name={`${prefix}conditions.${condition}`}
            label={t(`welfaretech.legal.condition.${condition}`)}
            description={t(`welfaretech.legal.conditionHelp.${condition}`)}
            multiline
            rows={2}
            aria-required
          />
        ))}
        <FieldMessage name={`${prefix}conditions`} />
      </FormSection>
      <CheckboxField name={`${prefix}person_does_not_resist`} label={t('welfaretech.legal.doesNotResist')} description={t('welfaretech.legal.doesNotResistHelp')} />
      <FieldMessage name={`${prefix}person_does_not_resist`} />
      <FieldGrid>
        <DateField name={`${prefix}decided_on`} label={t('welfaretech.legal.decidedOn')} required />
        <DateField name={`${prefix}valid_from`} label={t('welfaretech.legal.validFrom')} required />
        <DateField name={`${prefix}valid_until`} label={t('welfaretech.legal.validUntil')} description={untilHelp ?? t('welfaretech.legal.validUntilHelp')} required />
      </FieldGrid>
    </>
  );
}
