export const QUALITY_PATH = '/avvik';
export const NEW_DEVIATION_PATH = `${QUALITY_PATH}/ny`;
export const QUEUE_PATH = `${QUALITY_PATH}/behandling`;
export const COMMITTEE_PATH = `${QUALITY_PATH}/kvalitetsutvalg`;
export const STATISTICS_PATH = `${QUALITY_PATH}/statistikk`;

export function deviationPath(id: string): string {
  return `${QUALITY_PATH}/${encodeURIComponent(id)}`;
}

// --- surveys ---
export const SURVEYS_PATH = `${QUALITY_PATH}/undersokelser`;
export const NEW_SURVEY_PATH = `${SURVEYS_PATH}/ny`;
export const surveyPath = (id: string) => `${SURVEYS_PATH}/${encodeURIComponent(id)}`;
/** The public answering page (no sign-in): the municipality, then the link's token or a single-use code. */
export const ANSWER_PATH = '/svar/:municipality/:token';
