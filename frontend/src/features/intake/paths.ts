export const PERSONS_PATH = '/personer';
export const NEW_PERSON_PATH = `${PERSONS_PATH}/ny`;

export function personPath(id: string): string {
  return `${PERSONS_PATH}/${encodeURIComponent(id)}`;
}

export function newApplicationPath(personId: string): string {
  return `${personPath(personId)}/soknad/ny`;
}
