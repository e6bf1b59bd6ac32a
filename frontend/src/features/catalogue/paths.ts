export const CATALOGUE_PATH = '/tjenester';

export function serviceTypePath(code: string): string {
  return `${CATALOGUE_PATH}/${encodeURIComponent(code)}`;
}
