import { Button, Card, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';

import { Localized } from '@/components/localized/localized';
import { formatDate } from '@/lib/dates';
import { pickLocalized, useLocalize } from '@/lib/i18n';

import type { ApplicationRead, ApplicationStatus } from '../../api/types';
import { assessmentPath, newDecisionPath, savedAssessmentsPath } from '../../paths';
import { ApplicationSteps, InterimReplyDownload } from '../application-steps/application-steps';
import { Deadline } from '../deadline/deadline';

import styles from './application-list.module.css';

const STATUS_COLOR: Record<ApplicationStatus, 'info' | 'warning' | 'success' | 'neutral'> = {
  received: 'info',
  in_assessment: 'warning',
  decided: 'success',
  withdrawn: 'neutral',
};

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className={styles.fact}>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function ApplicationCard({ application, highlighted, actions }: { application: ApplicationRead; highlighted: boolean; actions: boolean }) {
  const { t } = useTranslation();
  const { language } = useLocalize();
  const headingId = `application-${application.id}`;
  const open = application.status === 'received' || application.status === 'in_assessment';
  return (
    <Card
      className={styles.card}
      data-color={highlighted ? 'accent' : undefined}
      aria-labelledby={headingId}
      data-testid="application-card"
      data-application-id={application.id}
    >
      <div className={styles.top}>
        <Heading level={3} data-size="xs" id={headingId}>
          {application.services.map((service, index) => (
            <span key={service.service_type}>
              {index > 0 ? ', ' : null}
              <Localized text={service.service_name} />
            </span>
          ))}
        </Heading>
        <Tag data-color={STATUS_COLOR[application.status]} data-size="sm">
          {t(`intake.applicationStatus.${application.status}`)}
        </Tag>
      </div>
      {application.what_matters ? (
        <figure className={styles.whatMatters}>
          <figcaption className={styles.whatMattersCaption}>{t('intake.applicationForm.whatMatters')}</figcaption>
          <blockquote className={styles.quote}>{application.what_matters}</blockquote>
        </figure>
      ) : null}
      <dl className={styles.facts}>
        <Fact term={t('intake.application.receivedOn')}>{formatDate(application.received_on, language)}</Fact>
        {open || application.interim_reply_sent_on ? (
          <Fact term={t('intake.application.interimReplyDue')}>
            <Deadline due={application.interim_reply_due} status={application.status} sentOn={application.interim_reply_sent_on} />
          </Fact>
        ) : null}
        {application.interim_reply_sent_on && application.expected_decision_by ? (
          <Fact term={t('intake.applicationSteps.interimFact')}>
            <span data-testid="interim-reply">
              {t('intake.applicationSteps.interimSummary', {
                sent: formatDate(application.interim_reply_sent_on, language),
                expected: formatDate(application.expected_decision_by, language),
              })}
            </span>
            {application.interim_reply_reason ? <span className={styles.reason}>{application.interim_reply_reason}</span> : null}
          </Fact>
        ) : null}
        <Fact term={t('intake.application.channel')}>{t(`intake.channel.${application.channel}`)}</Fact>
        <Fact term={t('intake.application.applicant')}>
          {application.applicant_name
            ? t('intake.application.applicantWithName', {
                kind: t(`intake.applicantKind.${application.applicant_kind}`),
                name: application.applicant_name,
              })
            : t(`intake.applicantKind.${application.applicant_kind}`)}
        </Fact>
        <Fact term={t('intake.application.urgency')}>
          {application.urgency === 'urgent' ? (
            <Tag data-color="danger" data-size="sm">
              {t('intake.urgency.urgent')}
            </Tag>
          ) : (
            t('intake.urgency.normal')
          )}
        </Fact>
        <Fact term={t('intake.application.consent')}>
          {application.consent_to_obtain_information ? t('intake.application.yes') : t('intake.application.no')}
        </Fact>
      </dl>
      {application.services.some((service) => service.note) ? (
        <ul className={styles.notes}>
          {application.services
            .filter((service) => service.note)
            .map((service) => (
              <li key={service.service_type}>
                <span className={styles.noteService}>
                  <Localized text={service.service_name} />:
                </span>{' '}
                {service.note}
              </li>
            ))}
        </ul>
      ) : null}
      {actions && open ? (
        <div className={styles.actions}>
          <Button asChild variant="secondary" data-size="sm">
            <RouterLink to={assessmentPath(application.person.id, application.id)} data-testid="assess-link">
              {t('intake.application.assess')}
            </RouterLink>
          </Button>
          {application.services.map((service) => (
            <Button key={service.service_type} asChild variant="tertiary" data-size="sm">
              <RouterLink to={newDecisionPath(application.person.id, application.id, service.service_type)} data-testid="decision-link">
                {t('intake.application.writeDecision', { service: pickLocalized(service.service_name, language).value })}
              </RouterLink>
            </Button>
          ))}
        </div>
      ) : null}
      {application.status !== 'received' ? (
        <Button asChild variant="tertiary" data-size="sm" className={styles.assessmentsLink}>
          <RouterLink to={savedAssessmentsPath(application.person.id, application.id)} data-testid="assessments-link">
            {t('intake.assessments.open')}
          </RouterLink>
        </Button>
      ) : null}
      {application.interim_reply_sent_on ? <InterimReplyDownload application={application} /> : null}
      {actions && open ? <ApplicationSteps key={application.version} application={application} /> : null}
    </Card>
  );
}

/** A person's applications, newest first, each with status and the interim reply's deadline. */
export function ApplicationList({
  applications,
  highlightId,
  actions = false,
}: {
  applications: ApplicationRead[];
  highlightId?: string | null;
  /** Offer «Kartlegg behov» and «Skriv vedtak» on open applications (caseworkers). */
  actions?: boolean;
}) {
  const { t } = useTranslation();
  if (applications.length === 0) return <Paragraph>{t('intake.person.noApplications')}</Paragraph>;
  return (
    <ul className={styles.list}>
      {applications.map((application) => (
        <li key={application.id}>
          <ApplicationCard application={application} highlighted={application.id === highlightId} actions={actions} />
        </li>
      ))}
    </ul>
  );
}
