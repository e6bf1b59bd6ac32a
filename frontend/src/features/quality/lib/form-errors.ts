/** The messages quality's forms show at a field; each is `quality.errors.<key>` in the locales. */
export const ERROR_KEYS = [
  'required',
  'invalid',
  'tooLong',
  'date',
  'time',
  'future',
  'foundBeforeHappened',
  'whenRejected',
  'unit',
  'category',
  'collaborationParty',
  'personId',
  'anonymousPerson',
  'grade',
  'directCause',
  'duePast',
] as const;
export type ErrorKey = (typeof ERROR_KEYS)[number];

export const isErrorKey = (value: unknown): value is ErrorKey => typeof value === 'string' && (ERROR_KEYS as readonly string[]).includes(value);
