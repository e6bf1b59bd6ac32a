/** Small catalogue data in the generated API shapes, for component tests. */
import type { CareLevel, CriteriaVersion, ServiceType, ServiceTypeSummary } from '@/features/catalogue/api/types';

export const text = (nb: string, nn = '', en = '') => ({ nb, nn, en });

export function careLevel(rank: number, name: string): CareLevel {
  return {
    id: `00000000-0000-0000-0000-00000000000${rank}`,
    code: String(rank),
    rank,
    name: text(name, `${name} (nn)`, `${name} (en)`),
    description: text(`Om ${name}`),
    version: 1,
  };
}

export function serviceSummary(code: string, level: CareLevel, overrides: Partial<ServiceTypeSummary> = {}): ServiceTypeSummary {
  return {
    code,
    name: text(code.replace(/-/g, ' ')),
    care_level: { code: level.code, rank: level.rank, name: level.name },
    requires_decision: true,
    scope_unit: 'hours_per_week',
    published: true,
    purpose: null,
    ...overrides,
  };
}

export function criteriaVersion(version: number, overrides: Partial<CriteriaVersion> = {}): CriteriaVersion {
  return {
    version,
    effective_from: `202${version}-01-01`,
    effective_to: null,
    text: text(`Kriterier versjon ${version}`),
    conditions: [{ metric: 'adl_mean', op: '>=', value: 3 }],
    source: null,
    created_at: '2024-01-01T00:00:00Z',
    in_force: false,
    ...overrides,
  };
}

export function serviceType(code: string, level: CareLevel, overrides: Partial<ServiceType> = {}): ServiceType {
  return {
    ...serviceSummary(code, level),
    description: text('Hjelp hjemme.'),
    legal_basis: [{ law: 'helse- og omsorgstjenesteloven', short: 'hol', section: '§ 3-2 første ledd nr. 6 bokstav a' }],
    user_fee: { kind: 'none', description: null },
    kpr_code: null,
    requires_lower_level_review: false,
    is_long_term_place: false,
    is_bpa: false,
    appeal_body: 'statsforvalteren',
    caregiver_is_party: false,
    active_from: '2021-01-01',
    active_to: null,
    version: 1,
    current_criteria: null,
    units: [],
    ...overrides,
  };
}

/** A signed-in user with these roles (the SPA reads the token's claims; the APIs are stubbed). */
export function signInAs(roles: string[], name = 'Ingrid Solberg'): void {
  const claims = { sub: 'test-user', name, municipality: '3207', roles, units: [], exp: 9_999_999_999 };
  const bytes = new TextEncoder().encode(JSON.stringify(claims));
  const payload = btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  sessionStorage.setItem('mestring.token', `h.${payload}.s`);
}

export const PERSON_ID = '55555555-5555-5555-5555-555555555555';
export const APPLICATION_ID = '66666666-6666-6666-6666-666666666666';
export const DECISION_ID = '88888888-8888-8888-8888-888888888888';

/** Kari Nordmann, as intake reads her. */
export const person = {
  id: PERSON_ID,
  national_id: '15854412345',
  national_id_masked: '158544*****',
  given_name: 'Kari',
  family_name: 'Nordmann',
  birth_date: '1944-05-15',
  address: { street: 'Storgata 1', postcode: '1400', city: 'Ski' },
  phone: null,
  preferred_language: 'nb',
  needs_interpreter: false,
  interpreter_language: null,
  gp: null,
  relatives: [],
  representatives: [],
  version: 1,
};

export const personSummary = {
  id: PERSON_ID,
  given_name: 'Kari',
  family_name: 'Nordmann',
  birth_date: '1944-05-15',
  national_id_masked: '158544*****',
  city: 'Ski',
};

/** Her application for «Hjemmesykepleie». */
export const application = {
  id: APPLICATION_ID,
  person: personSummary,
  channel: 'phone',
  received_on: '2026-11-23',
  applicant_kind: 'self',
  applicant_name: null,
  services: [{ service_type: 'hjemmesykepleie', service_name: text('Hjemmesykepleie'), care_level_rank: 3, requires_decision: true, note: null }],
  what_matters: 'Å bo hjemme.',
  urgency: 'normal',
  consent_to_obtain_information: true,
  status: 'in_assessment',
  interim_reply_due: '2026-12-23',
  interim_reply_sent_on: null,
  assessment_unit: null,
  registered_by: 'saksbehandler-nordrefollo',
  created_at: '2026-11-23T10:00:00Z',
  version: 1,
};
