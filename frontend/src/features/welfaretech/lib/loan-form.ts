/** Installing a device at the person: which device, where, when; an alarm's chain tested; a dispenser's checklist complete. */
import { z } from 'zod';

import { isIsoDate, osloToday } from '@/lib/dates';

import { needsAlarmTest, type LoanCreate, type TechnologyKind } from '../api/types';

import type { ErrorKey } from './form-errors';

const UNIT = /^[a-z0-9][a-z0-9-]{0,59}$/;

export type LoanFormValues = {
  device_id: string;
  unit: string;
  installed_on: string;
  alarm_chain_tested: '' | 'yes' | 'no';
  alarm_test_note: string;
  dispenser: {
    who_fills: string;
    missed_dose_follow_up_by: string;
    missed_dose_response_minutes: string;
    power_or_network_failure_plan: string;
    person_trained: boolean;
    staff_trained: boolean;
    gp_medication_list_is_source: boolean;
  };
};

export const DISPENSER_TEXTS = ['who_fills', 'missed_dose_follow_up_by', 'power_or_network_failure_plan'] as const;
export const DISPENSER_CHECKS = ['person_trained', 'staff_trained', 'gp_medication_list_is_source'] as const;

export function emptyLoan(unit: string, today: string = osloToday()): LoanFormValues {
  return {
    device_id: '',
    unit,
    installed_on: today,
    alarm_chain_tested: '',
    alarm_test_note: '',
    dispenser: {
      who_fills: '',
      missed_dose_follow_up_by: '',
      missed_dose_response_minutes: '',
      power_or_network_failure_plan: '',
      person_trained: false,
      staff_trained: false,
      gp_medication_list_is_source: false,
    },
  };
}

export function loanFields(kind: TechnologyKind): string[] {
  return [
    'device_id',
    'unit',
    'installed_on',
    ...(needsAlarmTest(kind) ? ['alarm_chain_tested', 'alarm_test_note'] : []),
    ...(kind === 'medication_dispenser'
      ? [
          'dispenser',
          'dispenser.who_fills',
          'dispenser.missed_dose_follow_up_by',
          'dispenser.missed_dose_response_minutes',
          'dispenser.power_or_network_failure_plan',
          ...DISPENSER_CHECKS.map((check) => `dispenser.${check}`),
        ]
      : []),
  ];
}

export function loanSchema(kind: TechnologyKind, today: string = osloToday()): z.ZodType<LoanFormValues, LoanFormValues> {
  return z
    .object({
      device_id: z.string(),
      unit: z.string(),
      installed_on: z.string(),
      alarm_chain_tested: z.enum(['', 'yes', 'no']),
      alarm_test_note: z.string().max(1000, 'tooLong'),
      dispenser: z.object({
        who_fills: z.string().max(500, 'tooLong'),
        missed_dose_follow_up_by: z.string().max(500, 'tooLong'),
        missed_dose_response_minutes: z.string(),
        power_or_network_failure_plan: z.string().max(1000, 'tooLong'),
        person_trained: z.boolean(),
        staff_trained: z.boolean(),
        gp_medication_list_is_source: z.boolean(),
      }),
    })
    .superRefine((values, ctx) => {
      const add = (path: (string | number)[], message: ErrorKey) => ctx.addIssue({ code: 'custom', path, message });
      if (!values.device_id) add(['device_id'], 'device');
      if (!UNIT.test(values.unit.trim())) add(['unit'], 'invalid');
      if (!isIsoDate(values.installed_on)) add(['installed_on'], 'date');
      else if (values.installed_on > today) add(['installed_on'], 'installedOn');
      if (needsAlarmTest(kind) && values.alarm_chain_tested === '') add(['alarm_chain_tested'], 'alarmTest');
      if (kind === 'medication_dispenser') {
        for (const point of DISPENSER_TEXTS) if (!values.dispenser[point].trim()) add(['dispenser', point], 'checklist');
        const minutes = Number(values.dispenser.missed_dose_response_minutes);
        if (!/^\d+$/.test(values.dispenser.missed_dose_response_minutes.trim()) || minutes < 1 || minutes > 1440) {
          add(['dispenser', 'missed_dose_response_minutes'], 'minutes');
        }
        for (const check of DISPENSER_CHECKS) if (!values.dispenser[check]) add(['dispenser', check], 'checklist');
      }
    });
}

export function loanServerErrorKey(path: string): ErrorKey {
  if (path === 'device_id') return 'device';
  if (path === 'installed_on') return 'installedOn';
  if (path === 'alarm_chain_tested') return 'alarmTest';
  if (path === 'dispenser.missed_dose_response_minutes') return 'minutes';
  if (path.startsWith('dispenser')) return 'checklist';
  return 'invalid';
}

export function toLoanCreate(values: LoanFormValues, recommendationId: string, kind: TechnologyKind): LoanCreate {
  const d = values.dispenser;
  return {
    recommendation_id: recommendationId,
    device_id: values.device_id,
    unit: values.unit.trim(),
    installed_on: values.installed_on,
    alarm_chain_tested: needsAlarmTest(kind) ? values.alarm_chain_tested === 'yes' : null,
    alarm_test_note: needsAlarmTest(kind) && values.alarm_test_note.trim() ? values.alarm_test_note.trim() : null,
    dispenser_checklist:
      kind === 'medication_dispenser'
        ? {
            who_fills: d.who_fills.trim(),
            missed_dose_follow_up_by: d.missed_dose_follow_up_by.trim(),
            missed_dose_response_minutes: Number(d.missed_dose_response_minutes),
            power_or_network_failure_plan: d.power_or_network_failure_plan.trim(),
            person_trained: d.person_trained,
            staff_trained: d.staff_trained,
            gp_medication_list_is_source: d.gp_medication_list_is_source,
          }
        : null,
  };
}
