import { Link, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';

import { FormSection } from '@/components/form-section/form-section';
import { useSession } from '@/lib/auth';
import { formatShortDate } from '@/lib/dates';
import { pickLocalized, useLocalize } from '@/lib/i18n';

import type { DeviationReferencesRead } from '../../api/system';
import type { DeviationRead } from '../../api/types';
import { canHandleDeviations } from '../../lib/permissions';
import { surveyPath } from '../../paths';
import styles from '../quality-system/quality-system.module.css';

/**
 * What the deviation points at: the survey answer it was raised from, and the decision (intake),
 * plan (coordination) or device loan (welfaretech) named when it was reported, each with whether
 * the owning service confirmed it.
 */
export function DeviationLinks({ deviation, references }: { deviation: DeviationRead; references: DeviationReferencesRead | undefined }) {
  const { t } = useTranslation();
  const { language } = useLocalize();
  const session = useSession();
  const answer = references?.survey_answer ?? null;
  if (!answer && deviation.links.length === 0) return null;
  const toSurvey = session ? canHandleDeviations(session.user.roles) : false;
  return (
    <FormSection heading={t('quality.deviation.linksHeading')} headingId="links-heading">
      <dl className={styles.facts} data-testid="deviation-links">
        {answer ? (
          <div className={styles.fact} data-testid="survey-answer-link">
            <dt>{t('quality.deviation.link.survey_answer')}</dt>
            <dd>
              {toSurvey ? (
                <Link asChild>
                  <RouterLink to={surveyPath(answer.survey_id)}>{pickLocalized(answer.survey_title, language).value}</RouterLink>
                </Link>
              ) : (
                pickLocalized(answer.survey_title, language).value
              )}
              {` · ${t('quality.deviation.answeredOn', { date: formatShortDate(answer.answered_on, language) })}`}
            </dd>
          </div>
        ) : null}
        {deviation.links.map((link) => (
          <div className={styles.fact} key={`${link.kind}-${link.target_id}`}>
            <dt>{t(`quality.deviation.link.${link.kind}`)}</dt>
            <dd>
              <span className={styles.inline}>
                <code>{link.target_id}</code>
                <Tag data-color={link.status === 'verified' ? 'success' : 'warning'} data-size="sm">
                  {t(`quality.deviation.linkStatus.${link.status}`)}
                </Tag>
              </span>
            </dd>
          </div>
        ))}
      </dl>
    </FormSection>
  );
}
