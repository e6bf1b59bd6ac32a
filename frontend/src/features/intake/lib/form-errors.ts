/** The messages intake's forms can show at a field; each is `intake.errors.<key>` in the locales. */
export const ERROR_KEYS = [
  'required',
  'invalid',
  'tooLong',
  'nationalIdDigits',
  'nationalIdInvalid',
  'nationalIdExists',
  'postcode',
  'email',
  'phone',
  'gpName',
  'validTo',
  'representativeKind',
  'services',
  'tooManyServices',
  'unknownService',
  'receivedOn',
  'receivedOnFuture',
  'goals',
  'score',
  'assessedOn',
  'number',
  'date',
  'reviewOn',
  'endsOn',
  'scopeAmount',
  'contact',
  'lowerLevels',
  'serviceNotApplied',
  'decisionExists',
  'diagnosisCode',
  'endsBeforeStart',
  'receivedBeforeSent',
  'reviewBeforeStart',
  'future',
  'bpaHoursParts',
  'bpaHoursMissing',
  'interimBeforeReceived',
  'expectedAfterSent',
] as const;
export type ErrorKey = (typeof ERROR_KEYS)[number];

/** Field path → what is wrong with it. */
export type FormErrors = Record<string, ErrorKey>;

/** The number of a repeated group a path lies in (`relatives.1.name` → 2), for «pårørende 2». */
export function groupNumber(path: string): number | undefined {
  const index = path.split('.')[1];
  return index !== undefined && /^\d+$/.test(index) ? Number(index) + 1 : undefined;
}

/** The last segment of a path: `relatives.1.name` → `name`. */
export function leaf(path: string): string {
  const parts = path.split('.');
  return parts[parts.length - 1] ?? path;
}
