export const SIGN_IN_PATH = '/logg-inn';
