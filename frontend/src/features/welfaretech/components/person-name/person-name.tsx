import { Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';

import type { LoanSummary } from '../../api/types';

/** The person's name as intake shows it, or a marked «unavailable» when intake could not say. */
export function PersonName({ loan }: { loan: Pick<LoanSummary, 'person_name' | 'person_name_available'> }) {
  const { t } = useTranslation();
  if (loan.person_name_available && loan.person_name) return <>{loan.person_name}</>;
  return (
    <Tag data-color="neutral" data-testid="name-unavailable">
      {t('welfaretech.inventory.nameUnavailable')}
    </Tag>
  );
}
