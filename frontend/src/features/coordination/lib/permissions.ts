/** Who may do what in coordination; the API decides, these only keep the UI from offering what it would refuse. */
import type { Role } from '@/lib/auth';

const hasAny = (roles: readonly Role[], allowed: readonly Role[]) => roles.some((role) => allowed.includes(role));

/** The koordinerende enhet's inbox (koordinator) and its overview (leder too). */
export const canReadInbox = (roles: readonly Role[]) => hasAny(roles, ['koordinator', 'leder']);
/** Take a request and keep plans: the koordinerende enhet. */
export const canCoordinate = (roles: readonly Role[]) => hasAny(roles, ['koordinator']);
/** The coordination menu entry and the worklist. */
export const canUseCoordination = (roles: readonly Role[]) => hasAny(roles, ['koordinator', 'leder', 'helsepersonell']);
/** Name a primærkontakt or hand over a caseload: the koordinerende enhet, and a leader in their own unit. */
export const canAssign = (roles: readonly Role[]) => hasAny(roles, ['koordinator', 'leder']);
/** Pårørendesamtaler: the koordinator and the helsepersonell of a unit serving the person. */
export const canTalkToRelatives = (roles: readonly Role[]) => hasAny(roles, ['koordinator', 'helsepersonell']);
