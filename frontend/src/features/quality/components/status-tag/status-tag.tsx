import { Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';

import type { DeviationStatus } from '../../api/types';

const COLOR: Record<DeviationStatus, 'neutral' | 'info' | 'accent' | 'success'> = {
  reported: 'neutral',
  acknowledged: 'info',
  investigated: 'accent',
  closed: 'success',
};

export function StatusTag({ status }: { status: DeviationStatus }) {
  const { t } = useTranslation();
  return (
    <Tag data-color={COLOR[status]} data-size="sm" data-testid="deviation-status">
      {t(`quality.status.${status}`)}
    </Tag>
  );
}
