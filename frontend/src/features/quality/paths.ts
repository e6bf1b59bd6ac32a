export const QUALITY_PATH = '/avvik';
export const NEW_DEVIATION_PATH = `${QUALITY_PATH}/ny`;
export const QUEUE_PATH = `${QUALITY_PATH}/behandling`;
export const COMMITTEE_PATH = `${QUALITY_PATH}/kvalitetsutvalg`;
export const STATISTICS_PATH = `${QUALITY_PATH}/statistikk`;

export function deviationPath(id: string): string {
  return `${QUALITY_PATH}/${encodeURIComponent(id)}`;
}

/** The quality system: ROS, procedures, internal audits and supervision. */
export const SYSTEM_PATH = '/kvalitet';
export const ROS_PATH = `${SYSTEM_PATH}/ros`;
export const PROCEDURES_PATH = `${SYSTEM_PATH}/prosedyrer`;
export const NEW_PROCEDURE_PATH = `${PROCEDURES_PATH}/ny`;
export const AUDITS_PATH = `${SYSTEM_PATH}/internrevisjon`;
export const SUPERVISION_PATH = `${SYSTEM_PATH}/tilsyn`;

export const rosPath = (id: string) => `${ROS_PATH}/${encodeURIComponent(id)}`;
export const procedurePath = (id: string) => `${PROCEDURES_PATH}/${encodeURIComponent(id)}`;
export const auditPath = (id: string) => `${AUDITS_PATH}/${encodeURIComponent(id)}`;
export const findingPath = (id: string) => `${SUPERVISION_PATH}/${encodeURIComponent(id)}`;

// --- surveys ---
export const SURVEYS_PATH = `${QUALITY_PATH}/undersokelser`;
export const NEW_SURVEY_PATH = `${SURVEYS_PATH}/ny`;
export const surveyPath = (id: string) => `${SURVEYS_PATH}/${encodeURIComponent(id)}`;
export const surveyEditPath = (id: string) => `${surveyPath(id)}/endre`;
/** The public answering page (no sign-in): the municipality, then the link's token or a single-use code. */
export const ANSWER_PATH = '/svar/:municipality/:token';
