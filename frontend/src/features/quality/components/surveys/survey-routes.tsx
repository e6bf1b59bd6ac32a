import type { RouteObject } from 'react-router';

import { ANSWER_PATH, NEW_SURVEY_PATH, SURVEYS_PATH } from '../../paths';

import { AnswerPage } from './answer-page';
import { SurveyEditPage, SurveyFormPage } from './survey-form-page';
import { SurveyPage } from './survey-page';
import { SurveysPage } from './surveys-page';

/** The surveys' pages for the leader and the quality lead, inside the signed-in layout. */
export const surveyRoutes: RouteObject[] = [
  { path: SURVEYS_PATH, element: <SurveysPage /> },
  { path: NEW_SURVEY_PATH, element: <SurveyFormPage /> },
  { path: `${SURVEYS_PATH}/:id`, element: <SurveyPage /> },
  { path: `${SURVEYS_PATH}/:id/endre`, element: <SurveyEditPage /> },
];

/** The answering page, open without signing in. */
export const surveyPublicRoutes: RouteObject[] = [{ path: ANSWER_PATH, element: <AnswerPage /> }];
