import type { components } from '@/lib/api/intake';

export type AccessLogEntry = components['schemas']['AccessLogRead'];
export type EmergencyAccess = components['schemas']['EmergencyAccessRead'];
export type EmergencyCategory = components['schemas']['EmergencyCategory'];
export type ReviewStatus = components['schemas']['ReviewStatus'];
export type UnusualReader = components['schemas']['UnusualReaderRead'];

export const EMERGENCY_CATEGORIES = ['acute_help', 'person_asked', 'other'] as const satisfies readonly EmergencyCategory[];

/** The API's rule for a reason (domain/access.py EMERGENCY_RULES): at least a sentence. */
export const REASON_MIN_CHARACTERS = 20;
export const REASON_MIN_WORDS = 4;
/** How long an emergency access lasts (EMERGENCY_RULES.valid_for). */
export const EMERGENCY_HOURS = 4;
