import { afterEach, describe, expect, it, vi } from 'vitest';

import { jsonResponse, stubApi } from '@/test/render';

import { intakePersonOrNull, isSearchable, personsServedByMyUnits, searchIntakePersons } from './person-lookup';

const person = (id: string, given_name: string, family_name: string) => ({
  id,
  given_name,
  family_name,
  birth_date: '1940-05-01',
  national_id_masked: '010540*****',
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('person lookup through intake', () => {
  it('asks only from two characters', () => {
    expect(isSearchable(' a ')).toBe(false);
    expect(isSearchable('ås')).toBe(true);
  });

  it('finds the persons served by the caller’s units by name, accents folded, each once, sorted, over the pages', async () => {
    const fetchMock = stubApi({
      'GET /api/intake/v1/decisions': (request) =>
        new URL(request.url).searchParams.get('cursor')
          ? jsonResponse({ items: [{ person: person('p3', 'Åse', 'Berg') }], next_cursor: null })
          : jsonResponse({ items: [{ person: person('p1', 'Åse', 'Nordli') }, { person: person('p2', 'Per', 'Hansen') }, { person: person('p1', 'Åse', 'Nordli') }], next_cursor: 'next' }),
    });
    const found = await personsServedByMyUnits('ase', new AbortController().signal);
    expect(found.map((p) => p.name)).toEqual(['Åse Berg', 'Åse Nordli']);
    expect(found[0]).toEqual({ id: 'p3', name: 'Åse Berg', birth_date: '1940-05-01', national_id_masked: '010540*****' });
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('uses intake’s search for the roles that may search, and gives null for a person intake does not show', async () => {
    stubApi({
      'GET /api/intake/v1/persons': (request) => {
        expect(new URL(request.url).searchParams.get('q')).toBe('Nordli');
        return jsonResponse({ items: [person('p1', 'Åse', 'Nordli')], next_cursor: null });
      },
      'GET /api/intake/v1/persons/p1': () => jsonResponse(person('p1', 'Åse', 'Nordli')),
    });
    expect((await searchIntakePersons(' Nordli ', new AbortController().signal)).map((p) => p.name)).toEqual(['Åse Nordli']);
    expect((await intakePersonOrNull('p1', new AbortController().signal))?.name).toBe('Åse Nordli');
    expect(await intakePersonOrNull('p9', new AbortController().signal)).toBeNull();
  });
});
