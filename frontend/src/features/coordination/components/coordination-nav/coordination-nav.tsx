import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

import { useSession } from '@/lib/auth';

import { canReadCoordinationWorklist, canReadInbox } from '../../lib/permissions';
import { COORDINATION_OVERVIEW_PATH, COORDINATION_PATH, COORDINATION_WORKLIST_PATH, REPORT_NEED_PATH } from '../../paths';

import styles from './coordination-nav.module.css';

/** Coordination's own pages: the inbox, the worklist, the overview and reporting a need (what the caller may open). */
export function CoordinationNav() {
  const { t } = useTranslation();
  const session = useSession();
  const roles = session?.user.roles ?? [];
  const unit = canReadInbox(roles);
  const links = [
    ...(unit ? [{ to: COORDINATION_PATH, label: t('coordination.subnav.inbox') }] : []),
    ...(canReadCoordinationWorklist(roles) ? [{ to: COORDINATION_WORKLIST_PATH, label: t('coordination.subnav.worklist') }] : []),
    ...(unit ? [{ to: COORDINATION_OVERVIEW_PATH, label: t('coordination.subnav.overview') }] : []),
    { to: REPORT_NEED_PATH, label: t('coordination.subnav.report') },
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
