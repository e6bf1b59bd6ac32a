import { Card, Details, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { CheckmarkIcon, XMarkIcon } from '@navikt/aksel-icons';
import { useTranslation } from 'react-i18next';

import { Localized } from '@/components/localized/localized';
import { useLocalize } from '@/lib/i18n';

import type { Suggestion } from '../../api/types';
import { describeReason, type MetricLabel, type Reason } from '../../lib/describe-reason';

import styles from './suggestion-list.module.css';

type Props = { suggestions: Suggestion[]; metrics: MetricLabel[]; current?: string };

/**
 * What the assessment suggests, lowest step first; the lowest fitting level stands out, each with
 * its reasons in words. Services whose criteria are not met (other than the one the decision is
 * about) fold away, so the list stays short.
 */
export function SuggestionList({ suggestions, metrics, current }: Props) {
  const { t } = useTranslation();
  const sorted = [...suggestions].sort((a, b) => a.care_level_rank - b.care_level_rank);
  const shown = sorted.filter((item) => item.met !== false || item.service_type === current);
  const rest = sorted.filter((item) => !shown.includes(item));
  return (
    <>
      <SuggestionItems suggestions={shown} metrics={metrics} current={current} />
      {rest.length > 0 ? (
        <Details>
          <Details.Summary>{t('intake.decisionForm.notMetList', { count: rest.length })}</Details.Summary>
          <Details.Content>
            <SuggestionItems suggestions={rest} metrics={metrics} current={current} />
          </Details.Content>
        </Details>
      ) : null}
    </>
  );
}

function SuggestionItems({ suggestions, metrics, current }: Props) {
  const { t } = useTranslation();
  const { language } = useLocalize();
  return (
    <ul className={styles.list} data-testid="suggestions">
      {suggestions.map((suggestion) => (
        <li key={suggestion.service_type}>
          <Card
            className={suggestion.lowest ? `${styles.card} ${styles.lowest}` : styles.card}
            data-color={suggestion.lowest ? 'success' : 'neutral'}
            data-testid="suggestion"
            data-lowest={suggestion.lowest || undefined}
          >
            <div className={styles.top}>
              <Heading level={3} data-size="2xs">
                <Localized text={suggestion.name} />
                <span className={styles.level}> · {t('intake.decisionForm.level', { rank: suggestion.care_level_rank })}</span>
              </Heading>
              <div className={styles.tags}>
                {suggestion.lowest ? (
                  <Tag data-color="success" data-size="sm">
                    {t('intake.decisionForm.lowest')}
                  </Tag>
                ) : null}
                {suggestion.service_type === current ? (
                  <Tag data-color="info" data-size="sm">
                    {t('intake.decisionForm.service')}
                  </Tag>
                ) : null}
              </div>
            </div>
            <Paragraph data-size="sm">
              {suggestion.met === true
                ? t('intake.decisionForm.met')
                : suggestion.met === null
                  ? t('intake.decisionForm.noCriteria')
                  : t('intake.decisionForm.notMet')}
            </Paragraph>
            {suggestion.reasons.length > 0 ? (
              <ul className={styles.reasons}>
                {suggestion.reasons.map((reason, index) => {
                  const met = (reason as Reason).met === true;
                  return (
                    <li key={index} className={styles.reason}>
                      {met ? (
                        <CheckmarkIcon aria-hidden className={styles.met} fontSize="1.25em" />
                      ) : (
                        <XMarkIcon aria-hidden className={styles.notMet} fontSize="1.25em" />
                      )}
                      <span>
                        <span className={styles.visuallyHidden}>
                          {met ? t('intake.decisionForm.reasonMet') : t('intake.decisionForm.reasonNotMet')}:{' '}
                        </span>
                        {describeReason(reason, metrics, t, language)}
                      </span>
                    </li>
                  );
                })}
              </ul>
            ) : null}
          </Card>
        </li>
      ))}
    </ul>
  );
}
