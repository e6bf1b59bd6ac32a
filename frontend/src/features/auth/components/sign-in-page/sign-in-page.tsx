import { Alert, Button, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Link as RouterLink, useLocation, useNavigate } from 'react-router';

import { usePageTitle } from '@/components/page-title/use-page-title';
import { Loading, ProblemAlert } from '@/components/query-state/query-state';
import { lastSignOutReason, useSession } from '@/lib/auth';
import { isNotFound } from '@/lib/problem';

import { useSignInAsDemoUser } from '../../api/create-token';
import { groupByMunicipality, useDemoUsers } from '../../api/get-demo-users';
import type { DemoUser } from '../../api/types';
import { publicCataloguePath } from '../../paths';

import styles from './sign-in-page.module.css';

type LocationState = { from?: string } | null;

export function SignInPage() {
  const { t } = useTranslation();
  usePageTitle(t('auth.signIn.title'));
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as LocationState)?.from ?? '/';
  const users = useDemoUsers();
  const signIn = useSignInAsDemoUser();
  const [pending, setPending] = useState<string | null>(null);
  const [reason] = useState(lastSignOutReason);

  if (session && !signIn.isPending) return <Navigate to={from} replace />;

  const choose = (user: DemoUser) => {
    setPending(user.username);
    signIn.mutate(user.username, {
      onSuccess: () => void navigate(from, { replace: true }),
      onSettled: () => setPending(null),
    });
  };

  return (
    <div className={styles.page}>
      <Heading level={1} data-size="lg">
        {t('auth.signIn.demoHeading')}
      </Heading>
      <Paragraph className={styles.intro}>{t('auth.signIn.intro')}</Paragraph>

      {reason === 'expired' ? (
        <Alert data-color="warning" className={styles.notice}>
          <Paragraph>{t('auth.signIn.expired')}</Paragraph>
        </Alert>
      ) : null}
      {reason === 'user' ? (
        <Alert data-color="info" className={styles.notice}>
          <Paragraph>{t('auth.signIn.signedOut')}</Paragraph>
        </Alert>
      ) : null}
      {signIn.isError ? <ProblemAlert error={signIn.error} /> : null}

      {users.isPending ? <Loading /> : null}
      {users.isError ? (
        isNotFound(users.error) ? (
          <Alert data-color="info">
            <Paragraph>{t('auth.signIn.devOnly')}</Paragraph>
          </Alert>
        ) : (
          <ProblemAlert error={users.error} onRetry={() => void users.refetch()} />
        )
      ) : null}
      {users.isSuccess && users.data.length === 0 ? <Paragraph>{t('auth.signIn.noUsers')}</Paragraph> : null}

      {users.isSuccess
        ? groupByMunicipality(users.data).map((group) => (
            <section key={group.municipality} aria-labelledby={`municipality-${group.municipality}`} className={styles.group}>
              <Heading level={2} data-size="sm" id={`municipality-${group.municipality}`}>
                {t('auth.signIn.municipality', { name: group.name })}
              </Heading>
              <ul className={styles.users}>
                {group.users.map((user) => (
                  <li key={user.username}>
                    <Button
                      variant="secondary"
                      className={styles.user}
                      onClick={() => choose(user)}
                      disabled={pending !== null}
                      loading={pending === user.username}
                      data-username={user.username}
                    >
                      <span className={styles.userText}>
                        <span className={styles.userName}>{user.name}</span>
                        <span className={styles.userRole}>{user.roles.map((role) => t(`role.${role}`)).join(', ')}</span>
                      </span>
                    </Button>
                  </li>
                ))}
              </ul>
              <Paragraph className={styles.catalogue}>
                <Link asChild>
                  <RouterLink to={publicCataloguePath(group.municipality)}>{t('auth.signIn.catalogue', { name: group.name })}</RouterLink>
                </Link>
              </Paragraph>
            </section>
          ))
        : null}
    </div>
  );
}
