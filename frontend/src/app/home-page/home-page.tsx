import { Card, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { ArrowRightIcon } from '@navikt/aksel-icons';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';

import { usePageTitle } from '@/components/page-title/use-page-title';
import { CATALOGUE_PATH } from '@/features/catalogue/routes';
import { canReadPersons, canReadWorklist, PERSONS_PATH, WorklistSummary } from '@/features/intake/routes';
import { useSession } from '@/lib/auth';

import styles from './home-page.module.css';

/** /: a welcome, what this user can do, and the way into the catalogue. */
export function HomePage() {
  const { t } = useTranslation();
  const session = useSession();
  usePageTitle(t('app.nav.overview'));
  const name = session?.user.name ?? '';
  const roles = session?.user.roles ?? [];

  return (
    <div className={styles.page}>
      <Heading level={1} data-size="lg">
        {t('home.title', { name })}
      </Heading>
      <Paragraph className={styles.intro}>{t('home.intro')}</Paragraph>
      {roles.map((role) => (
        <Paragraph key={role} className={styles.intro}>
          {t(`home.roleIntro.${role}`)}
        </Paragraph>
      ))}
      <ul className={styles.cards}>
        {canReadWorklist(roles) ? (
          <li>
            <WorklistSummary />
          </li>
        ) : null}
        <li>
          <Card data-color="accent" className={styles.card}>
            <Heading level={2} data-size="sm">
              {t('home.catalogueCard.title')}
            </Heading>
            <Paragraph>{t('home.catalogueCard.body')}</Paragraph>
            <Link asChild>
              <RouterLink to={CATALOGUE_PATH} className={styles.cardLink}>
                {t('home.catalogueCard.link')}
                <ArrowRightIcon aria-hidden fontSize="1.25em" />
              </RouterLink>
            </Link>
          </Card>
        </li>
        {canReadPersons(roles) ? (
          <li>
            <Card data-color="accent" className={styles.card}>
              <Heading level={2} data-size="sm">
                {t('home.personsCard.title')}
              </Heading>
              <Paragraph>{t('home.personsCard.body')}</Paragraph>
              <Link asChild>
                <RouterLink to={PERSONS_PATH} className={styles.cardLink}>
                  {t('home.personsCard.link')}
                  <ArrowRightIcon aria-hidden fontSize="1.25em" />
                </RouterLink>
              </Link>
            </Card>
          </li>
        ) : null}
      </ul>
    </div>
  );
}
