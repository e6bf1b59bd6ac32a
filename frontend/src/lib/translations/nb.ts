// The nb translation: one namespace whose top-level keys are the features (loaded with the app).
import access from '../../locales/nb/access.json';
import auth from '../../locales/nb/auth.json';
import catalogue from '../../locales/nb/catalogue.json';
import common from '../../locales/nb/common.json';
import coordination from '../../locales/nb/coordination.json';
import intake from '../../locales/nb/intake.json';
import quality from '../../locales/nb/quality.json';
import welfaretech from '../../locales/nb/welfaretech.json';

export const translation = { ...common, access, auth, catalogue, intake, quality, welfaretech, coordination };
