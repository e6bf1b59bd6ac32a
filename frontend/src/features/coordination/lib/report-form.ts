/** Reporting a need for coordination: the form's values, checks and the request's body. */
import { z } from 'zod';

import type { RequestCreate } from '../api/types';

export type AskedBy = 'person' | 'relative' | 'employee';
export type Wanted = 'plan' | 'coordinator';

export type ReportValues = {
  person_id: string;
  source: AskedBy;
  asked_by: string;
  description: string;
  wants: Wanted[];
  received_on: string;
};

export type ReportErrorKey = 'choosePerson' | 'required' | 'tooLong' | 'chooseWhat' | 'date' | 'future';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The checks, with today (Oslo) passed in: a request is not received in the future. */
export function reportSchema(today: string): z.ZodType<ReportValues, ReportValues> {
  return z
    .object({
      person_id: z.string().refine((v) => v !== '', 'choosePerson'),
      source: z.enum(['person', 'relative', 'employee']),
      asked_by: z.string().max(200, 'tooLong'),
      description: z.string().refine((v) => v.trim() !== '', 'required').max(4000, 'tooLong'),
      wants: z.array(z.enum(['plan', 'coordinator'])).refine((v) => v.length > 0, 'chooseWhat'),
      received_on: z
        .string()
        .refine((v) => ISO_DATE.test(v), 'date')
        .refine((v) => !ISO_DATE.test(v) || v <= today, 'future'),
    })
    .refine((v) => v.source !== 'relative' || v.asked_by.trim() !== '', { message: 'required', path: ['asked_by'] });
}

export function emptyReport(today: string, personId = ''): ReportValues {
  return { person_id: personId, source: 'employee', asked_by: '', description: '', wants: ['plan', 'coordinator'], received_on: today };
}

export const REPORT_FIELDS = ['person_id', 'source', 'asked_by', 'description', 'wants', 'received_on'];

/** The body: who asked is the employee's own name (the API records it) unless the person or a relative asked. */
export function toRequestCreate(values: ReportValues): RequestCreate {
  const askedBy = values.asked_by.trim();
  return {
    person_id: values.person_id,
    source: values.source,
    wants_plan: values.wants.includes('plan'),
    wants_coordinator: values.wants.includes('coordinator'),
    received_on: values.received_on,
    submitted_by: values.source !== 'employee' && askedBy ? askedBy : null,
    description: values.description.trim(),
  };
}
