/** Small quality data in the generated API shapes, for component tests. */
import type { DeviationRead, DeviationSummary, Guidance, Unit } from '../api/types';

const text = (nb: string, en = nb) => ({ nb, nn: '', en });

export const DEVIATION_ID = '99999999-9999-9999-9999-999999999999';

export const guidance: Guidance = {
  version: 'test',
  note: '',
  sources: [],
  consequence: [1, 2, 3, 4, 5].map((level) => ({ level, name: text(`Konsekvensnivå ${level}`), definition: text(`Konsekvensdefinisjon ${level}.`) })),
  probability: [1, 2, 3, 4, 5].map((level) => ({ level, name: text(`Sannsynlighetsnivå ${level}`), definition: text(`Sannsynlighetsdefinisjon ${level}.`) })),
  examples: { medication: { '1': text('Medisin gitt for sent.'), '3': text('Dobbel dose blodtrykksmedisin.'), '5': text('Feil pasient fikk morfin.') } },
  serious_event_checklist: [
    { code: 'notify_helsetilsynet', text: text('Varsle Statens helsetilsyn straks'), basis: 'helse- og omsorgstjenesteloven § 12-3 a', deadline: 'straks' },
  ],
};

export const units: { items: Unit[]; next_cursor: null } = {
  items: [{ id: '11111111-1111-1111-1111-111111111111', code: 'hjemmetjenesten-ski', name: 'Hjemmetjenesten Ski', kind: 'home_care_zone', address: null, services: [] }],
  next_cursor: null,
};

export function summary(overrides: Partial<DeviationSummary> = {}): DeviationSummary {
  return {
    id: DEVIATION_ID,
    reported_on: '2026-11-02',
    unit: 'hjemmetjenesten-ski',
    category: 'medication',
    what_happened: 'Feil dose gitt.',
    risk_score: 6,
    risk_level: 'medium',
    is_serious: false,
    status: 'reported',
    acknowledge_by: '2026-11-09',
    is_acknowledgement_late: false,
    closed_on: null,
    ...overrides,
  };
}

export function deviation(overrides: Partial<DeviationRead> = {}): DeviationRead {
  return {
    id: DEVIATION_ID,
    version: 1,
    occurred_at: '2026-11-02T08:00:00Z',
    discovered_at: '2026-11-02T08:30:00Z',
    reported_on: '2026-11-02',
    unit: 'hjemmetjenesten-ski',
    place: 'Medisinrom',
    category: 'medication',
    is_collaboration: false,
    collaboration_party: null,
    what_happened: 'Dobbel dose blodtrykksmedisin.',
    immediate_action: 'Legen ringt.',
    person_id: null,
    consequence: 3,
    probability: 2,
    risk_score: 6,
    risk_level: 'medium',
    goes_to_committee: false,
    is_serious: false,
    notification_checklist: [],
    is_anonymous: false,
    reporter: { sub: 'reporter', name: 'Aisha Rahman' },
    reporter_hidden: false,
    status: 'reported',
    acknowledge_by: '2026-11-09',
    is_acknowledgement_late: false,
    acknowledged_on: null,
    handler_name: null,
    investigation: null,
    causes: [],
    learning_summary: null,
    outcome_for_reporter: null,
    closed_on: null,
    links: [],
    actions: [],
    steps: [{ at: '2026-11-02T08:31:00Z', action: 'reported', from_status: null, to_status: 'reported', actor_name: 'Aisha Rahman', note: null }],
    may_handle: true,
    ...overrides,
  };
}
