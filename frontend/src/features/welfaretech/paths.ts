export const WELFARETECH_PATH = '/velferdsteknologi';
export const INVENTORY_PATH = `${WELFARETECH_PATH}/utstyr`;
export const DASHBOARD_PATH = `${WELFARETECH_PATH}/gevinster`;
/** Referring a person to the team (helsepersonell). */
export const REFER_PATH = `${WELFARETECH_PATH}/henvis`;
/** The public catalogue, open without signing in: `/teknologikatalog/3207`. */
export const PUBLIC_CATALOGUE_PATH = '/teknologikatalog';

const enc = encodeURIComponent;
export const referralAssessmentPath = (referralId: string) => `${WELFARETECH_PATH}/henvisninger/${enc(referralId)}/kartlegging`;
export const assessmentPath = (id: string) => `${WELFARETECH_PATH}/kartlegginger/${enc(id)}`;
export const newLoanPath = (assessmentId: string, recommendationId: string) =>
  `${assessmentPath(assessmentId)}/anbefalinger/${enc(recommendationId)}/utlan`;
export const legalDecisionPath = (assessmentId: string, decisionId: string) => `${assessmentPath(assessmentId)}/vedtak/${enc(decisionId)}`;
export const loanPath = (id: string) => `${WELFARETECH_PATH}/utlan/${enc(id)}`;
export const publicCataloguePath = (municipality: string) => `${PUBLIC_CATALOGUE_PATH}/${enc(municipality)}`;
