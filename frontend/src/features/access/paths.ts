/** The leader's review of emergency accesses and unusual reading. */
export const ACCESS_REVIEW_PATH = '/tilgang/nodtilgang';

/** Intake's person page (the route is intake's; the address is the app's). */
export function personPath(id: string): string {
  return `/personer/${encodeURIComponent(id)}`;
}
