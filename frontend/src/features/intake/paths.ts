export const PERSONS_PATH = '/personer';
export const NEW_PERSON_PATH = `${PERSONS_PATH}/ny`;
export const DECISIONS_PATH = '/vedtak';
export const WORKLIST_PATH = '/arbeidsliste';
export const WAITING_LIST_PATH = '/venteliste';
export const SETTINGS_PATH = '/innstillinger';

export function personPath(id: string): string {
  return `${PERSONS_PATH}/${encodeURIComponent(id)}`;
}

export function editPersonPath(id: string): string {
  return `${personPath(id)}/endre`;
}

export function newApplicationPath(personId: string): string {
  return `${personPath(personId)}/soknad/ny`;
}

export function assessmentPath(personId: string, applicationId: string): string {
  return `${personPath(personId)}/soknad/${encodeURIComponent(applicationId)}/kartlegging`;
}

export function savedAssessmentsPath(personId: string, applicationId: string): string {
  return `${personPath(personId)}/soknad/${encodeURIComponent(applicationId)}/kartlegginger`;
}

export function newDecisionPath(personId: string, applicationId: string, serviceType?: string): string {
  const base = `${personPath(personId)}/soknad/${encodeURIComponent(applicationId)}/vedtak/ny`;
  return serviceType ? `${base}?tjeneste=${encodeURIComponent(serviceType)}` : base;
}

export function decisionPath(id: string): string {
  return `${DECISIONS_PATH}/${encodeURIComponent(id)}`;
}

export function editDecisionPath(id: string): string {
  return `${decisionPath(id)}/endre`;
}
