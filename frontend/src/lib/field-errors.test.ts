import { describe, expect, it } from 'vitest';

import { closestField, fieldId, inFormOrder, matchFieldErrors, toFieldPath } from './field-errors';
import { ApiProblem, NetworkError } from './problem';

const validation = (errors: { field: string; message: string }[]) =>
  new ApiProblem(422, { type: 'https://mestring.no/problems/validation', title: 'The request breaks a rule', status: 422, errors });

describe('toFieldPath', () => {
  it('drops the body prefix and keeps nested and indexed paths', () => {
    expect(toFieldPath('body.national_id')).toBe('national_id');
    expect(toFieldPath('body.address.postcode')).toBe('address.postcode');
    expect(toFieldPath('body.relatives.0.name')).toBe('relatives.0.name');
  });

  it('has no form field for headers, the query or the body as a whole', () => {
    expect(toFieldPath('header.Idempotency-Key')).toBeNull();
    expect(toFieldPath('query.limit')).toBeNull();
    expect(toFieldPath('body')).toBeNull();
  });
});

describe('closestField', () => {
  const fields = ['services', 'services.0.note', 'national_id', 'relatives.0.name'];

  it('picks the field itself, or the deepest field the path lies inside', () => {
    expect(closestField('national_id', fields)).toBe('national_id');
    expect(closestField('services.0.service_type', fields)).toBe('services');
    expect(closestField('services.0.note', fields)).toBe('services.0.note');
  });

  it('does not confuse a field with another that shares its beginning', () => {
    expect(closestField('national_id_extra', fields)).toBeNull();
    expect(closestField('relatives.10.name', fields)).toBeNull();
  });
});

describe('matchFieldErrors', () => {
  it('puts a wrong check digit at the national id input', () => {
    const error = validation([{ field: 'body.national_id', message: 'The check digits are wrong' }]);
    const { byField, unmatched } = matchFieldErrors(error, ['national_id', 'given_name']);
    expect(Object.keys(byField)).toEqual(['national_id']);
    expect(byField.national_id?.message).toBe('The check digits are wrong');
    expect(unmatched).toEqual([]);
  });

  it('places errors in repeated groups and keeps only the first per field', () => {
    const error = validation([
      { field: 'body.relatives.1.name', message: 'String should have at least 1 character' },
      { field: 'body.relatives.1.name', message: 'second' },
      { field: 'body.services.0.service_type', message: 'The municipality has no service type' },
    ]);
    const { byField } = matchFieldErrors(error, ['relatives.0.name', 'relatives.1.name', 'services']);
    expect(byField['relatives.1.name']?.message).toBe('String should have at least 1 character');
    expect(byField.services?.message).toMatch(/no service type/);
  });

  it('leaves what no field can show for the form to report as a whole', () => {
    const error = validation([
      { field: 'header.Idempotency-Key', message: 'Must be 1 to 200 characters' },
      { field: 'body.assessment_unit', message: 'too long' },
    ]);
    const { byField, unmatched } = matchFieldErrors(error, ['services']);
    expect(byField).toEqual({});
    expect(unmatched.map((e) => e.field)).toEqual(['header.Idempotency-Key', 'body.assessment_unit']);
  });

  it('finds nothing in errors that are not problems with field errors', () => {
    expect(matchFieldErrors(new NetworkError(), ['a'])).toEqual({ byField: {}, unmatched: [] });
    expect(matchFieldErrors(new ApiProblem(409, { status: 409 }), ['a'])).toEqual({ byField: {}, unmatched: [] });
  });
});

describe('fieldId and inFormOrder', () => {
  it('names inputs by form and path, and lists errors in the order of the form', () => {
    expect(fieldId('person', 'relatives.0.name')).toBe('person-relatives-0-name');
    expect(inFormOrder({ family_name: 'b', national_id: 'a' }, ['national_id', 'given_name', 'family_name'])).toEqual([
      ['national_id', 'a'],
      ['family_name', 'b'],
    ]);
  });
});
