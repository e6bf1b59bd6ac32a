import { Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';

import type { RiskLevel } from '../../api/types';

const COLOR: Record<RiskLevel, 'success' | 'warning' | 'danger'> = { low: 'success', medium: 'warning', high: 'danger' };

/** The risk level and score in words and colour («Høy risiko · 12»); the colour is never the only sign. */
export function RiskBadge({ level, score }: { level: RiskLevel; score: number }) {
  const { t } = useTranslation();
  return (
    <Tag data-color={COLOR[level]} data-size="sm" data-testid="risk-badge">
      {t('quality.risk.badge', { level: t(`quality.riskLevel.${level}`), score })}
    </Tag>
  );
}
