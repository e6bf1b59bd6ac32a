import { Card, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';

import { Localized } from '@/components/localized/localized';
import { usePageTitle } from '@/components/page-title/use-page-title';
import { Loading, ProblemAlert } from '@/components/query-state/query-state';
import { localeOf, useLocalize } from '@/lib/i18n';

import { usePublicTechnologies } from '../../api/public-technologies';

import styles from './public-catalogue-page.module.css';

/** /teknologikatalog/:municipality: what the municipality offers and what it costs, open without signing in. */
export function PublicCataloguePage() {
  const { municipality = '' } = useParams();
  const { t } = useTranslation();
  const { language } = useLocalize();
  usePageTitle(t('welfaretech.catalogue.title'));
  const technologies = usePublicTechnologies(municipality);
  const nok = (amount: number) => new Intl.NumberFormat(localeOf(language), { style: 'currency', currency: 'NOK', maximumFractionDigits: 0 }).format(amount);
  return (
    <div className={styles.page}>
      <Heading level={1} data-size="lg">
        {t('welfaretech.catalogue.title')}
      </Heading>
      <Paragraph>{t('welfaretech.catalogue.intro', { municipality })}</Paragraph>
      {!/^\d{4}$/.test(municipality) ? <Paragraph>{t('welfaretech.catalogue.badMunicipality')}</Paragraph> : null}
      {technologies.isLoading ? <Loading /> : null}
      {technologies.isError ? <ProblemAlert error={technologies.error} onRetry={() => void technologies.refetch()} /> : null}
      {technologies.isSuccess && technologies.data.length === 0 ? <Paragraph>{t('welfaretech.catalogue.empty')}</Paragraph> : null}
      {technologies.isSuccess && technologies.data.length > 0 ? (
        <ul className={styles.list} data-testid="public-catalogue">
          {technologies.data.map((technology) => (
            <li key={technology.code}>
              <Card className={styles.card}>
                <Heading level={2} data-size="xs">
                  <Localized text={technology.name} />
                </Heading>
                <div className={styles.tags}>
                  <Tag data-color="neutral">{t(`welfaretech.kind.${technology.kind}`)}</Tag>
                  {technology.is_alarm_or_location ? <Tag data-color="info">{t('welfaretech.catalogue.alarmOrLocation')}</Tag> : null}
                </div>
                <Paragraph lang="nb">{technology.purpose}</Paragraph>
                <dl className={styles.facts}>
                  <div>
                    <dt>{t('welfaretech.catalogue.fee')}</dt>
                    <dd data-testid="fee">
                      {technology.user_fee_monthly_nok === 0 ? t('welfaretech.catalogue.free') : t('welfaretech.catalogue.perMonth', { amount: nok(technology.user_fee_monthly_nok) })}
                    </dd>
                  </div>
                  {technology.needs.length > 0 ? (
                    <div>
                      <dt>{t('welfaretech.catalogue.forNeeds')}</dt>
                      <dd>{technology.needs.map((need) => t(`welfaretech.need.${need}`)).join(', ')}</dd>
                    </div>
                  ) : null}
                  {technology.can_replace.length > 0 ? (
                    <div>
                      <dt>{t('welfaretech.catalogue.canReplace')}</dt>
                      <dd lang="nb">{technology.can_replace.join(', ')}</dd>
                    </div>
                  ) : null}
                  {technology.requirements.length > 0 ? (
                    <div>
                      <dt>{t('welfaretech.catalogue.requirements')}</dt>
                      <dd lang="nb">{technology.requirements.join(', ')}</dd>
                    </div>
                  ) : null}
                  {technology.supplier || technology.model ? (
                    <div>
                      <dt>{t('welfaretech.catalogue.product')}</dt>
                      <dd>{[technology.supplier, technology.model].filter(Boolean).join(' · ')}</dd>
                    </div>
                  ) : null}
                  <div>
                    <dt>{t('welfaretech.catalogue.iso')}</dt>
                    <dd>{technology.iso9999}</dd>
                  </div>
                </dl>
              </Card>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
