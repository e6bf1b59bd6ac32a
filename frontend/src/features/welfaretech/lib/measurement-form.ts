/** A benefit measurement: the baseline (week 0, with the cost of a staff hour and who realises the gain) or a follow-up. */
import { z } from 'zod';

import { isIsoDate, osloToday } from '@/lib/dates';

import type { MeasurementCreate, MeasurementKind } from '../api/types';

import type { ErrorKey } from './form-errors';

export const NUMBER_FIELDS = ['planned_visits_per_week', 'night_visits_per_week', 'staff_minutes_per_week', 'falls_last_4_weeks', 'admissions_last_4_weeks'] as const;
type NumberField = (typeof NUMBER_FIELDS)[number];
const LIMITS: Record<NumberField, { max: number; integer: boolean }> = {
  planned_visits_per_week: { max: 200, integer: false },
  night_visits_per_week: { max: 100, integer: false },
  staff_minutes_per_week: { max: 10080, integer: false },
  falls_last_4_weeks: { max: 100, integer: true },
  admissions_last_4_weeks: { max: 30, integer: true },
};

export type MeasurementFormValues = Record<NumberField, string> & {
  week: string;
  measured_on: string;
  felt_safety: '' | '1' | '2' | '3' | '4' | '5';
  staff_hour_cost_nok: string;
  gain_owner: string;
  realisation: string;
};

export function emptyMeasurement(kind: MeasurementKind, today: string = osloToday()): MeasurementFormValues {
  return {
    week: kind === 'baseline' ? '0' : '',
    measured_on: today,
    planned_visits_per_week: '',
    night_visits_per_week: '',
    staff_minutes_per_week: '',
    falls_last_4_weeks: '',
    admissions_last_4_weeks: '',
    felt_safety: '',
    staff_hour_cost_nok: '',
    gain_owner: '',
    realisation: '',
  };
}

export function measurementFields(kind: MeasurementKind): string[] {
  return [
    ...(kind === 'follow_up' ? ['week'] : []),
    'measured_on',
    ...NUMBER_FIELDS,
    'felt_safety',
    ...(kind === 'baseline' ? ['staff_hour_cost_nok', 'gain_owner', 'realisation'] : []),
  ];
}

const toNumber = (value: string) => Number(value.trim().replace(',', '.'));
const isNumber = (value: string, max: number, integer: boolean) =>
  /^\d+([.,]\d{1,2})?$/.test(value.trim()) && toNumber(value) <= max && (!integer || Number.isInteger(toNumber(value)));

export function measurementSchema(kind: MeasurementKind, today: string = osloToday()): z.ZodType<MeasurementFormValues, MeasurementFormValues> {
  return z
    .object({
      week: z.string(),
      measured_on: z.string(),
      planned_visits_per_week: z.string(),
      night_visits_per_week: z.string(),
      staff_minutes_per_week: z.string(),
      falls_last_4_weeks: z.string(),
      admissions_last_4_weeks: z.string(),
      felt_safety: z.enum(['', '1', '2', '3', '4', '5']),
      staff_hour_cost_nok: z.string(),
      gain_owner: z.string().max(200, 'tooLong'),
      realisation: z.string().max(2000, 'tooLong'),
    })
    .superRefine((values, ctx) => {
      const add = (path: string, message: ErrorKey) => ctx.addIssue({ code: 'custom', path: [path], message });
      if (kind === 'follow_up' && (!/^\d+$/.test(values.week.trim()) || Number(values.week) < 1 || Number(values.week) > 260)) add('week', 'week');
      if (!isIsoDate(values.measured_on)) add('measured_on', 'date');
      else if (values.measured_on > today) add('measured_on', 'future');
      for (const field of NUMBER_FIELDS) {
        const { max, integer } = LIMITS[field];
        if (!isNumber(values[field], max, integer)) add(field, 'number');
      }
      if (values.felt_safety === '') add('felt_safety', 'feltSafety');
      if (kind === 'baseline' && values.staff_hour_cost_nok.trim() && !isNumber(values.staff_hour_cost_nok, 10000, true)) add('staff_hour_cost_nok', 'number');
    });
}

export function toMeasurementCreate(values: MeasurementFormValues, kind: MeasurementKind): MeasurementCreate {
  const optional = (value: string) => (value.trim() ? value.trim() : null);
  return {
    kind,
    week: kind === 'baseline' ? 0 : Number(values.week),
    measured_on: values.measured_on,
    planned_visits_per_week: toNumber(values.planned_visits_per_week),
    night_visits_per_week: toNumber(values.night_visits_per_week),
    staff_minutes_per_week: toNumber(values.staff_minutes_per_week),
    falls_last_4_weeks: toNumber(values.falls_last_4_weeks),
    admissions_last_4_weeks: toNumber(values.admissions_last_4_weeks),
    felt_safety: Number(values.felt_safety),
    staff_hour_cost_nok: kind === 'baseline' && values.staff_hour_cost_nok.trim() ? toNumber(values.staff_hour_cost_nok) : null,
    gain_owner: kind === 'baseline' ? optional(values.gain_owner) : null,
    realisation: kind === 'baseline' ? optional(values.realisation) : null,
  };
}
