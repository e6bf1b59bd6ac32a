/** The checks of a procedure version (a new procedure or a revision), as the API makes them. */
import { z } from 'zod';

import { isIsoDate } from '@/lib/dates';

import { filled } from './system-form';

const date = () =>
  z
    .string()
    .refine(filled, 'required')
    .refine((value) => !filled(value) || isIsoDate(value), 'date');

export type VersionValues = { valid_from: string; review_by: string; approved_by: string; text: string; link: string };

export const versionShape = {
  valid_from: date(),
  review_by: date(),
  approved_by: z.string().refine(filled, 'required').max(200, 'tooLong'),
  text: z.string().max(50000, 'tooLong'),
  link: z
    .string()
    .max(500, 'tooLong')
    .refine((value) => !filled(value) || /^https:\/\/\S+$/.test(value.trim()), 'link'),
};

/** Text or link, and a review date after the valid-from date. */
export function versionChecks<V extends VersionValues>(values: V, ctx: z.RefinementCtx) {
  if (!filled(values.text) && !filled(values.link)) ctx.addIssue({ code: 'custom', path: ['text'], message: 'textOrLink' });
  if (isIsoDate(values.valid_from) && isIsoDate(values.review_by) && values.review_by <= values.valid_from) {
    ctx.addIssue({ code: 'custom', path: ['review_by'], message: 'reviewAfterValid' });
  }
}

export const versionBody = (values: VersionValues) => ({
  valid_from: values.valid_from,
  review_by: values.review_by,
  approved_by: values.approved_by.trim(),
  text: filled(values.text) ? values.text.trim() : null,
  link: filled(values.link) ? values.link.trim() : null,
});
