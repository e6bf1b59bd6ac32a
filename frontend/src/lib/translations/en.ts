// The en translation: one namespace whose top-level keys are the features (a chunk of its own, loaded when chosen).
import access from '../../locales/en/access.json';
import auth from '../../locales/en/auth.json';
import catalogue from '../../locales/en/catalogue.json';
import common from '../../locales/en/common.json';
import coordination from '../../locales/en/coordination.json';
import intake from '../../locales/en/intake.json';
import quality from '../../locales/en/quality.json';
import welfaretech from '../../locales/en/welfaretech.json';

export const translation = { ...common, access, auth, catalogue, intake, quality, welfaretech, coordination };
