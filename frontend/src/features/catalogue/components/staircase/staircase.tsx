import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';

import { Localized } from '@/components/localized/localized';

import type { CareLevel, ServiceTypeSummary } from '../../api/types';
import { serviceTypePath } from '../../paths';
import { ServiceTags } from '../service-tags/service-tags';
import { StepIcon } from '../step-icon/step-icon';

import styles from './staircase.module.css';

export type StaircaseProps = {
  /** The levels to show; they are drawn from the lowest rank up. */
  levels: CareLevel[];
  /** Service types; each is shown on the step of its care level. */
  services: ServiceTypeSummary[];
  /** How many steps the whole staircase has (for «Trinn 2 av 5» when only some are shown). */
  total?: number;
};

type StaircaseStyle = CSSProperties & { '--steps': number };
type StepStyle = CSSProperties & { '--position': number };

/**
 * The municipality's staircase (innsatstrapp): one step per care level, lowest first,
 * each listing its services. Wide screens draw it as rising steps; narrow ones as a list.
 */
export function Staircase({ levels, services, total }: StaircaseProps) {
  const { t } = useTranslation();
  const ordered = [...levels].sort((a, b) => a.rank - b.rank);
  const steps = total ?? ordered.length;
  const isSingle = ordered.length === 1;

  return (
    <ol
      className={isSingle ? `${styles.staircase} ${styles.single}` : styles.staircase}
      style={{ '--steps': ordered.length } as StaircaseStyle}
      aria-label={t('catalogue.staircase.levelsLabel')}
    >
      {ordered.map((level, index) => {
        const onLevel = services.filter((service) => service.care_level.code === level.code);
        const headingId = `level-${level.code}`;
        const style: StepStyle = { '--position': index + 1 };
        return (
          <li key={level.code} className={styles.step} style={style} aria-labelledby={headingId} data-testid="care-level">
            <div className={styles.stepBody}>
              <div className={styles.stepMeta}>
                <StepIcon rank={level.rank} total={steps} />
                <span className={styles.stepNumber}>{t('catalogue.staircase.stepOf', { rank: level.rank, total: steps })}</span>
              </div>
              <Heading level={2} data-size="xs" id={headingId} className={styles.levelName}>
                <Localized text={level.name} />
              </Heading>
              <Paragraph data-size="sm" className={styles.description}>
                <Localized text={level.description} />
              </Paragraph>
              <Paragraph data-size="sm" className={styles.count}>
                {t('catalogue.staircase.serviceCount', { count: onLevel.length })}
              </Paragraph>
              {onLevel.length === 0 ? (
                <Paragraph data-size="sm">{t('catalogue.staircase.noServices')}</Paragraph>
              ) : (
                <ul className={styles.services}>
                  {onLevel.map((service) => (
                    <li key={service.code} className={styles.service}>
                      <Link asChild>
                        <RouterLink to={serviceTypePath(service.code)} className={styles.serviceLink}>
                          <Localized text={service.name} />
                        </RouterLink>
                      </Link>
                      <ServiceTags requiresDecision={service.requires_decision} published={service.published} />
                      <span className={styles.scope}>{t(`catalogue.scopeUnit.${service.scope_unit}`)}</span>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
