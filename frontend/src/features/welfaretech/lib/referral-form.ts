/** Referring a person to the welfare-technology team: the form's values, checks and the request's body. */
import { z } from 'zod';

import { isIsoDate } from '@/lib/dates';

import { TECHNOLOGY_KINDS, type ReferralCreate, type TechnologyKind } from '../api/types';

export type ReferralFormValues = {
  person_id: string;
  requested: TechnologyKind[];
  note: string;
  unit: string;
  received_on: string;
};

export const REFERRAL_FIELDS = ['person_id', 'requested', 'note', 'unit', 'received_on'];

/** The checks, with today (Oslo) passed in: a referral is not received in the future; the unit is one of the referrer's own. */
export function referralSchema(today: string, units: readonly string[]): z.ZodType<ReferralFormValues, ReferralFormValues> {
  return z.object({
    person_id: z.string().refine((v) => v !== '', 'choose'),
    requested: z.array(z.enum(TECHNOLOGY_KINDS as [TechnologyKind, ...TechnologyKind[]])).refine((v) => v.length > 0, 'needs'),
    note: z.string().refine((v) => v.trim() !== '', 'required').max(2000, 'tooLong'),
    unit: z.string().refine((v) => units.length === 0 || units.includes(v), 'choose'),
    received_on: z
      .string()
      .refine((v) => isIsoDate(v), 'date')
      .refine((v) => !isIsoDate(v) || v <= today, 'future'),
  });
}

export function emptyReferral(today: string, units: readonly string[]): ReferralFormValues {
  return { person_id: '', requested: [], note: '', unit: units.length === 1 ? (units[0] ?? '') : '', received_on: today };
}

export function toReferralCreate(values: ReferralFormValues): ReferralCreate {
  return {
    person_id: values.person_id,
    requested: values.requested,
    note: values.note.trim(),
    unit: values.unit || null,
    received_on: values.received_on,
  };
}
