import { Button, Card, Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { ArrowLeftIcon, PencilIcon, PlusIcon } from '@navikt/aksel-icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';

import { usePageTitle } from '@/components/page-title/use-page-title';
import { Loading, ProblemAlert } from '@/components/query-state/query-state';
import { SuccessMessage } from '@/components/success-message/success-message';
import { useSession } from '@/lib/auth';
import { formatDate } from '@/lib/dates';
import { useFlash } from '@/lib/flash';
import { useLocalize } from '@/lib/i18n';
import { usePersonSlots } from '@/lib/person-slots';
import { ApiProblem, isNotFound } from '@/lib/problem';

import { usePersonApplications } from '../../api/get-applications';
import { usePerson } from '../../api/get-person';
import { usePersonTimeline } from '../../api/get-person-timeline';
import type { PersonRead } from '../../api/types';
import { languageName } from '../../lib/languages';
import { formatNationalId } from '../../lib/national-id';
import { canReadAccessLog, canReadPersons, canRegister } from '../../lib/permissions';
import { editPersonPath, newApplicationPath, PERSONS_PATH } from '../../paths';
import { AccessLog } from '../access-log/access-log';
import { ApplicationList } from '../application-list/application-list';
import { DecisionList } from '../decision-list/decision-list';
import { NoAccess } from '../no-access/no-access';
import { Timeline } from '../timeline/timeline';

import styles from './person-page.module.css';

/** What the page that led here saved. */
export type PersonFlash = { kind: 'registered' } | { kind: 'updated' } | { kind: 'application'; applicationId: string };

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className={styles.fact}>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function NotGiven() {
  const { t } = useTranslation();
  return <span className={styles.subtle}>{t('intake.notGiven')}</span>;
}

function BackLink() {
  const { t } = useTranslation();
  return (
    <Link asChild className={styles.back}>
      <RouterLink to={PERSONS_PATH}>
        <ArrowLeftIcon aria-hidden fontSize="1.25em" />
        {t('intake.person.back')}
      </RouterLink>
    </Link>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className={styles.section}>
      <Heading level={2} data-size="sm" id={id}>
        {title}
      </Heading>
      {children}
    </section>
  );
}

function PersonDetails({ person }: { person: PersonRead }) {
  const { t } = useTranslation();
  const { language, locale } = useLocalize();
  const address = person.address;
  const hasAddress = Boolean(address.street || address.postcode || address.city);
  return (
    <Card className={styles.card}>
      <dl className={styles.facts}>
        <Fact term={t('intake.person.nationalId')}>
          <span className={styles.nationalId} data-testid="national-id">
            {formatNationalId(person.national_id)}
          </span>
        </Fact>
        <Fact term={t('intake.person.birthDate')}>{formatDate(person.birth_date, language)}</Fact>
        <Fact term={t('intake.person.address')}>
          {hasAddress ? (
            <>
              {address.street ? <span className={styles.line}>{address.street}</span> : null}
              {address.postcode || address.city ? (
                <span className={styles.line}>{[address.postcode, address.city].filter(Boolean).join(' ')}</span>
              ) : null}
            </>
          ) : (
            <NotGiven />
          )}
        </Fact>
        <Fact term={t('intake.person.phone')}>{person.phone ? <a href={`tel:${person.phone}`}>{person.phone}</a> : <NotGiven />}</Fact>
        <Fact term={t('intake.person.preferredLanguage')}>{languageName(person.preferred_language, locale)}</Fact>
        <Fact term={t('intake.person.interpreter')}>
          {person.needs_interpreter ? (
            <Tag data-color="warning" data-size="sm">
              {person.interpreter_language
                ? t('intake.person.interpreterNeededIn', { language: person.interpreter_language })
                : t('intake.person.interpreterNeeded')}
            </Tag>
          ) : (
            t('intake.person.interpreterNotNeeded')
          )}
        </Fact>
      </dl>
    </Card>
  );
}

function GeneralPractitioner({ person }: { person: PersonRead }) {
  const { t } = useTranslation();
  const gp = person.gp;
  if (!gp) return <Paragraph>{t('intake.person.noGp')}</Paragraph>;
  return (
    <Card className={styles.card}>
      <dl className={styles.facts}>
        <Fact term={t('intake.person.gpName')}>{gp.name}</Fact>
        <Fact term={t('intake.person.gpPractice')}>{gp.practice || <NotGiven />}</Fact>
        <Fact term={t('intake.person.gpPhone')}>{gp.phone ? <a href={`tel:${gp.phone}`}>{gp.phone}</a> : <NotGiven />}</Fact>
      </dl>
    </Card>
  );
}

function Relatives({ person }: { person: PersonRead }) {
  const { t } = useTranslation();
  if (person.relatives.length === 0) return <Paragraph>{t('intake.person.noRelatives')}</Paragraph>;
  return (
    <ul className={styles.cards}>
      {person.relatives.map((relative) => (
        <li key={relative.id}>
          <Card className={styles.card}>
            <div className={styles.cardTop}>
              <Heading level={3} data-size="xs">
                {relative.name}
                <span className={styles.relation}> ({relative.relation})</span>
              </Heading>
              {relative.is_next_of_kin ? (
                <Tag data-color="info" data-size="sm">
                  {t('intake.person.nextOfKin')}
                </Tag>
              ) : null}
            </div>
            <dl className={styles.facts}>
              <Fact term={t('intake.person.mayBeTold')}>
                <span className={styles.line}>{t(`intake.informationScope.${relative.information_scope ?? 'none'}`)}</span>
                <span className={`${styles.line} ${styles.subtle}`}>
                  {t(`intake.informationScopeDescription.${relative.information_scope ?? 'none'}`)}
                </span>
              </Fact>
              <Fact term={t('intake.person.contact')}>
                {relative.phone || relative.email ? (
                  <>
                    {relative.phone ? (
                      <span className={styles.line}>
                        <a href={`tel:${relative.phone}`}>{relative.phone}</a>
                      </span>
                    ) : null}
                    {relative.email ? (
                      <span className={styles.line}>
                        <a href={`mailto:${relative.email}`}>{relative.email}</a>
                      </span>
                    ) : null}
                  </>
                ) : (
                  <NotGiven />
                )}
              </Fact>
              {relative.can_help_with ? <Fact term={t('intake.person.canHelpWith')}>{relative.can_help_with}</Fact> : null}
            </dl>
          </Card>
        </li>
      ))}
    </ul>
  );
}

function Representatives({ person }: { person: PersonRead }) {
  const { t } = useTranslation();
  const { language } = useLocalize();
  if (person.representatives.length === 0) return <Paragraph>{t('intake.person.noRepresentatives')}</Paragraph>;
  const period = (from?: string | null, to?: string | null) => {
    if (from && to) return t('intake.person.validPeriod', { from: formatDate(from, language), to: formatDate(to, language) });
    if (from) return t('intake.person.validFrom', { date: formatDate(from, language) });
    if (to) return t('intake.person.validUntil', { date: formatDate(to, language) });
    return t('intake.person.validOpen');
  };
  return (
    <ul className={styles.cards}>
      {person.representatives.map((representative) => (
        <li key={representative.id}>
          <Card className={styles.card}>
            <div className={styles.cardTop}>
              <Heading level={3} data-size="xs">
                {representative.name}
              </Heading>
              <Tag data-color="info" data-size="sm">
                {t(`intake.representativeKind.${representative.kind}`)}
              </Tag>
            </div>
            <dl className={styles.facts}>
              <Fact term={t('intake.person.representativeScope')}>{representative.scope}</Fact>
              <Fact term={t('intake.person.valid')}>{period(representative.valid_from, representative.valid_to)}</Fact>
              <Fact term={t('intake.person.contact')}>{representative.contact || <NotGiven />}</Fact>
            </dl>
          </Card>
        </li>
      ))}
    </ul>
  );
}

/** After «Registrer søknad»: the new application's interim reply date, at the top where the page opens. */
function ApplicationCreated({ personId, applicationId }: { personId: string; applicationId: string }) {
  const { t } = useTranslation();
  const { language } = useLocalize();
  const applications = usePersonApplications(personId);
  const created = applications.data?.find((application) => application.id === applicationId);
  if (!created) return null;
  return (
    <SuccessMessage testId="application-created">
      <Paragraph>{t('intake.person.applicationCreated')}</Paragraph>
      <Paragraph>{t('intake.person.applicationCreatedDeadline', { date: formatDate(created.interim_reply_due, language) })}</Paragraph>
    </SuccessMessage>
  );
}

function ApplicationsSection({ personId, createdId, actions }: { personId: string; createdId: string | null; actions: boolean }) {
  const { t } = useTranslation();
  const applications = usePersonApplications(personId);
  return (
    <Section id="applications-heading" title={t('intake.person.applications')}>
      {applications.isPending ? <Loading /> : null}
      {applications.isError ? <ProblemAlert error={applications.error} onRetry={() => void applications.refetch()} /> : null}
      {applications.isSuccess ? <ApplicationList applications={applications.data} highlightId={createdId} actions={actions} /> : null}
    </Section>
  );
}

function TimelineSection({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const timeline = usePersonTimeline(personId);
  return (
    <Section id="timeline-heading" title={t('intake.timeline.title')}>
      {timeline.isPending ? <Loading /> : null}
      {timeline.isError ? <ProblemAlert error={timeline.error} onRetry={() => void timeline.refetch()} /> : null}
      {timeline.isSuccess ? <Timeline entries={timeline.data} /> : null}
    </Section>
  );
}

/** /personer/:id: the person in full, their applications and history, and who has looked. */
export function PersonPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { language } = useLocalize();
  const session = useSession();
  const flash = useFlash<PersonFlash>();
  const createdId = flash?.kind === 'application' ? flash.applicationId : null;
  const roles = session?.user.roles ?? [];
  const caseReader = canReadPersons(roles);
  // A clinician reads a person with a service relation, or by emergency access (the API decides).
  const allowed = caseReader || roles.includes('helsepersonell');
  const slots = usePersonSlots();
  const person = usePerson(id);
  const clinicianRefused = roles.includes('helsepersonell') && person.isError && person.error instanceof ApiProblem && person.error.status === 403;
  const refused = clinicianRefused ? slots.refused?.(id) : null;
  const name = person.data ? t('intake.personName', { given: person.data.given_name, family: person.data.family_name }) : undefined;
  usePageTitle(allowed && !clinicianRefused ? (name ?? (person.isError ? t('intake.person.notFoundTitle') : undefined)) : t('intake.noAccess.title'));

  if (!allowed) return <NoAccess reason="read" />;
  if (person.isPending) return <Loading />;
  if (refused) {
    return (
      <div className={styles.page}>
        <BackLink />
        {refused}
      </div>
    );
  }
  if (person.isError) {
    return (
      <div className={styles.page}>
        <BackLink />
        {isNotFound(person.error) ? (
          <>
            <Heading level={1} data-size="lg">
              {t('intake.person.notFoundTitle')}
            </Heading>
            <Paragraph>{t('intake.person.notFoundBody')}</Paragraph>
          </>
        ) : (
          <>
            <Heading level={1} data-size="lg">
              {t('intake.person.title')}
            </Heading>
            <ProblemAlert error={person.error} onRetry={() => void person.refetch()} />
          </>
        )}
      </div>
    );
  }

  const data = person.data;
  return (
    <div className={styles.page}>
      <BackLink />
      <header className={styles.header}>
        <div className={styles.titleRow}>
          <div className={styles.titleText}>
            <Heading level={1} data-size="lg">
              {name}
            </Heading>
            <Paragraph className={styles.born}>{t('intake.person.born', { date: formatDate(data.birth_date, language) })}</Paragraph>
          </div>
          {canRegister(roles) || slots.actions ? (
            <div className={styles.titleActions}>
              {slots.actions?.(data.id)}
              {canRegister(roles) ? (
                <>
                  <Button asChild variant="secondary">
                    <RouterLink to={editPersonPath(data.id)} data-testid="edit-person">
                      <PencilIcon aria-hidden fontSize="1.5em" />
                      {t('intake.person.edit')}
                    </RouterLink>
                  </Button>
                  <Button asChild>
                    <RouterLink to={newApplicationPath(data.id)}>
                      <PlusIcon aria-hidden fontSize="1.5em" />
                      {t('intake.person.newApplication')}
                    </RouterLink>
                  </Button>
                </>
              ) : null}
            </div>
          ) : null}
        </div>
        {createdId ? <ApplicationCreated personId={data.id} applicationId={createdId} /> : null}
        {flash?.kind === 'registered' ? <SuccessMessage testId="person-registered">{t('intake.person.registered')}</SuccessMessage> : null}
        {flash?.kind === 'updated' ? <SuccessMessage testId="person-updated">{t('intake.person.updated')}</SuccessMessage> : null}
      </header>

      <div className={styles.columns}>
        <div className={styles.column}>
          <Section id="details-heading" title={t('intake.person.details')}>
            <PersonDetails person={data} />
          </Section>
          <Section id="gp-heading" title={t('intake.person.gp')}>
            <GeneralPractitioner person={data} />
          </Section>
          <Section id="relatives-heading" title={t('intake.person.relatives')}>
            <Relatives person={data} />
          </Section>
          <Section id="representatives-heading" title={t('intake.person.representatives')}>
            <Representatives person={data} />
          </Section>
        </div>
        <div className={styles.column}>
          {caseReader ? <ApplicationsSection personId={data.id} createdId={createdId} actions={canRegister(roles)} /> : null}
          <Section id="decisions-heading" title={t('intake.decision.listHeading')}>
            <DecisionList personId={data.id} />
          </Section>
          {caseReader ? <TimelineSection personId={data.id} /> : null}
        </div>
      </div>

      {canReadAccessLog(roles) ? <AccessLog personId={data.id} /> : null}
    </div>
  );
}
