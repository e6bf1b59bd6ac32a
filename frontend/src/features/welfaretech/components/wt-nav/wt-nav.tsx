import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

import { useSession } from '@/lib/auth';

import { canReadDashboard, canReadReferrals, canRefer } from '../../lib/permissions';
import { DASHBOARD_PATH, INVENTORY_PATH, publicCataloguePath, REFER_PATH, WELFARETECH_PATH } from '../../paths';

import styles from './wt-nav.module.css';

/** The feature's own pages, under the page heading: inbox, inventory and loans, benefits, the public catalogue. */
export function WtNav() {
  const { t } = useTranslation();
  const session = useSession();
  if (!session) return null;
  const roles = session.user.roles;
  const link = ({ isActive }: { isActive: boolean }) => (isActive ? `${styles.link} ${styles.active}` : styles.link);
  return (
    <nav aria-label={t('welfaretech.subnav.label')} className={styles.nav}>
      <ul className={styles.list}>
        <li>
          <NavLink to={WELFARETECH_PATH} end className={link}>
            {t('welfaretech.subnav.referrals')}
          </NavLink>
        </li>
        {canRefer(roles) ? (
          <li>
            <NavLink to={REFER_PATH} className={link}>
              {t('welfaretech.subnav.refer')}
            </NavLink>
          </li>
        ) : null}
        {canReadReferrals(roles) ? (
          <li>
            <NavLink to={INVENTORY_PATH} className={link}>
              {t('welfaretech.subnav.inventory')}
            </NavLink>
          </li>
        ) : null}
        {canReadDashboard(roles) ? (
          <li>
            <NavLink to={DASHBOARD_PATH} className={link}>
              {t('welfaretech.subnav.dashboard')}
            </NavLink>
          </li>
        ) : null}
        <li>
          <NavLink to={publicCataloguePath(session.user.municipality)} className={link}>
            {t('welfaretech.subnav.catalogue')}
          </NavLink>
        </li>
      </ul>
    </nav>
  );
}
