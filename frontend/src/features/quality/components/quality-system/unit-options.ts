import { useSession } from '@/lib/auth';

import { useUnits } from '../../api/get-units';
import { isQualityLead } from '../../lib/system-permissions';

/** The units the caller works with, by name: a leader's own, every unit for the quality lead. */
export function useWorkUnits(): { value: string; label: string }[] | undefined {
  const session = useSession();
  const units = useUnits();
  if (!session || !units.data) return undefined;
  const names = new Map(units.data.map((unit) => [unit.code, unit.name]));
  if (isQualityLead(session.user.roles)) return units.data.map((unit) => ({ value: unit.code, label: unit.name }));
  return session.user.units.map((code) => ({ value: code, label: names.get(code) ?? code }));
}
