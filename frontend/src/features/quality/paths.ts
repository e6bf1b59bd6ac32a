export const QUALITY_PATH = '/avvik';
export const NEW_DEVIATION_PATH = `${QUALITY_PATH}/ny`;
export const QUEUE_PATH = `${QUALITY_PATH}/behandling`;
export const COMMITTEE_PATH = `${QUALITY_PATH}/kvalitetsutvalg`;
export const STATISTICS_PATH = `${QUALITY_PATH}/statistikk`;

export function deviationPath(id: string): string {
  return `${QUALITY_PATH}/${encodeURIComponent(id)}`;
}
