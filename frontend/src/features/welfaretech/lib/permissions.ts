/** Who may do what in welfare technology; the API decides, these keep the UI from offering what it would refuse. */
import type { Role } from '@/lib/auth';

const hasAny = (roles: readonly Role[], allowed: readonly Role[]) => roles.some((role) => allowed.includes(role));

/** The welfare-technology team: assesses, recommends, lends, installs, measures. */
export const isTeam = (roles: readonly Role[]) => hasAny(roles, ['velferdsteknolog']);
/** Reads the referral inbox (PERSON_READER in the API). */
export const canReadReferrals = (roles: readonly Role[]) => hasAny(roles, ['velferdsteknolog', 'helsepersonell', 'saksbehandler', 'leder']);
/** The leaders' benefit dashboard. */
export const canReadDashboard = (roles: readonly Role[]) => hasAny(roles, ['velferdsteknolog', 'leder']);
/** The feature's entry in the navigation: everyone who reads referrals and loans (home care reads its own units' and records follow-ups). */
export const canUseWelfaretech = (roles: readonly Role[]) => hasAny(roles, ['velferdsteknolog', 'helsepersonell', 'saksbehandler', 'leder']);
/** Follow-up measurements: the team and home care. */
export const canMeasure = (roles: readonly Role[]) => hasAny(roles, ['velferdsteknolog', 'helsepersonell']);
/**
 * Referring a person (REFERRER in the API allows the team too, but the form finds the person among those
 * the user's units serve, which intake shows to helsepersonell; the team receives referrals).
 */
export const canRefer = (roles: readonly Role[]) => hasAny(roles, ['helsepersonell']);
