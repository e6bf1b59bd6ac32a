import { Field, Heading, Label, Paragraph, Select } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';

import { Localized } from '@/components/localized/localized';
import { usePageTitle } from '@/components/page-title/use-page-title';
import { Loading, ProblemAlert } from '@/components/query-state/query-state';
import { useLocalize } from '@/lib/i18n';

import { useCareLevels } from '../../api/get-care-levels';
import { useMunicipality } from '../../api/get-municipality';
import { useServiceTypes } from '../../api/get-service-types';
import { Staircase } from '../staircase/staircase';

import styles from './staircase-page.module.css';

const LEVEL_PARAM = 'niva';

/** /tjenester: the municipality's staircase with every service on it. */
export function StaircasePage() {
  const { t } = useTranslation();
  const { localize } = useLocalize();
  const municipality = useMunicipality();
  const levels = useCareLevels();
  const services = useServiceTypes();
  const [searchParams, setSearchParams] = useSearchParams();
  const selected = searchParams.get(LEVEL_PARAM) ?? '';

  const title = municipality.data ? localize(municipality.data.staircase_name) : t('catalogue.staircase.fallbackTitle');
  usePageTitle(title);

  const chooseLevel = (code: string) => {
    const next = new URLSearchParams(searchParams);
    if (code) next.set(LEVEL_PARAM, code);
    else next.delete(LEVEL_PARAM);
    setSearchParams(next, { replace: true });
  };

  const error = municipality.error ?? levels.error ?? services.error;
  const shownLevels = levels.data?.filter((level) => !selected || level.code === selected) ?? [];

  return (
    <div className={styles.page}>
      <header className={styles.intro}>
        <Heading level={1} data-size="lg">
          {municipality.data ? <Localized text={municipality.data.staircase_name} /> : title}
        </Heading>
        {municipality.data ? (
          <Paragraph className={styles.description}>
            <Localized text={municipality.data.staircase_description} />
          </Paragraph>
        ) : null}
        <Paragraph data-size="sm" className={styles.explanation}>
          {t('catalogue.staircase.explanation')}
        </Paragraph>
      </header>

      {error ? (
        <ProblemAlert
          error={error}
          onRetry={() => {
            void municipality.refetch();
            void levels.refetch();
            void services.refetch();
          }}
        />
      ) : null}

      {levels.data && levels.data.length > 1 ? (
        <Field className={styles.filter}>
          <Label>{t('catalogue.staircase.filter.label')}</Label>
          <Select value={selected} onChange={(event) => chooseLevel(event.target.value)} width="auto">
            <Select.Option value="">{t('catalogue.staircase.filter.all')}</Select.Option>
            {levels.data.map((level) => (
              <Select.Option key={level.code} value={level.code}>
                {t('catalogue.detail.levelValue', { rank: level.rank, name: localize(level.name) })}
              </Select.Option>
            ))}
          </Select>
        </Field>
      ) : null}

      {levels.isPending || services.isPending ? <Loading /> : null}
      {levels.data && services.data ? (
        levels.data.length === 0 ? (
          <Paragraph>{t('catalogue.staircase.empty')}</Paragraph>
        ) : (
          <Staircase levels={shownLevels} services={services.data} total={levels.data.length} />
        )
      ) : null}
    </div>
  );
}
