import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';

import { usePageTitle } from '@/components/page-title/use-page-title';

/** What a user sees on a deviation page their role does not give them. */
export function NoAccess() {
  const { t } = useTranslation();
  usePageTitle(t('quality.noAccess.title'));
  return (
    <>
      <Heading level={1} data-size="lg">
        {t('quality.noAccess.title')}
      </Heading>
      <Paragraph>{t('quality.noAccess.body')}</Paragraph>
      <Paragraph>
        <Link asChild>
          <RouterLink to="/">{t('quality.noAccess.home')}</RouterLink>
        </Link>
      </Paragraph>
    </>
  );
}
