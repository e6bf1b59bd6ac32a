/** Who may do what in the quality system; the API decides, these only keep the UI from offering what it would refuse. */
import type { Role } from '@/lib/auth';

const hasAny = (roles: readonly Role[], allowed: readonly Role[]) => roles.some((role) => allowed.includes(role));

/** Every employee reads the procedures and confirms them. */
export const canReadProcedures = (roles: readonly Role[]) =>
  hasAny(roles, ['saksbehandler', 'koordinator', 'helsepersonell', 'velferdsteknolog', 'leder', 'kvalitetsleder']);
/** The unit's leader and the quality lead work with ROS, audits, supervision and publish procedures. */
export const canWorkWithQualitySystem = (roles: readonly Role[]) => hasAny(roles, ['leder', 'kvalitetsleder']);
/** What belongs to the whole municipality is the quality lead's. */
export const isQualityLead = (roles: readonly Role[]) => hasAny(roles, ['kvalitetsleder']);
