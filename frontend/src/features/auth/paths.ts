export const SIGN_IN_PATH = '/logg-inn';
/** The public technology catalogue (welfare technology's page, open without signing in): `/teknologikatalog/3207`. */
export const publicCataloguePath = (municipality: string) => `/teknologikatalog/${encodeURIComponent(municipality)}`;
