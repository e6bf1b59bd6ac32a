/** Intake's shapes, generated from services/intake's OpenAPI (`npm run gen:api`). */
import type { components } from '@/lib/api/intake';
import type { components as CatalogueComponents } from '@/lib/api/catalogue';

type Schemas = components['schemas'];

export type PersonSummary = Schemas['PersonSummary'];
export type PersonRead = Schemas['PersonRead'];
export type PersonCreate = Schemas['PersonCreate'];
export type RelativeIn = Schemas['RelativeIn'];
export type RepresentativeIn = Schemas['RepresentativeIn'];
export type InformationScope = Schemas['InformationScope'];
export type RepresentativeKind = Schemas['RepresentativeKind'];
export type TimelineEntry = Schemas['TimelineEntry'];
export type AccessLogEntry = Schemas['AccessLogRead'];
export type ApplicationCreate = Schemas['ApplicationCreate'];
export type ApplicationRead = Schemas['ApplicationRead'];
export type ApplicationStatus = Schemas['ApplicationStatus'];
export type Channel = Schemas['Channel'];
export type ApplicantKind = Schemas['ApplicantKind'];
export type Urgency = Schemas['Urgency'];
export type NeedLevel = Schemas['NeedLevel'];

/** The catalogue's service types, as the application form offers them. */
export type ServiceTypeSummary = CatalogueComponents['schemas']['ServiceTypeSummary'];

export const CHANNELS: readonly Channel[] = ['digital', 'letter', 'phone', 'hospital_message', 'gp', 'relative', 'in_person'];
export const APPLICANT_KINDS: readonly ApplicantKind[] = ['self', 'relative', 'guardian', 'gp', 'hospital', 'other'];
export const URGENCIES: readonly Urgency[] = ['normal', 'urgent'];
export const INFORMATION_SCOPES: readonly InformationScope[] = ['none', 'practical', 'health'];
export const REPRESENTATIVE_KINDS: readonly RepresentativeKind[] = ['guardian', 'power_of_attorney'];
