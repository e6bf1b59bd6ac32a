/** Who may do what with access control; the API decides, these only keep the UI from offering what it would refuse. */
import type { Role } from '@/lib/auth';

const hasAny = (roles: readonly Role[], allowed: readonly Role[]) => roles.some((role) => allowed.includes(role));

/** Review emergency accesses and see unusual reading: leaders (their units) and the quality lead. */
export const canReviewEmergencyAccess = (roles: readonly Role[]) => hasAny(roles, ['leder', 'kvalitetsleder']);
/** Open emergency access to a person without a service relation: helsepersonell. */
export const canOpenEmergencyAccess = (roles: readonly Role[]) => hasAny(roles, ['helsepersonell']);
