import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

import { useSession } from '@/lib/auth';

import { canReadInbox } from '../../lib/permissions';
import { COORDINATION_OVERVIEW_PATH, COORDINATION_PATH, COORDINATION_WORKLIST_PATH } from '../../paths';

import styles from './coordination-nav.module.css';

/** Coordination's own pages: the inbox, the worklist and the overview (what the caller may open). */
export function CoordinationNav() {
  const { t } = useTranslation();
  const session = useSession();
  const unit = !!session && canReadInbox(session.user.roles);
  const links = [
    ...(unit ? [{ to: COORDINATION_PATH, label: t('coordination.subnav.inbox') }] : []),
    { to: COORDINATION_WORKLIST_PATH, label: t('coordination.subnav.worklist') },
    ...(unit ? [{ to: COORDINATION_OVERVIEW_PATH, label: t('coordination.subnav.overview') }] : []),
  ];
  return (
    <nav aria-label={t('coordination.subnav.label')}>
      <ul className={styles.list}>
        {links.map((link) => (
          <li key={link.to}>
            <NavLink to={link.to} end className={({ isActive }) => (isActive ? `${styles.link} ${styles.active}` : styles.link)}>
              {link.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
