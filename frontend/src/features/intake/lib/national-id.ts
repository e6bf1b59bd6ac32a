/** Fødselsnummer and D-nummer as typed: spaces and dots are allowed while typing, 11 digits are sent. */
export function compactNationalId(value: string): string {
  return value.replace(/[\s.-]/g, '');
}

export function hasElevenDigits(value: string): boolean {
  return /^\d{11}$/.test(compactNationalId(value));
}

/** «15058912345» → «150589 12345»: birth date, then the personal number. */
export function formatNationalId(value: string): string {
  return /^\d{11}$/.test(value) ? `${value.slice(0, 6)} ${value.slice(6)}` : value;
}
