/**
 * Finding a person in intake from another feature's form (reporting a need for coordination,
 * referring to welfare technology): by intake's search for its case roles, or among the persons
 * the caller's units deliver decided services to (helsepersonell: intake lists only their
 * units' decisions; its free search is for case roles, not for referrers).
 */
import { collectPages, intakeClient, unwrap } from './api-client';

/** A person to choose, as intake shows them (national id masked). */
export type PersonChoice = { id: string; name: string; birth_date: string; national_id_masked: string };

const SEARCH_LIMIT = 10;
const SERVED_PAGES = 4;

/** A query worth sending: two characters or more. */
export function isSearchable(q: string): boolean {
  return q.trim().length >= 2;
}

const fold = (value: string) =>
  value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLocaleLowerCase('nb');

type IntakePerson = { id: string; given_name: string; family_name: string; birth_date: string; national_id_masked: string };

function choiceOf(person: IntakePerson): PersonChoice {
  return { id: person.id, name: `${person.given_name} ${person.family_name}`, birth_date: person.birth_date, national_id_masked: person.national_id_masked };
}

/** Intake's person search (name or national id), for the roles that may search. */
export async function searchIntakePersons(q: string, signal: AbortSignal): Promise<PersonChoice[]> {
  const page = await unwrap(intakeClient.GET('/api/intake/v1/persons', { params: { query: { q: q.trim(), limit: SEARCH_LIMIT } }, signal }));
  return page.items.map(choiceOf);
}

/** The persons whose decisions the caller may read (their units' services), matching `q` by name, accents folded. */
export async function personsServedByMyUnits(q: string, signal: AbortSignal): Promise<PersonChoice[]> {
  const decisions = await collectPages(
    (cursor) => unwrap(intakeClient.GET('/api/intake/v1/decisions', { params: { query: { limit: 500, cursor } }, signal })),
    SERVED_PAGES,
  );
  const wanted = fold(q.trim());
  const persons = new Map<string, PersonChoice>();
  for (const { person } of decisions) {
    const choice = choiceOf(person);
    if (!persons.has(person.id) && fold(choice.name).includes(wanted)) persons.set(person.id, choice);
  }
  return [...persons.values()].sort((a, b) => a.name.localeCompare(b.name, 'nb')).slice(0, SEARCH_LIMIT);
}

/** One person by id, or null when intake does not show them to the caller. */
export async function intakePersonOrNull(id: string, signal: AbortSignal): Promise<PersonChoice | null> {
  try {
    return choiceOf(await unwrap(intakeClient.GET('/api/intake/v1/persons/{person_id}', { params: { path: { person_id: id } }, signal })));
  } catch {
    return null;
  }
}
