import { Card, Heading, Link, Paragraph, Table } from '@digdir/designsystemet-react';
import { ArrowLeftIcon } from '@navikt/aksel-icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';

import { Localized } from '@/components/localized/localized';
import { usePageTitle } from '@/components/page-title/use-page-title';
import { Loading, ProblemAlert } from '@/components/query-state/query-state';
import { useLocalize } from '@/lib/i18n';
import { isNotFound } from '@/lib/problem';

import { useCareLevels } from '../../api/get-care-levels';
import { useServiceType } from '../../api/get-service-type';
import type { ServiceType } from '../../api/types';
import { formatCapacity, formatPeriod } from '../../lib/format';
import { CATALOGUE_PATH } from '../../paths';
import { CriteriaSection } from '../criteria-section/criteria-section';
import { ServiceTags } from '../service-tags/service-tags';
import { StepIcon } from '../step-icon/step-icon';

import styles from './service-type-page.module.css';

function BackLink() {
  const { t } = useTranslation();
  return (
    <Link asChild className={styles.back}>
      <RouterLink to={CATALOGUE_PATH}>
        <ArrowLeftIcon aria-hidden fontSize="1.25em" />
        {t('catalogue.detail.back')}
      </RouterLink>
    </Link>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className={styles.fact}>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function NotFound({ code }: { code: string }) {
  const { t } = useTranslation();
  usePageTitle(t('catalogue.detail.notFoundTitle'));
  return (
    <div className={styles.page}>
      <BackLink />
      <Heading level={1} data-size="lg">
        {t('catalogue.detail.notFoundTitle')}
      </Heading>
      <Paragraph>{t('catalogue.detail.notFoundBody', { code })}</Paragraph>
    </div>
  );
}

function ServiceFacts({ service }: { service: ServiceType }) {
  const { t } = useTranslation();
  const { language } = useLocalize();
  return (
    <Card className={styles.facts}>
      <Heading level={2} data-size="sm">
        {t('catalogue.detail.about')}
      </Heading>
      <dl className={styles.factList}>
        <Fact term={t('catalogue.detail.decision')}>
          {service.requires_decision ? t('catalogue.decision.requiredLong') : t('catalogue.decision.notRequiredLong')}
        </Fact>
        <Fact term={t('catalogue.detail.scopeUnit')}>{t(`catalogue.scopeUnit.${service.scope_unit}`)}</Fact>
        <Fact term={t('catalogue.detail.userFee')}>
          {t(`catalogue.userFee.${service.user_fee.kind}`)}
          {service.user_fee.description ? (
            <span className={styles.feeDescription}>
              <Localized text={service.user_fee.description} />
            </span>
          ) : null}
        </Fact>
        <Fact term={t('catalogue.detail.legalBasis')}>
          {service.legal_basis.length === 0 ? (
            t('catalogue.detail.noLegalBasis')
          ) : (
            <ul className={styles.plainList}>
              {service.legal_basis.map((basis) => (
                <li key={`${basis.law} ${basis.section}`}>
                  {basis.law} {basis.section}
                </li>
              ))}
            </ul>
          )}
        </Fact>
        {service.purpose ? <Fact term={t('catalogue.detail.purpose')}>{t(`catalogue.purpose.${service.purpose}`)}</Fact> : null}
        {service.requires_lower_level_review ? (
          <Fact term={t('catalogue.detail.lowerLevelReview')}>{t('catalogue.detail.lowerLevelReviewValue')}</Fact>
        ) : null}
        {service.is_long_term_place ? (
          <Fact term={t('catalogue.detail.longTermPlace')}>{t('catalogue.detail.longTermPlaceValue')}</Fact>
        ) : null}
        {service.kpr_code ? <Fact term={t('catalogue.detail.kprCode')}>{service.kpr_code}</Fact> : null}
        <Fact term={t('catalogue.detail.activePeriod')}>{formatPeriod(service.active_from, service.active_to, language, t)}</Fact>
      </dl>
    </Card>
  );
}

function ServiceUnits({ service }: { service: ServiceType }) {
  const { t } = useTranslation();
  const { language } = useLocalize();
  return (
    <section aria-labelledby="units-heading" className={styles.section}>
      <Heading level={2} data-size="md" id="units-heading">
        {t('catalogue.detail.units')}
      </Heading>
      {service.units.length === 0 ? (
        <Paragraph>{t('catalogue.detail.noUnits')}</Paragraph>
      ) : (
        // A region that scrolls sideways on a phone is reached by keyboard too (WCAG 2.1.1).
        <div className={styles.tableWrap} role="region" aria-labelledby="units-heading" tabIndex={0}>
          <Table zebra border className={styles.table}>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('catalogue.detail.unitName')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('catalogue.detail.unitKind')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('catalogue.detail.unitCapacity')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {service.units.map((unit) => (
                <Table.Row key={unit.code}>
                  <Table.HeaderCell scope="row">{unit.name}</Table.HeaderCell>
                  <Table.Cell>{t(`catalogue.unitKind.${unit.kind}`)}</Table.Cell>
                  <Table.Cell>{formatCapacity(unit.capacity, unit.capacity_unit, language, t)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </section>
  );
}

/** /tjenester/:code: everything about one service, and its allocation criteria. */
export function ServiceTypePage() {
  const { code = '' } = useParams();
  const { t } = useTranslation();
  const { localize } = useLocalize();
  const service = useServiceType(code);
  const levels = useCareLevels();
  usePageTitle(service.data ? localize(service.data.name) : undefined);

  if (service.isPending) return <Loading />;
  if (service.isError) {
    if (isNotFound(service.error)) return <NotFound code={code} />;
    return (
      <div className={styles.page}>
        <BackLink />
        <ProblemAlert error={service.error} onRetry={() => void service.refetch()} />
      </div>
    );
  }

  const data = service.data;
  const total = levels.data?.length ?? data.care_level.rank;

  return (
    <div className={styles.page}>
      <BackLink />
      <header className={styles.header}>
        <Paragraph data-size="sm" className={styles.level}>
          <StepIcon rank={data.care_level.rank} total={total} />
          <span>
            {t('catalogue.detail.levelValue', { rank: data.care_level.rank, name: localize(data.care_level.name) })}
          </span>
        </Paragraph>
        <Heading level={1} data-size="lg">
          <Localized text={data.name} />
        </Heading>
        <ServiceTags requiresDecision={data.requires_decision} published={data.published} />
        <Paragraph className={styles.description}>
          <Localized text={data.description} />
        </Paragraph>
      </header>
      <ServiceFacts service={data} />
      <ServiceUnits service={data} />
      <CriteriaSection code={data.code} current={data.current_criteria} />
    </div>
  );
}
