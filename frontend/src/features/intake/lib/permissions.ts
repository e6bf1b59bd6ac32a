/** Who may do what in intake; the API decides, these only keep the UI from offering what it would refuse. */
import type { Role } from '@/lib/auth';

import { ACCESS_LOG_SOURCES, type AccessLogSource } from '../api/get-person-access-log';

const PERSON_READERS: readonly Role[] = ['saksbehandler', 'koordinator', 'leder'];
const CASEWORKERS: readonly Role[] = ['saksbehandler'];
const ACCESS_LOG_READERS: readonly Role[] = ['leder', 'saksbehandler'];

const hasAny = (roles: readonly Role[], allowed: readonly Role[]) => roles.some((role) => allowed.includes(role));

/** Find and read persons and their applications. */
export const canReadPersons = (roles: readonly Role[]) => hasAny(roles, PERSON_READERS);
/** Register persons and applications. */
export const canRegister = (roles: readonly Role[]) => hasAny(roles, CASEWORKERS);
/**
 * Whose log of a person the user may ask for: intake's, and the logs coordination, welfare
 * technology and quality keep (leaders read them all; otherwise the case role of each service,
 * for a person whose open case is theirs, which the service decides).
 */
const LOG_READERS: Record<AccessLogSource, readonly Role[]> = {
  intake: ACCESS_LOG_READERS,
  coordination: ['leder', 'koordinator'],
  welfaretech: ['leder', 'velferdsteknolog'],
  quality: ['leder', 'kvalitetsleder'],
};
/** The services whose log of a person the user may ask for, intake's first. */
export const accessLogSources = (roles: readonly Role[]) => ACCESS_LOG_SOURCES.filter((source) => hasAny(roles, LOG_READERS[source]));
/** See who has looked at a person's data (in one service or more). */
export const canReadAccessLog = (roles: readonly Role[]) => accessLogSources(roles).length > 0;

const WORKLIST_READERS: readonly Role[] = ['saksbehandler', 'leder'];
/** The worklist and the waiting list. */
export const canReadWorklist = (roles: readonly Role[]) => hasAny(roles, WORKLIST_READERS);

const WAITING_LIST_MANAGERS: readonly Role[] = ['saksbehandler', 'leder'];
/** Offer a place, record the answer, prioritise and remove. */
export const canManageWaitingList = (roles: readonly Role[]) => hasAny(roles, WAITING_LIST_MANAGERS);

const INTAKE_ADMINS: readonly Role[] = ['admin'];
/** Change the municipality's intake settings (four eyes, the need-level rule). */
export const canAdministerIntake = (roles: readonly Role[]) => hasAny(roles, INTAKE_ADMINS);
