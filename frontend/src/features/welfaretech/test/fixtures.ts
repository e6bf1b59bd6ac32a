/** Welfaretech data in the generated API shapes, for component tests. */
import type { AssessmentRead, DeviceRead, RecommendationRead, TechnologyRead } from '../api/types';

export const ASSESSMENT_ID = '33333333-3333-3333-3333-333333333333';
export const RECOMMENDATION_ID = '44444444-4444-4444-4444-444444444444';
export const PERSON_ID = '22222222-2222-2222-2222-222222222222';

export const alarm: TechnologyRead = {
  code: 'trygghetsalarm',
  kind: 'safety_alarm',
  name: { nb: 'Trygghetsalarm', nn: 'Tryggleiksalarm', en: 'Safety alarm' },
  purpose: 'Varsler responssenteret.',
  iso9999: '22 27 18',
  kpr_service_code: null,
  needs: ['fall_risk'],
  can_replace: [],
  requirements: [],
  is_alarm_or_location: true,
  supplier: null,
  model: 'Alarm X',
  user_fee_monthly_nok: 250,
  id: '55555555-5555-5555-5555-555555555555',
  version: 1,
  contraindications: [],
  response_chain: ['Responssenteret', 'Hjemmetjenesten'],
  purchase_cost_nok: 3000,
  monthly_cost_nok: 300,
  check_interval_days: 90,
  is_active: true,
};

export function recommendation(overrides: Partial<RecommendationRead> = {}): RecommendationRead {
  return {
    id: RECOMMENDATION_ID,
    version: 3,
    technology: alarm,
    reasons: ['fall-alarm'],
    may_replace: ['planned_supervision_visits'],
    rule_ids: ['fall-alarm'],
    sources: [],
    status: 'proposed',
    decision_reason: null,
    provider: null,
    decided_by_name: null,
    decided_on: null,
    trial_evaluation_on: null,
    needs_legal_decision: false,
    may_activate: false,
    blocked_because: 'Not accepted',
    ...overrides,
  };
}

export function assessment(overrides: Partial<AssessmentRead> = {}): AssessmentRead {
  return {
    id: ASSESSMENT_ID,
    version: 1,
    person_id: PERSON_ID,
    referral_id: null,
    assessed_on: '2026-01-12',
    assessed_by_name: 'Jonas Berg',
    needs: ['fall_risk'],
    abilities: { can_use_button: true, hears_alarm: true, sees_display: true, understands_device: true, note: null },
    environment: { housing: 'Enebolig', has_mobile_coverage: true, has_broadband: false, has_power: true, has_stove: true, has_key_box: false, door: null },
    own_goals: ['Bo hjemme'],
    consent_capacity: 'yes',
    consent_given: true,
    ethical_reflection: null,
    unit: 'hjemmetjenesten-ski',
    note: null,
    recommendations: [recommendation({ status: 'accepted', provider: 'municipal_loan', may_activate: true, blocked_because: null, decision_reason: 'Trygghet' })],
    legal_decisions: [],
    legal_basis: {
      law: 'pasient- og brukerrettighetsloven § 4-6 a',
      source: 'https://lovdata.no/lov/1999-07-02-63/§4-6a',
      conditions: ['prevents_harm', 'in_persons_interest', 'proportionate', 'least_intrusive', 'would_have_consented', 'relatives_heard'],
      max_months: 12,
      max_months_basis: 'At most a year.',
      renew_notice_days: 30,
    },
    ...overrides,
  };
}

export function device(n: number): DeviceRead {
  return {
    id: `66666666-6666-6666-6666-00000000000${n}`,
    version: 1,
    technology_code: alarm.code,
    technology_name: alarm.name,
    kind: 'safety_alarm',
    serial: `3207-ALARM-000${n}`,
    model: 'Alarm X',
    status: 'in_stock',
    acquired_on: '2025-01-01',
  };
}
