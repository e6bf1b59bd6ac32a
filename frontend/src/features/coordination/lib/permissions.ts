/** Who may do what in coordination; the API decides, these only keep the UI from offering what it would refuse. */
import type { Role } from '@/lib/auth';

import type { PersonLookup } from '../api/report';

const hasAny = (roles: readonly Role[], allowed: readonly Role[]) => roles.some((role) => allowed.includes(role));

/** Every employee role (the API's `POST /requests`): helsepersonell have a duty to report such needs. */
const EMPLOYEES: readonly Role[] = ['saksbehandler', 'koordinator', 'helsepersonell', 'velferdsteknolog', 'leder', 'kvalitetsleder'];

/** The koordinerende enhet's inbox (koordinator) and its overview (leder too). */
export const canReadInbox = (roles: readonly Role[]) => hasAny(roles, ['koordinator', 'leder']);
/** Take a request and keep plans: the koordinerende enhet. */
export const canCoordinate = (roles: readonly Role[]) => hasAny(roles, ['koordinator']);
/** Report a need for an individual plan or a koordinator: any employee. */
export const canReportNeed = (roles: readonly Role[]) => hasAny(roles, EMPLOYEES);
/** The coordination menu entry: every employee may at least report a need. */
export const canUseCoordination = canReportNeed;
/** The coordination worklist. */
export const canReadCoordinationWorklist = (roles: readonly Role[]) => hasAny(roles, ['koordinator', 'leder', 'helsepersonell']);
/** Name a primærkontakt or hand over a caseload: the koordinerende enhet, and a leader in their own unit. */
export const canAssign = (roles: readonly Role[]) => hasAny(roles, ['koordinator', 'leder']);
/** Pårørendesamtaler: the koordinator and the helsepersonell of a unit serving the person. */
export const canTalkToRelatives = (roles: readonly Role[]) => hasAny(roles, ['koordinator', 'helsepersonell']);

/** How the report form finds the person: intake lets case roles search, and shows helsepersonell their units' decisions. */
export function personLookup(roles: readonly Role[]): PersonLookup {
  if (hasAny(roles, ['saksbehandler', 'koordinator', 'leder'])) return 'search';
  if (hasAny(roles, ['helsepersonell'])) return 'served';
  return 'none';
}
