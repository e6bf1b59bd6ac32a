import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

import { useSession } from '@/lib/auth';

import { canHandleDeviations, canUseCommittee } from '../../lib/permissions';
import { canReadProcedures, canWorkWithQualitySystem } from '../../lib/system-permissions';
import { AUDITS_PATH, COMMITTEE_PATH, NEW_DEVIATION_PATH, PROCEDURES_PATH, QUALITY_PATH, QUEUE_PATH, ROS_PATH, STATISTICS_PATH, SUPERVISION_PATH, SURVEYS_PATH } from '../../paths';

import styles from './quality-nav.module.css';

/** The deviation pages this user may use, under the main menu's «Avvik». */
export function QualityNav() {
  const { t } = useTranslation();
  const roles = useSession()?.user.roles ?? [];
  const links = [
    { to: NEW_DEVIATION_PATH, label: t('quality.nav.report') },
    { to: QUALITY_PATH, label: t('quality.nav.mine'), end: true },
    ...(canHandleDeviations(roles) ? [{ to: QUEUE_PATH, label: t('quality.nav.queue') }] : []),
    ...(canUseCommittee(roles) ? [{ to: COMMITTEE_PATH, label: t('quality.nav.committee') }] : []),
    ...(canHandleDeviations(roles) ? [{ to: STATISTICS_PATH, label: t('quality.nav.statistics') }] : []),
    ...(canHandleDeviations(roles) ? [{ to: SURVEYS_PATH, label: t('quality.surveys.nav') }] : []),
    ...(canReadProcedures(roles) ? [{ to: PROCEDURES_PATH, label: t('quality.system.nav.procedures') }] : []),
    ...(canWorkWithQualitySystem(roles)
      ? [
          { to: ROS_PATH, label: t('quality.system.nav.ros') },
          { to: AUDITS_PATH, label: t('quality.system.nav.audits') },
          { to: SUPERVISION_PATH, label: t('quality.system.nav.supervision') },
        ]
      : []),
  ];
  return (
    <nav aria-label={t('quality.nav.label')} className={styles.nav}>
      <ul className={styles.list}>
        {links.map((link) => (
          <li key={link.to}>
            <NavLink to={link.to} end={link.end} className={({ isActive }) => (isActive ? `${styles.link} ${styles.active}` : styles.link)}>
              {link.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
