import type { RouteObject } from 'react-router';

import { loadLanguage } from '@/lib/i18n';
import { lazyComponent } from '@/lib/lazy-component';

import { ANSWER_PATH, NEW_SURVEY_PATH, SURVEYS_PATH } from '../../paths';

const AnswerPage = lazyComponent(() => import('./answer-page'), 'AnswerPage');
const SurveyEditPage = lazyComponent(() => import('./survey-form-page'), 'SurveyEditPage');
// A new survey starts with the standard questions in bokmål and nynorsk, so nynorsk's texts load with the page.
const SurveyFormPage = lazyComponent(() => Promise.all([import('./survey-form-page'), loadLanguage('nn')]).then(([page]) => page), 'SurveyFormPage');
const SurveyPage = lazyComponent(() => import('./survey-page'), 'SurveyPage');
const SurveysPage = lazyComponent(() => import('./surveys-page'), 'SurveysPage');

/** The surveys' pages for the leader and the quality lead, inside the signed-in layout. */
export const surveyRoutes: RouteObject[] = [
  { path: SURVEYS_PATH, element: <SurveysPage /> },
  { path: NEW_SURVEY_PATH, element: <SurveyFormPage /> },
  { path: `${SURVEYS_PATH}/:id`, element: <SurveyPage /> },
  { path: `${SURVEYS_PATH}/:id/endre`, element: <SurveyEditPage /> },
];

/** The answering page, open without signing in. */
export const surveyPublicRoutes: RouteObject[] = [{ path: ANSWER_PATH, element: <AnswerPage /> }];
