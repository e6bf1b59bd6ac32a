import {
  Alert,
  Button,
  Checkbox,
  Field,
  Fieldset,
  Heading,
  Label,
  Link,
  Paragraph,
  Radio,
  Select,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { ArrowLeftIcon } from '@navikt/aksel-icons';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';

import { DateInput } from '@/components/date-field/date-field';
import { FormErrorSummary } from '@/components/form-error-summary/form-error-summary';
import { usePageTitle } from '@/components/page-title/use-page-title';
import { Loading, ProblemAlert } from '@/components/query-state/query-state';
import { useSession } from '@/lib/auth';
import { withFlash } from '@/lib/flash';
import { ApiProblem, isNotFound } from '@/lib/problem';
import { useApiForm } from '@/lib/use-api-form';

import { useCreateApplication } from '../../api/create-application';
import { usePerson } from '../../api/get-person';
import { groupByCareLevel, useServiceTypes } from '../../api/get-service-types';
import { APPLICANT_KINDS, CHANNELS, URGENCIES } from '../../api/types';
import {
  applicationFields,
  applicationSchema,
  applicationServerErrorKey,
  emptyApplication,
  toApplicationCreate,
  WHAT_MATTERS_LIMIT,
  type ApplicationFormValues,
} from '../../lib/application-form';
import type { ErrorKey } from '../../lib/form-errors';
import { canRegister } from '../../lib/permissions';
import { personPath } from '../../paths';
import { NoAccess } from '../no-access/no-access';
import { ServicePicker } from '../service-picker/service-picker';

import type { PersonFlash } from '../person-page/person-page';

import styles from './application-form-page.module.css';

function isCatalogueDown(error: unknown): boolean {
  return error instanceof ApiProblem && error.status === 503;
}

/** /personer/:id/soknad/ny: register a søknad, with «Hva er viktig for deg?» first. */
export function ApplicationFormPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  usePageTitle(t('intake.applicationForm.title'));
  const session = useSession();
  const navigate = useNavigate();
  const person = usePerson(id);
  const serviceTypes = useServiceTypes();
  const create = useCreateApplication();
  const schema = useMemo(() => applicationSchema(), []);
  const form = useApiForm<ApplicationFormValues>({ form: 'application', schema, initial: () => emptyApplication(), fields: applicationFields });
  const values = form.watch();
  /** A value set by hand (date, services, notes, urgency); checked again once the form has been sent. */
  const change = (path: string, value: unknown) =>
    form.setValue(path as 'what_matters', value as never, { shouldDirty: true, shouldValidate: form.formState.isSubmitted });
  const [formProblem, setFormProblem] = useState<unknown>(null);

  if (!session || !canRegister(session.user.roles)) return <NoAccess reason="register" />;
  if (person.isPending) return <Loading />;
  if (person.isError) {
    return (
      <div className={styles.page}>
        <Heading level={1} data-size="lg">
          {isNotFound(person.error) ? t('intake.person.notFoundTitle') : t('intake.applicationForm.title')}
        </Heading>
        {isNotFound(person.error) ? (
          <Paragraph>{t('intake.person.notFoundBody')}</Paragraph>
        ) : (
          <ProblemAlert error={person.error} onRetry={() => void person.refetch()} />
        )}
      </div>
    );
  }

  const name = t('intake.personName', { given: person.data.given_name, family: person.data.family_name });
  const labels: Record<string, string> = {
    what_matters: t('intake.applicationForm.whatMatters'),
    channel: t('intake.applicationForm.channel'),
    received_on: t('intake.applicationForm.receivedOn'),
    applicant_kind: t('intake.applicationForm.applicantKind'),
    applicant_name: t('intake.applicationForm.applicantName'),
    services: t('intake.applicationForm.services'),
    urgency: t('intake.applicationForm.urgency'),
    consent_to_obtain_information: t('intake.applicationForm.consent'),
  };
  const message = (path: string): string | undefined => {
    const key = form.errorAt(path) as ErrorKey | undefined;
    return key ? t(`intake.errors.${key}`, { field: labels[path] ?? path, number: '' }) : undefined;
  };

  const onSubmit = form.submitWith((current) => {
    setFormProblem(null);
    create.mutate(toApplicationCreate(person.data.id, current), {
      onSuccess: (application) => void navigate(personPath(person.data.id), { state: withFlash<PersonFlash>({ kind: 'application', applicationId: application.id }) }),
      onError: (error) => {
        const placed = form.showServerErrors(error, applicationServerErrorKey);
        setFormProblem(placed ? null : error);
      },
    });
  });

  const toggleService = (code: string, checked: boolean) => {
    const services = checked ? [...values.services.filter((c) => c !== code), code] : values.services.filter((c) => c !== code);
    change('services', services);
  };

  const summary = form.orderedErrors().map(([path]) => ({ id: form.id(path), message: message(path) ?? '' }));
  const groups = serviceTypes.data ? groupByCareLevel(serviceTypes.data) : [];

  return (
    <div className={styles.page}>
      <Link asChild className={styles.back}>
        <RouterLink to={personPath(person.data.id)}>
          <ArrowLeftIcon aria-hidden fontSize="1.25em" />
          {t('intake.applicationForm.back', { name })}
        </RouterLink>
      </Link>
      <header className={styles.header}>
        <Heading level={1} data-size="lg" id="application-form-title">
          {t('intake.applicationForm.title')}
        </Heading>
        <Paragraph className={styles.for}>{t('intake.applicationForm.for', { name })}</Paragraph>
      </header>

      <FormErrorSummary heading={t('intake.form.summaryHeading')} items={summary} attempt={form.attempt} />
      {formProblem ? (
        <div role="alert">
          {isCatalogueDown(formProblem) ? (
            <Alert data-color="danger">
              <Paragraph>{t('intake.applicationForm.catalogueDown')}</Paragraph>
            </Alert>
          ) : (
            <ProblemAlert error={formProblem} />
          )}
        </div>
      ) : null}

      <form noValidate onSubmit={onSubmit} className={styles.form} aria-labelledby="application-form-title">
        <section aria-labelledby="what-matters-heading" className={styles.whatMatters}>
          <Heading level={2} data-size="sm" id="what-matters-heading">
            {t('intake.applicationForm.whatMattersHeading')}
          </Heading>
          <Textfield
            label={t('intake.applicationForm.whatMatters')}
            description={t('intake.applicationForm.whatMattersDescription')}
            multiline
            rows={5}
            counter={{ limit: WHAT_MATTERS_LIMIT, over: t('intake.form.counterOver'), under: t('intake.form.counterUnder') }}
            {...form.register('what_matters')}
            id={form.id('what_matters')}
            value={values.what_matters}
            error={message('what_matters')}
          />
        </section>

        <section aria-labelledby="application-details" className={styles.section}>
          <Heading level={2} data-size="sm" id="application-details">
            {t('intake.applicationForm.detailsHeading')}
          </Heading>
          <div className={styles.grid}>
            <Field>
              <Label>{t('intake.applicationForm.channel')}</Label>
              <Select {...form.register('channel')} id={form.id('channel')} aria-required aria-invalid={Boolean(message('channel')) || undefined}>
                <Select.Option value="" disabled>
                  {t('intake.form.choose')}
                </Select.Option>
                {CHANNELS.map((channel) => (
                  <Select.Option key={channel} value={channel}>
                    {t(`intake.channel.${channel}`)}
                  </Select.Option>
                ))}
              </Select>
              {message('channel') ? <ValidationMessage>{message('channel')}</ValidationMessage> : null}
            </Field>
            <DateInput
              id={form.id('received_on')}
              name="received_on"
              label={t('intake.applicationForm.receivedOn')}
              value={values.received_on}
              onChange={(value) => change('received_on', value)}
              error={message('received_on')}
              required
            />
            <Field>
              <Label>{t('intake.applicationForm.applicantKind')}</Label>
              <Select {...form.register('applicant_kind')} id={form.id('applicant_kind')}>
                {APPLICANT_KINDS.map((kind) => (
                  <Select.Option key={kind} value={kind}>
                    {t(`intake.applicantKind.${kind}`)}
                  </Select.Option>
                ))}
              </Select>
            </Field>
            {values.applicant_kind !== 'self' ? (
              <Textfield
                label={t('intake.applicationForm.applicantName')}
                {...form.register('applicant_name')}
                id={form.id('applicant_name')}
                error={message('applicant_name')}
                autoComplete="off"
              />
            ) : null}
          </div>
        </section>

        {serviceTypes.isPending ? <Loading label={t('intake.applicationForm.servicesLoading')} /> : null}
        {serviceTypes.isError ? (
          isCatalogueDown(serviceTypes.error) ? (
            <Alert data-color="danger">
              <Paragraph>{t('intake.applicationForm.catalogueDown')}</Paragraph>
              <Button variant="secondary" data-size="sm" onClick={() => void serviceTypes.refetch()} className={styles.retry}>
                {t('state.retry')}
              </Button>
            </Alert>
          ) : (
            <ProblemAlert error={serviceTypes.error} onRetry={() => void serviceTypes.refetch()} />
          )
        ) : null}
        {serviceTypes.isSuccess ? (
          groups.length === 0 ? (
            <Paragraph>{t('intake.applicationForm.noServices')}</Paragraph>
          ) : (
            <ServicePicker
              id={form.id('services')}
              groups={groups}
              selected={values.services}
              notes={values.notes}
              error={message('services')}
              onToggle={toggleService}
              onNote={(code, note) => change(`notes.${code}`, note)}
            />
          )
        ) : null}

        <Fieldset id={form.id('urgency')} className={styles.section}>
          <Fieldset.Legend>
            <Heading level={2} data-size="sm">
              {t('intake.applicationForm.urgency')}
            </Heading>
          </Fieldset.Legend>
          {URGENCIES.map((urgency) => (
            <Radio
              key={urgency}
              name="urgency"
              value={urgency}
              label={t(`intake.urgency.${urgency}`)}
              description={t(`intake.urgencyDescription.${urgency}`)}
              checked={values.urgency === urgency}
              onChange={() => change('urgency', urgency)}
              className={styles.choice}
            />
          ))}
        </Fieldset>

        <section aria-labelledby="consent-heading" className={styles.section}>
          <Heading level={2} data-size="sm" id="consent-heading">
            {t('intake.applicationForm.consent')}
          </Heading>
          <Checkbox
            label={t('intake.applicationForm.consentLabel')}
            description={t('intake.applicationForm.consentDescription')}
            {...form.register('consent_to_obtain_information')}
            id={form.id('consent_to_obtain_information')}
            className={styles.choice}
          />
        </section>

        <div className={styles.actions}>
          <Button type="submit" loading={create.isPending} disabled={create.isPending || !serviceTypes.isSuccess}>
            {create.isPending ? t('intake.applicationForm.submitting') : t('intake.applicationForm.submit')}
          </Button>
          <Button asChild variant="tertiary">
            <RouterLink to={personPath(person.data.id)}>{t('intake.form.cancel')}</RouterLink>
          </Button>
        </div>
      </form>
    </div>
  );
}
