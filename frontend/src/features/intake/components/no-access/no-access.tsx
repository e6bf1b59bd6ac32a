import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';

import { usePageTitle } from '@/components/page-title/use-page-title';

/** What a user sees on an intake page their role does not give them. */
export function NoAccess({ reason }: { reason: 'read' | 'register' | 'admin' }) {
  const { t } = useTranslation();
  usePageTitle(t('intake.noAccess.title'));
  return (
    <>
      <Heading level={1} data-size="lg">
        {t('intake.noAccess.title')}
      </Heading>
      <Paragraph>{t(`intake.noAccess.${reason}`)}</Paragraph>
      <Paragraph>
        <Link asChild>
          <RouterLink to="/">{t('intake.noAccess.home')}</RouterLink>
        </Link>
      </Paragraph>
    </>
  );
}
