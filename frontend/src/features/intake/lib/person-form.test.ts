import { describe, expect, it } from 'vitest';

import { emptyPerson, emptyRelative, isPhoneNumber, personServerErrorKey, validatePerson } from './person-form';

describe('person form', () => {
  it('takes Norwegian numbers of 8 digits and foreign ones with + and the country code', () => {
    for (const number of ['900 00 000', '22 22 22 22', '+47 900 00 000', '0047 90000000', '+46 70 123 45 67', '0046-70-1234567', '+1 (202) 555-0142']) {
      expect(isPhoneNumber(number), number).toBe(true);
    }
    for (const number of ['1234', '900 00 0000', '+47 123', '+1', '+0 123 456 789', 'ring meg', '+46 70 123 45 67 89 01 23']) {
      expect(isPhoneNumber(number), number).toBe(false);
    }
  });

  it('names the phone rule at each phone field, and the rest as before', () => {
    const values = {
      ...emptyPerson(),
      national_id: '1234',
      given_name: 'Kari',
      family_name: ' ',
      phone: '123',
      gp: { name: '', practice: '', phone: '+47 900 00 000' },
      relatives: [{ ...emptyRelative(), name: 'Ola', relation: 'sønn', phone: '12', email: 'ola@' }],
    };
    expect(validatePerson(values)).toEqual({
      national_id: 'nationalIdDigits',
      family_name: 'required',
      phone: 'phone',
      'gp.name': 'gpName',
      'relatives.0.phone': 'phone',
      'relatives.0.email': 'email',
    });
    expect(validatePerson({ ...emptyPerson(), national_id: '158544 12345', given_name: 'Kari', family_name: 'Nordmann', phone: '+46 70 123 45 67' })).toEqual({});
    expect(personServerErrorKey('relatives.2.phone')).toBe('phone');
  });
});
