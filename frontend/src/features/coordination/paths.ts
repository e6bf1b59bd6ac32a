export const COORDINATION_PATH = '/koordinering';
export const PLANS_PATH = `${COORDINATION_PATH}/planer`;
export const COORDINATION_WORKLIST_PATH = `${COORDINATION_PATH}/arbeidsliste`;

export function planPath(id: string): string {
  return `${PLANS_PATH}/${encodeURIComponent(id)}`;
}

export function planPrintPath(id: string): string {
  return `${planPath(id)}/utskrift`;
}
