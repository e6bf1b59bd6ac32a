import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';

import { usePageTitle } from '@/components/page-title/use-page-title';

/** A page the signed-in user's roles do not reach. */
export function NoAccess() {
  const { t } = useTranslation();
  usePageTitle(t('welfaretech.noAccess.title'));
  return (
    <Alert data-color="warning">
      <Heading level={1} data-size="sm">
        {t('welfaretech.noAccess.title')}
      </Heading>
      <Paragraph>{t('welfaretech.noAccess.body')}</Paragraph>
    </Alert>
  );
}
