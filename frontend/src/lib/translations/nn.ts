// The nn translation: one namespace whose top-level keys are the features (a chunk of its own, loaded when chosen).
import access from '../../locales/nn/access.json';
import auth from '../../locales/nn/auth.json';
import catalogue from '../../locales/nn/catalogue.json';
import common from '../../locales/nn/common.json';
import coordination from '../../locales/nn/coordination.json';
import intake from '../../locales/nn/intake.json';
import quality from '../../locales/nn/quality.json';
import welfaretech from '../../locales/nn/welfaretech.json';

export const translation = { ...common, access, auth, catalogue, intake, quality, welfaretech, coordination };
