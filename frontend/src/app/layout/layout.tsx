import { Button, SkipLink } from '@digdir/designsystemet-react';
import { LeaveIcon } from '@navikt/aksel-icons';
import { useQueryClient } from '@tanstack/react-query';
import { Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, NavLink, Outlet, ScrollRestoration, useLocation, useNavigate } from 'react-router';

import { Loading } from '@/components/query-state/query-state';
import { FLASH_ATTRIBUTE } from '@/components/success-message/success-message';
import { ACCESS_REVIEW_PATH, canReviewEmergencyAccess } from '@/features/access/routes';
import { SIGN_IN_PATH } from '@/features/auth/routes';
import { CATALOGUE_PATH, useMunicipality } from '@/features/catalogue/routes';
import { canUseCoordination, COORDINATION_PATH } from '@/features/coordination/routes';
import { canAdministerIntake, canReadPersons, canReadWorklist, LanguagePreference, PERSONS_PATH, SETTINGS_PATH, WAITING_LIST_PATH, WORKLIST_PATH } from '@/features/intake/routes';
import { canReportDeviations, QUALITY_PATH } from '@/features/quality/routes';
import { canUseWelfaretech, WELFARETECH_PATH } from '@/features/welfaretech/routes';
import { signOut, useSession, type Session } from '@/lib/auth';

import { LanguagePicker } from '../language-picker/language-picker';

import styles from './layout.module.css';

const MAIN_ID = 'main-content';

function Brand() {
  const { t } = useTranslation();
  return (
    <RouterLink to="/" className={styles.brand}>
      <svg className={styles.logo} aria-hidden="true" focusable="false" viewBox="0 0 32 32" width="32" height="32">
        <rect width="32" height="32" rx="6" />
        <path d="M6 25h6v-5h5v-5h5v-5h4" />
      </svg>
      <span className={styles.brandName}>{t('app.name')}</span>
    </RouterLink>
  );
}

function MunicipalityName({ session }: { session: Session }) {
  const { t } = useTranslation();
  const municipality = useMunicipality();
  // The number stands in only if the name cannot be had; while loading, nothing flickers.
  const name = municipality.data?.name ?? (municipality.isError ? session.user.municipality : null);
  if (!name) return null;
  return (
    <p className={styles.municipality} data-testid="municipality-name">
      <span className={styles.visuallyHidden}>{t('app.user.municipality')}: </span>
      {name}
    </p>
  );
}

function UserMenu({ session }: { session: Session }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  const onSignOut = () => {
    signOut('user');
    queryClient.clear();
    void navigate(SIGN_IN_PATH);
  };

  return (
    <div className={styles.actions}>
      <p className={styles.user}>
        <span className={styles.visuallyHidden}>{t('app.user.label')}: </span>
        <span className={styles.userName}>{session.user.name}</span>
        <span className={styles.userRole}>{session.user.roles.map((role) => t(`role.${role}`)).join(', ')}</span>
      </p>
      <div className={styles.language}>
        <LanguagePicker />
      </div>
      <Button variant="tertiary" data-size="sm" onClick={onSignOut} className={styles.signOut}>
        <LeaveIcon aria-hidden fontSize="1.5em" />
        <span className={styles.signOutText}>{t('app.signOut')}</span>
      </Button>
    </div>
  );
}

/**
 * Moves focus to the main region after a client-side navigation, as a page load would; a page that
 * opens with a success message keeps focus there. The scroll position is ScrollRestoration's:
 * the top for a new page, where it was for back and forward.
 */
function useFocusMainOnNavigate() {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const main = document.getElementById(MAIN_ID);
    if (main?.querySelector(`[${FLASH_ATTRIBUTE}]`)) return;
    main?.focus({ preventScroll: true });
  }, [pathname]);
}

/** The frame of every page: skip link, header with user and language, navigation, main, footer. */
export function Layout() {
  const { t } = useTranslation();
  const session = useSession();
  useFocusMainOnNavigate();

  return (
    <div className={styles.frame}>
      <ScrollRestoration />
      <SkipLink href={`#${MAIN_ID}`}>{t('app.skipToContent')}</SkipLink>
      <header className={styles.header}>
        <div className={styles.bar}>
          <div className={styles.identity}>
            <Brand />
            {session ? <MunicipalityName session={session} /> : <span className={styles.tagline}>{t('app.tagline')}</span>}
          </div>
          {session ? (
            <UserMenu session={session} />
          ) : (
            <div className={styles.actions}>
              <div className={styles.language}>
                <LanguagePicker />
              </div>
            </div>
          )}
        </div>
        {session ? (
          <nav aria-label={t('app.nav.label')} className={styles.nav}>
            <ul className={styles.navList}>
              <li>
                <NavLink to="/" end className={({ isActive }) => (isActive ? `${styles.navLink} ${styles.active}` : styles.navLink)}>
                  {t('app.nav.overview')}
                </NavLink>
              </li>
              <li>
                <NavLink
                  to={CATALOGUE_PATH}
                  className={({ isActive }) => (isActive ? `${styles.navLink} ${styles.active}` : styles.navLink)}
                >
                  {t('app.nav.catalogue')}
                </NavLink>
              </li>
              {canReadPersons(session.user.roles) ? (
                <li>
                  <NavLink
                    to={PERSONS_PATH}
                    className={({ isActive }) => (isActive ? `${styles.navLink} ${styles.active}` : styles.navLink)}
                  >
                    {t('app.nav.persons')}
                  </NavLink>
                </li>
              ) : null}
              {canReadWorklist(session.user.roles) ? (
                <>
                  <li>
                    <NavLink
                      to={WORKLIST_PATH}
                      className={({ isActive }) => (isActive ? `${styles.navLink} ${styles.active}` : styles.navLink)}
                    >
                      {t('app.nav.worklist')}
                    </NavLink>
                  </li>
                  <li>
                    <NavLink
                      to={WAITING_LIST_PATH}
                      className={({ isActive }) => (isActive ? `${styles.navLink} ${styles.active}` : styles.navLink)}
                    >
                      {t('app.nav.waitingList')}
                    </NavLink>
                  </li>
                </>
              ) : null}
              {canUseCoordination(session.user.roles) ? (
                <li>
                  <NavLink to={COORDINATION_PATH} className={({ isActive }) => (isActive ? `${styles.navLink} ${styles.active}` : styles.navLink)}>
                    {t('coordination.nav')}
                  </NavLink>
                </li>
              ) : null}
              {canReportDeviations(session.user.roles) ? (
                <li>
                  <NavLink to={QUALITY_PATH} className={({ isActive }) => (isActive ? `${styles.navLink} ${styles.active}` : styles.navLink)}>
                    {t('quality.nav.label')}
                  </NavLink>
                </li>
              ) : null}
              {canAdministerIntake(session.user.roles) ? (
                <li>
                  <NavLink to={SETTINGS_PATH} className={({ isActive }) => (isActive ? `${styles.navLink} ${styles.active}` : styles.navLink)}>
                    {t('intake.settings.nav')}
                  </NavLink>
                </li>
              ) : null}
              {canUseWelfaretech(session.user.roles) ? (
                <li>
                  <NavLink to={WELFARETECH_PATH} className={({ isActive }) => (isActive ? `${styles.navLink} ${styles.active}` : styles.navLink)}>
                    {t('welfaretech.nav')}
                  </NavLink>
                </li>
              ) : null}
              {canReviewEmergencyAccess(session.user.roles) ? (
                <li>
                  <NavLink to={ACCESS_REVIEW_PATH} className={({ isActive }) => (isActive ? `${styles.navLink} ${styles.active}` : styles.navLink)}>
                    {t('access.nav')}
                  </NavLink>
                </li>
              ) : null}
            </ul>
          </nav>
        ) : null}
      </header>
      <main id={MAIN_ID} tabIndex={-1} className={styles.main}>
        <LanguagePreference />
        {/* Pages load on demand (lazyComponent): the first visit to one waits here for its code. */}
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className={styles.footer}>
        <p>{t('app.footer')}</p>
      </footer>
    </div>
  );
}
