import { Card, Details, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { CheckmarkIcon, XMarkIcon } from '@navikt/aksel-icons';
import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

import { Localized } from '@/components/localized/localized';
import { VisuallyHidden } from '@/components/visually-hidden/visually-hidden';
import { useLocalize } from '@/lib/i18n';

import { serviceTypeDetailQuery } from '../../api/get-service-type';
import type { Suggestion } from '../../api/types';
import { describeReason, type MetricLabel, type Reason } from '../../lib/describe-reason';
import { groupReasons, lowestFitting, verdictOf } from '../../lib/suggestions';

import styles from './suggestion-list.module.css';

type Props = { suggestions: Suggestion[]; metrics: MetricLabel[]; current?: string | undefined };
type ItemsProps = Props & { lowest: string | undefined; conditions: Record<string, readonly unknown[] | undefined> };

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
  const lowest = lowestFitting(sorted);
  // The criteria as the catalogue writes them, to show «one of these» groups as groups.
  const details = useQueries({ queries: sorted.map((item) => serviceTypeDetailQuery(item.service_type)) });
  const conditions = Object.fromEntries(sorted.map((item, index) => [item.service_type, details[index]?.data?.current_criteria?.conditions]));
  const common = { metrics, current, lowest, conditions };
  return (
    <>
      <SuggestionItems suggestions={shown} {...common} />
      {rest.length > 0 ? (
        <Details>
          <Details.Summary>{t('intake.decisionForm.notMetList', { count: rest.length })}</Details.Summary>
          <Details.Content>
            <SuggestionItems suggestions={rest} {...common} />
          </Details.Content>
        </Details>
      ) : null}
    </>
  );
}

function ReasonLine({ reason, metrics }: { reason: Reason; metrics: MetricLabel[] }) {
  const { t } = useTranslation();
  const { language } = useLocalize();
  const met = reason.met === true;
  return (
    <span className={styles.reason}>
      {met ? <CheckmarkIcon aria-hidden className={styles.met} fontSize="1.25em" /> : <XMarkIcon aria-hidden className={styles.notMet} fontSize="1.25em" />}
      <span>
        <VisuallyHidden>{met ? t('intake.decisionForm.reasonMet') : t('intake.decisionForm.reasonNotMet')}: </VisuallyHidden>
        {describeReason(reason, metrics, t, language)}
      </span>
    </span>
  );
}

function SuggestionItems({ suggestions, metrics, current, lowest, conditions }: ItemsProps) {
  const { t } = useTranslation();
  return (
    <ul className={styles.list} data-testid="suggestions">
      {suggestions.map((suggestion) => {
        const isLowest = suggestion.service_type === lowest;
        const groups = groupReasons(suggestion.reasons, conditions[suggestion.service_type]);
        return (
          <li key={suggestion.service_type}>
            <Card
              className={isLowest ? `${styles.card} ${styles.lowest}` : styles.card}
              data-color={isLowest ? 'success' : 'neutral'}
              data-testid="suggestion"
              data-lowest={isLowest || undefined}
            >
              <div className={styles.top}>
                <Heading level={3} data-size="2xs">
                  <Localized text={suggestion.name} />
                  <span className={styles.level}> · {t('intake.decisionForm.level', { rank: suggestion.care_level_rank })}</span>
                </Heading>
                <div className={styles.tags}>
                  {isLowest ? (
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
              <Paragraph data-size="sm" data-testid="verdict">
                {t(`intake.decisionForm.verdict.${verdictOf(suggestion)}`)}
              </Paragraph>
              {groups.length > 0 ? (
                <ul className={styles.reasons}>
                  {groups.map((group, index) =>
                    group.kind === 'one' ? (
                      <li key={index}>
                        <ReasonLine reason={group.reason} metrics={metrics} />
                      </li>
                    ) : (
                      <li key={index} className={styles.anyGroup} data-testid="any-group">
                        <span className={styles.reason}>
                          {group.met ? (
                            <CheckmarkIcon aria-hidden className={styles.met} fontSize="1.25em" />
                          ) : (
                            <XMarkIcon aria-hidden className={styles.notMet} fontSize="1.25em" />
                          )}
                          <span>
                            <VisuallyHidden>{group.met ? t('intake.decisionForm.reasonMet') : t('intake.decisionForm.reasonNotMet')}: </VisuallyHidden>
                            {t('intake.decisionForm.anyOf', { count: group.reasons.length })}
                          </span>
                        </span>
                        <ul className={styles.reasons}>
                          {group.reasons.map((reason, inner) => (
                            <li key={inner}>
                              <ReasonLine reason={reason} metrics={metrics} />
                            </li>
                          ))}
                        </ul>
                      </li>
                    ),
                  )}
                </ul>
              ) : null}
            </Card>
          </li>
        );
      })}
    </ul>
  );
}
