import { Button, Checkbox, Field, Heading, Label, Link, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { ArrowLeftIcon, PlusIcon } from '@navikt/aksel-icons';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';

import { FormErrorSummary, focusField } from '@/components/form-error-summary/form-error-summary';
import { usePageTitle } from '@/components/page-title/use-page-title';
import { Loading, ProblemAlert } from '@/components/query-state/query-state';
import { isStale, StaleAlert } from '@/components/stale-alert/stale-alert';
import { useSession } from '@/lib/auth';
import { withFlash } from '@/lib/flash';
import { useLocalize } from '@/lib/i18n';
import { ApiProblem, isNotFound } from '@/lib/problem';

import { useCreatePerson } from '../../api/create-person';
import { usePerson } from '../../api/get-person';
import type { PersonRead } from '../../api/types';
import { useUpdatePerson } from '../../api/update-person';
import { groupNumber, leaf, type ErrorKey } from '../../lib/form-errors';
import { languageName, PREFERRED_LANGUAGES } from '../../lib/languages';
import {
  emptyPerson,
  emptyRelative,
  emptyRepresentative,
  MAX_RELATIVES,
  MAX_REPRESENTATIVES,
  personServerErrorKey,
  personValues,
  toPersonCreate,
  toPersonUpdate,
} from '../../lib/person-form';
import { canRegister } from '../../lib/permissions';
import { PERSONS_PATH, personPath } from '../../paths';
import { NoAccess } from '../no-access/no-access';
import { RelativeFields } from '../relative-fields/relative-fields';
import { RepresentativeFields } from '../representative-fields/representative-fields';

import type { PersonFlash } from '../person-page/person-page';

import { usePersonForm } from './use-person-form';

import styles from './person-form-page.module.css';

/** The label a field has in the form, for messages that name it. */
function useFieldLabel() {
  const { t } = useTranslation();
  return (path: string): string => {
    const number = groupNumber(path);
    if (path.startsWith('relatives.') && number !== undefined) {
      const field = leaf(path);
      const label =
        field === 'name' ? t('intake.personForm.relative.name')
        : field === 'relation' ? t('intake.personForm.relative.relation')
        : field === 'phone' ? t('intake.personForm.relative.phone')
        : field === 'email' ? t('intake.personForm.relative.email')
        : field === 'is_next_of_kin' ? t('intake.personForm.relative.isNextOfKin')
        : field === 'information_scope' ? t('intake.personForm.relative.informationScope')
        : t('intake.personForm.relative.canHelpWith');
      return t('intake.form.fieldInGroup', { field: label, group: t('intake.personForm.relative.legend', { number }) });
    }
    if (path.startsWith('representatives.') && number !== undefined) {
      const field = leaf(path);
      const label =
        field === 'kind' ? t('intake.personForm.representative.kind')
        : field === 'name' ? t('intake.personForm.representative.name')
        : field === 'contact' ? t('intake.personForm.representative.contact')
        : field === 'scope' ? t('intake.personForm.representative.scopeShort')
        : field === 'valid_from' ? t('intake.personForm.representative.validFrom')
        : t('intake.personForm.representative.validTo');
      return t('intake.form.fieldInGroup', { field: label, group: t('intake.personForm.representative.legend', { number }) });
    }
    switch (path) {
      case 'national_id':
        return t('intake.personForm.nationalId');
      case 'given_name':
        return t('intake.personForm.givenName');
      case 'family_name':
        return t('intake.personForm.familyName');
      case 'address.street':
        return t('intake.personForm.street');
      case 'address.postcode':
        return t('intake.personForm.postcode');
      case 'address.city':
        return t('intake.personForm.city');
      case 'address':
        return t('intake.personForm.section.contact');
      case 'phone':
        return t('intake.personForm.phone');
      case 'preferred_language':
        return t('intake.personForm.preferredLanguage');
      case 'needs_interpreter':
        return t('intake.personForm.needsInterpreter');
      case 'interpreter_language':
        return t('intake.personForm.interpreterLanguage');
      case 'gp.practice':
        return t('intake.personForm.gpPractice');
      case 'gp.phone':
        return t('intake.personForm.gpPhone');
      case 'gp.name':
      case 'gp':
        return t('intake.personForm.gpName');
      case 'relatives':
        return t('intake.personForm.section.relatives');
      default:
        return t('intake.personForm.section.representatives');
    }
  };
}

/** The input ids the summary links to; a whole group points at its add button. */
function targetId(form: { id: (path: string) => string }, path: string): string {
  if (path === 'address') return form.id('address.street');
  if (path === 'gp') return form.id('gp.name');
  return form.id(path);
}

/** /personer/ny: register a person with contact, interpreter need, GP, relatives and representatives. */
export function PersonFormPage() {
  return <PersonForm />;
}

/** /personer/:id/endre: correct a stored person; the national id does not change. */
export function PersonEditPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const session = useSession();
  const person = usePerson(id);
  if (!session || !canRegister(session.user.roles)) return <NoAccess reason="register" />;
  if (person.isPending) return <Loading />;
  if (person.isError) {
    return (
      <div className={styles.page}>
        <Heading level={1} data-size="lg">
          {isNotFound(person.error) ? t('intake.person.notFoundTitle') : t('intake.personForm.editTitle')}
        </Heading>
        {isNotFound(person.error) ? <Paragraph>{t('intake.person.notFoundBody')}</Paragraph> : <ProblemAlert error={person.error} />}
      </div>
    );
  }
  // A new version (after «Last inn på nytt») starts the form over from what is stored now.
  return <PersonForm key={person.data.version} person={person.data} onReload={() => void person.refetch()} />;
}

function PersonForm({ person, onReload }: { person?: PersonRead; onReload?: () => void }) {
  const { t } = useTranslation();
  const editing = person !== undefined;
  const title = editing ? t('intake.personForm.editTitle') : t('intake.personForm.title');
  usePageTitle(title);
  const session = useSession();
  const { locale } = useLocalize();
  const navigate = useNavigate();
  const create = useCreatePerson();
  const update = useUpdatePerson(person?.id ?? '');
  const pending = create.isPending || update.isPending;
  const labelOf = useFieldLabel();
  const form = usePersonForm(() => (person ? personValues(person) : emptyPerson()));
  const focusNext = useRef<string | null>(null);
  /** A failure no field can show (network, 5xx, a rule about the whole request). */
  const [formProblem, setFormProblem] = useState<unknown>(null);
  const [stale, setStale] = useState(false);

  useEffect(() => {
    if (focusNext.current) {
      focusField(focusNext.current);
      focusNext.current = null;
    }
  });

  if (!session || !canRegister(session.user.roles)) return <NoAccess reason="register" />;

  const message = (path: string): string | undefined => {
    const key = form.errorAt(path) as ErrorKey | undefined;
    return key ? t(`intake.errors.${key}`, { field: labelOf(path), number: groupNumber(path) ?? '' }) : undefined;
  };

  const values = form.values;

  const onSubmit = form.submitWith((current) => {
    setFormProblem(null);
    if (person) {
      update.mutate(
        { version: person.version, body: toPersonUpdate(current) },
        {
          onSuccess: (saved) => void navigate(personPath(saved.id), { state: withFlash<PersonFlash>({ kind: 'updated' }) }),
          onError: (error) => {
            if (isStale(error)) {
              setStale(true);
              window.scrollTo?.({ top: 0 });
              return;
            }
            const placed = form.showServerErrors(error, personServerErrorKey);
            setFormProblem(placed ? null : error);
          },
        },
      );
      return;
    }
    create.mutate(toPersonCreate(current), {
      onSuccess: (person) => void navigate(personPath(person.id), { state: withFlash<PersonFlash>({ kind: 'registered' }) }),
      onError: (error) => {
        const exists = error instanceof ApiProblem && error.status === 409;
        const placed = form.showServerErrors(error, personServerErrorKey);
        if (exists) form.setError('national_id', { type: 'server', message: 'nationalIdExists' });
        setFormProblem(placed || exists ? null : error);
      },
    });
  });

  const addRelative = () => {
    focusNext.current = form.id(`relatives.${values.relatives.length}.name`);
    form.change('relatives', [...values.relatives, emptyRelative()]);
  };
  const removeRelative = (index: number) => {
    focusNext.current = 'add-relative';
    form.change('relatives', values.relatives.filter((_, i) => i !== index));
  };
  const addRepresentative = () => {
    focusNext.current = form.id(`representatives.${values.representatives.length}.kind`);
    form.change('representatives', [...values.representatives, emptyRepresentative()]);
  };
  const removeRepresentative = (index: number) => {
    focusNext.current = 'add-representative';
    form.change('representatives', values.representatives.filter((_, i) => i !== index));
  };

  const summary = form.orderedErrors().map(([path]) => ({
    id: path === 'relatives' ? 'add-relative' : path === 'representatives' ? 'add-representative' : targetId(form, path),
    message: message(path) ?? '',
  }));

  return (
    <div className={styles.page}>
      <Link asChild className={styles.back}>
        <RouterLink to={person ? personPath(person.id) : PERSONS_PATH}>
          <ArrowLeftIcon aria-hidden fontSize="1.25em" />
          {person ? t('intake.personForm.backToPerson', { name: t('intake.personName', { given: person.given_name, family: person.family_name }) }) : t('intake.personForm.back')}
        </RouterLink>
      </Link>
      <header className={styles.header}>
        <Heading level={1} data-size="lg" id="person-form-title">
          {title}
        </Heading>
        <Paragraph className={styles.intro}>{editing ? t('intake.personForm.editIntro') : t('intake.personForm.intro')}</Paragraph>
      </header>
      {stale ? <StaleAlert what={t('intake.personForm.staleWhat')} onReload={onReload} /> : null}

      <FormErrorSummary heading={t('intake.form.summaryHeading')} items={summary} attempt={form.attempt} />
      {formProblem ? (
        <div role="alert">
          <ProblemAlert error={formProblem} />
        </div>
      ) : null}

      <form noValidate onSubmit={onSubmit} className={styles.form} aria-labelledby="person-form-title">

        <section aria-labelledby="person-identity" className={styles.section}>
          <Heading level={2} data-size="sm" id="person-identity">
            {t('intake.personForm.section.identity')}
          </Heading>
          <Textfield
            label={t('intake.personForm.nationalId')}
            description={t('intake.personForm.nationalIdDescription')}
            {...form.text('national_id')}
            error={message('national_id')}
            readOnly={editing}
            inputMode="numeric"
            autoComplete="off"
            maxLength={14}
            className={styles.short}
            aria-required
          />
          <div className={styles.grid}>
            <Textfield label={t('intake.personForm.givenName')} {...form.text('given_name')} error={message('given_name')} autoComplete="off" aria-required />
            <Textfield label={t('intake.personForm.familyName')} {...form.text('family_name')} error={message('family_name')} autoComplete="off" aria-required />
          </div>
        </section>

        <section aria-labelledby="person-contact" className={styles.section}>
          <Heading level={2} data-size="sm" id="person-contact">
            {t('intake.personForm.section.contact')}
          </Heading>
          <Textfield label={t('intake.personForm.street')} {...form.text('address.street')} error={message('address.street')} autoComplete="off" />
          <div className={styles.postal}>
            <Textfield
              label={t('intake.personForm.postcode')}
              {...form.text('address.postcode')}
              error={message('address.postcode')}
              inputMode="numeric"
              maxLength={4}
              autoComplete="off"
            />
            <Textfield label={t('intake.personForm.city')} {...form.text('address.city')} error={message('address.city')} autoComplete="off" />
          </div>
          <Textfield label={t('intake.personForm.phone')} type="tel" {...form.text('phone')} error={message('phone')} autoComplete="off" className={styles.short} />
        </section>

        <section aria-labelledby="person-language" className={styles.section}>
          <Heading level={2} data-size="sm" id="person-language">
            {t('intake.personForm.section.language')}
          </Heading>
          <Field className={styles.short}>
            <Label>{t('intake.personForm.preferredLanguage')}</Label>
            <Select {...form.text('preferred_language')}>
              {PREFERRED_LANGUAGES.map((code) => (
                <Select.Option key={code} value={code}>
                  {languageName(code, locale)}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <Checkbox
            label={t('intake.personForm.needsInterpreter')}
            description={t('intake.personForm.needsInterpreterDescription')}
            {...form.checkbox('needs_interpreter')}
          />
          {values.needs_interpreter ? (
            <Textfield
              label={t('intake.personForm.interpreterLanguage')}
              description={t('intake.personForm.interpreterLanguageDescription')}
              {...form.text('interpreter_language')}
              error={message('interpreter_language')}
              autoComplete="off"
              className={styles.short}
            />
          ) : null}
        </section>

        <section aria-labelledby="person-gp" className={styles.section}>
          <Heading level={2} data-size="sm" id="person-gp">
            {t('intake.personForm.section.gp')}
          </Heading>
          <div className={styles.grid}>
            <Textfield label={t('intake.personForm.gpName')} {...form.text('gp.name')} error={message('gp.name')} autoComplete="off" />
            <Textfield label={t('intake.personForm.gpPractice')} {...form.text('gp.practice')} error={message('gp.practice')} autoComplete="off" />
            <Textfield label={t('intake.personForm.gpPhone')} type="tel" {...form.text('gp.phone')} error={message('gp.phone')} autoComplete="off" />
          </div>
        </section>

        <section aria-labelledby="person-relatives" className={styles.section}>
          <Heading level={2} data-size="sm" id="person-relatives">
            {t('intake.personForm.section.relatives')}
          </Heading>
          <Paragraph data-size="sm" className={styles.subtle}>
            {t('intake.personForm.relative.intro')}
          </Paragraph>
          {values.relatives.map((_, index) => (
            <RelativeFields key={index} form={form} index={index} message={message} onRemove={() => removeRelative(index)} />
          ))}
          {values.relatives.length < MAX_RELATIVES ? (
            <Button id="add-relative" type="button" variant="secondary" className={styles.add} onClick={addRelative}>
              <PlusIcon aria-hidden fontSize="1.5em" />
              {t('intake.personForm.relative.add')}
            </Button>
          ) : null}
        </section>

        <section aria-labelledby="person-representatives" className={styles.section}>
          <Heading level={2} data-size="sm" id="person-representatives">
            {t('intake.personForm.section.representatives')}
          </Heading>
          <Paragraph data-size="sm" className={styles.subtle}>
            {t('intake.personForm.representative.intro')}
          </Paragraph>
          {values.representatives.map((_, index) => (
            <RepresentativeFields key={index} form={form} index={index} message={message} onRemove={() => removeRepresentative(index)} />
          ))}
          {values.representatives.length < MAX_REPRESENTATIVES ? (
            <Button id="add-representative" type="button" variant="secondary" className={styles.add} onClick={addRepresentative}>
              <PlusIcon aria-hidden fontSize="1.5em" />
              {t('intake.personForm.representative.add')}
            </Button>
          ) : null}
        </section>

        <div className={styles.actions}>
          <Button type="submit" loading={pending} disabled={pending}>
            {pending ? t('intake.personForm.submitting') : editing ? t('intake.personForm.saveChanges') : t('intake.personForm.submit')}
          </Button>
          <Button asChild variant="tertiary">
            <RouterLink to={person ? personPath(person.id) : PERSONS_PATH}>{t('intake.form.cancel')}</RouterLink>
          </Button>
        </div>
      </form>
    </div>
  );
}
