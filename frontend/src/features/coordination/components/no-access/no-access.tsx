import { Alert, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';

import { PageLayout } from '@/components/page-layout/page-layout';

/** What a signed-in user without the role sees instead of a coordination page. */
export function NoAccess() {
  const { t } = useTranslation();
  return (
    <PageLayout title={t('coordination.noAccess.title')}>
      <Alert data-color="info">
        <Paragraph>{t('coordination.noAccess.body')}</Paragraph>
      </Alert>
    </PageLayout>
  );
}
