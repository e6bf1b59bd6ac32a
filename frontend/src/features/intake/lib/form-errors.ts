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
  'wholeNumber',
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

/** The allowed range of a number field, for the message that names it («et tall fra 0 til 168»). */
export type NumberRange = { min: number; max: number };

/** The message's values for a number field's range (empty when the field has none). */
export function rangeValues(range: NumberRange | undefined, locale: string): { min: string; max: string } {
  const format = (value: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
  return range ? { min: format(range.min), max: format(range.max) } : { min: '', max: '' };
}

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
