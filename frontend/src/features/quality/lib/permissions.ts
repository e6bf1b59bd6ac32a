/** Who may do what with deviations; the API decides, these only keep the UI from offering what it would refuse. */
import type { Role } from '@/lib/auth';

/** Every employee who works with people reports deviations and follows their own. */
const REPORTERS: readonly Role[] = ['saksbehandler', 'koordinator', 'helsepersonell', 'velferdsteknolog', 'leder', 'kvalitetsleder'];
/** The unit's leader (for the units in the token) and the quality lead handle them. */
const HANDLERS: readonly Role[] = ['leder', 'kvalitetsleder'];
const QUALITY_LEADS: readonly Role[] = ['kvalitetsleder'];

const hasAny = (roles: readonly Role[], allowed: readonly Role[]) => roles.some((role) => allowed.includes(role));

/** Report deviations and see one's own: the menu entry. */
export const canReportDeviations = (roles: readonly Role[]) => hasAny(roles, REPORTERS);
/** The queue, the handling steps and the statistics. */
export const canHandleDeviations = (roles: readonly Role[]) => hasAny(roles, HANDLERS);
/** The quality committee's (kvalitetsutvalg) queue. */
export const canUseCommittee = (roles: readonly Role[]) => hasAny(roles, QUALITY_LEADS);
