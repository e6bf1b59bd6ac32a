/** The quick report: its values, the fields top to bottom, the client's checks and the request body. */
import { z } from 'zod';

import { fromDateText, isIsoDate, todayIso } from '@/lib/dates';

import { CATEGORIES, type DeviationCategory, type DeviationCreate } from '../api/types';

import type { ErrorKey } from './form-errors';

export const TEXT_LIMIT = 5000;
export const SHORT_LIMIT = 200;
/** A tablet's clock may run a little ahead of the server's; the service allows five minutes. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

export type When = { date: string; time: string };

/** Shaped like DeviationCreate where it can be, so the API's error paths land on the form's fields. */
export type ReportFormValues = {
  occurred_at: When;
  discovered_at: When;
  unit: string;
  place: string;
  category: DeviationCategory | '';
  collaboration_party: string;
  what_happened: string;
  immediate_action: string;
  person_id: string;
  consequence: string;
  probability: string;
  is_serious: boolean;
  is_anonymous: boolean;
};

const pad = (n: number) => String(n).padStart(2, '0');

/** Now on the user's clock, as the form shows it. */
export function nowWhen(now: Date = new Date()): When {
  return { date: todayIso(now), time: `${pad(now.getHours())}:${pad(now.getMinutes())}` };
}

export function emptyReport({ unit = '', personId = '', now = new Date() }: { unit?: string; personId?: string; now?: Date } = {}): ReportFormValues {
  const when = nowWhen(now);
  return {
    occurred_at: { ...when },
    discovered_at: { ...when },
    unit,
    place: '',
    category: '',
    collaboration_party: '',
    what_happened: '',
    immediate_action: '',
    person_id: personId,
    consequence: '',
    probability: '',
    is_serious: false,
    is_anonymous: false,
  };
}

/** Every field of the form as it stands, top to bottom (the order of the error summary). */
export function reportFields(values: ReportFormValues): string[] {
  return [
    'occurred_at',
    'occurred_at.date',
    'occurred_at.time',
    'discovered_at',
    'discovered_at.date',
    'discovered_at.time',
    'unit',
    'place',
    'category',
    ...(values.category === 'collaboration' ? ['collaboration_party'] : []),
    'what_happened',
    'immediate_action',
    'consequence',
    'probability',
    'is_serious',
    'is_anonymous',
    'person_id',
  ];
}

const TIME = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `dd.mm.åååå` or `YYYY-MM-DD` and `tt:mm` on the user's clock, as an instant; null when either is not right. */
export function toInstant(when: When): Date | null {
  const date = fromDateText(when.date);
  const time = TIME.exec(when.time.trim());
  if (!isIsoDate(date) || !time) return null;
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, day, Number(time[1]), Number(time[2]));
}

const filled = (value: string) => value.trim() !== '';

const when = z.object({
  date: z.string().refine(filled, 'required').refine((value) => isIsoDate(fromDateText(value)), 'date'),
  time: z.string().refine(filled, 'required').refine((value) => TIME.test(value.trim()), 'time'),
});

const grade = z.string().refine((value) => ['1', '2', '3', '4', '5'].includes(value), 'grade');

/** The client's checks: the few the service also makes, so the report is right before it is sent. */
export function reportSchema(now: () => Date = () => new Date()): z.ZodType<ReportFormValues, ReportFormValues> {
  return z
    .object({
      occurred_at: when,
      discovered_at: when,
      unit: z.string().refine(filled, 'unit'),
      place: z.string().max(SHORT_LIMIT, 'tooLong'),
      category: z.union([z.enum(CATEGORIES as [DeviationCategory, ...DeviationCategory[]]), z.literal('')]).refine((value) => value !== '', 'category'),
      collaboration_party: z.string().max(SHORT_LIMIT, 'tooLong'),
      what_happened: z.string().refine(filled, 'required').max(TEXT_LIMIT, 'tooLong'),
      immediate_action: z.string().max(TEXT_LIMIT, 'tooLong'),
      person_id: z.string().refine((value) => value.trim() === '' || UUID.test(value.trim()), 'personId'),
      consequence: grade,
      probability: grade,
      is_serious: z.boolean(),
      is_anonymous: z.boolean(),
    })
    .superRefine((values, ctx) => {
      const wrong = (path: string[], message: ErrorKey) => ctx.addIssue({ code: 'custom', path, message });
      if (values.category === 'collaboration' && !filled(values.collaboration_party)) wrong(['collaboration_party'], 'collaborationParty');
      if (values.is_anonymous && filled(values.person_id)) wrong(['person_id'], 'anonymousPerson');
      const occurred = toInstant(values.occurred_at);
      const discovered = toInstant(values.discovered_at);
      const latest = now().getTime() + CLOCK_SKEW_MS;
      if (occurred && occurred.getTime() > latest) wrong(['occurred_at'], 'future');
      if (discovered && discovered.getTime() > latest) wrong(['discovered_at'], 'future');
      else if (occurred && discovered && discovered < occurred) wrong(['discovered_at'], 'foundBeforeHappened');
    });
}

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

/** The request body of checked values. */
export function toDeviationCreate(values: ReportFormValues): DeviationCreate {
  const occurred = toInstant(values.occurred_at);
  const discovered = toInstant(values.discovered_at);
  if (!occurred || !discovered || values.category === '') throw new Error('The report was not checked before it was sent');
  return {
    occurred_at: occurred.toISOString(),
    discovered_at: discovered.toISOString(),
    unit: values.unit,
    place: orNull(values.place),
    category: values.category,
    collaboration_party: values.category === 'collaboration' ? orNull(values.collaboration_party) : null,
    what_happened: values.what_happened.trim(),
    immediate_action: orNull(values.immediate_action),
    person_id: values.is_anonymous ? null : orNull(values.person_id),
    consequence: Number(values.consequence),
    probability: Number(values.probability),
    is_serious: values.is_serious,
    is_anonymous: values.is_anonymous,
  };
}

/** The form's own message for a field the API rejected (422). */
export function reportServerErrorKey(path: string): ErrorKey {
  switch (path) {
    case 'occurred_at':
    case 'discovered_at':
      return 'whenRejected';
    case 'unit':
      return 'unit';
    case 'category':
      return 'category';
    case 'collaboration_party':
      return 'collaborationParty';
    case 'person_id':
      return 'anonymousPerson';
    case 'consequence':
    case 'probability':
      return 'grade';
    default:
      return 'invalid';
  }
}
