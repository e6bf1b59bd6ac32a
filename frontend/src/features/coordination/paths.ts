export const COORDINATION_PATH = '/koordinering';
export const PLANS_PATH = `${COORDINATION_PATH}/planer`;
export const COORDINATION_WORKLIST_PATH = `${COORDINATION_PATH}/arbeidsliste`;
export const COORDINATION_OVERVIEW_PATH = `${COORDINATION_PATH}/oversikt`;
export const REPORT_NEED_PATH = `${COORDINATION_PATH}/meld-behov`;

/** The report form with the person chosen (from a page about the person). */
export function reportNeedPath(personId: string): string {
  return `${REPORT_NEED_PATH}?person=${encodeURIComponent(personId)}`;
}

export function planPath(id: string): string {
  return `${PLANS_PATH}/${encodeURIComponent(id)}`;
}

export function planPrintPath(id: string): string {
  return `${planPath(id)}/utskrift`;
}

/** The person's own view of the plan (read-only, plain language, printable). */
export function myPlanPath(id: string): string {
  return `${planPath(id)}/min-plan`;
}
