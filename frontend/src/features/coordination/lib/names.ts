/** A measure as a person reads it: a decided service by its name, never its code. */
import { useTranslation } from 'react-i18next';

import { useCatalogueNames } from '../api/catalogue';
import type { LocalizedName, Measure } from '../api/types';
import { NAMED_BY_KIND } from './plan-form';
import { useDynamicT } from './translate';

const NONE: Record<string, LocalizedName> = {};

/** True when the measure still carries the decided service's code as its text (added from intake's feed). */
export function showsServiceCode(measure: Measure): boolean {
  return !!measure.service_type && measure.what === measure.service_type;
}

/** `measureText(m)` and `unitText(code)` for a plan: names from intake's decisions, then the catalogue. */
export function usePlanNames(serviceNames: Record<string, LocalizedName> | undefined) {
  const { t } = useTranslation();
  const tx = useDynamicT();
  const names = useCatalogueNames(serviceNames ?? NONE);
  const measureText = (measure: Measure) =>
    showsServiceCode(measure) ? (names.serviceName(measure.service_type) ?? t('coordination.names.serviceUnavailable', { code: measure.service_type ?? '' })) : measure.what;
  const serviceText = (code: string) => names.serviceName(code) ?? t('coordination.names.serviceUnavailable', { code });
  const unitText = (code: string | null | undefined) => (code ? (names.unitName(code) ?? code) : '');
  /** A unit by its name; NAV, school, GP and specialist by their kind (and name, when given); a relative or another party by name. */
  const responsibleText = (measure: Measure) => {
    if (measure.responsible_kind === 'unit') return unitText(measure.responsible);
    if (!NAMED_BY_KIND.includes(measure.responsible_kind)) return measure.responsible ?? '';
    const kind = tx(`coordination.responsibleKind.${measure.responsible_kind}`);
    return measure.responsible ? `${kind} (${measure.responsible})` : kind;
  };
  return { measureText, serviceText, unitText, responsibleText };
}
