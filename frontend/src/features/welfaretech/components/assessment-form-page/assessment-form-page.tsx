import { Alert, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useFieldArray, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';

import { CheckboxGroup, RadioGroup } from '@/components/choice-group/choice-group';
import { DateField } from '@/components/date-field/date-field';
import { FormActions } from '@/components/form-actions/form-actions';
import { FormErrorSummary } from '@/components/form-error-summary/form-error-summary';
import { CheckboxField, FieldMessage, FormKit, TextField, useFormKit } from '@/components/form-kit/form-kit';
import { FormLayout, FormSection } from '@/components/form-section/form-section';
import { PageLayout } from '@/components/page-layout/page-layout';
import { usePageTitle } from '@/components/page-title/use-page-title';
import { Loading, ProblemAlert } from '@/components/query-state/query-state';
import { RepeatableList } from '@/components/repeatable-list/repeatable-list';
import { useSession } from '@/lib/auth';
import { formatShortDate } from '@/lib/dates';
import { withFlash } from '@/lib/flash';
import { useLocalize } from '@/lib/i18n';
import { useApiForm } from '@/lib/use-api-form';

import { useRecordAssessment, useRecordLegalDecision } from '../../api/assessments';
import { useReferral } from '../../api/referrals';
import { CAPACITIES, NEEDS, REFLECTION_STEPS, type AssessmentRead } from '../../api/types';
import {
  ABILITIES,
  assessmentFields,
  assessmentSchema,
  assessmentServerErrorKey,
  emptyAssessment,
  ENVIRONMENT_FLAGS,
  MAX_GOALS,
  reflectionRequired,
  toAssessmentCreate,
  toLegalDecisionCreate,
  type AssessmentFormValues,
} from '../../lib/assessment-form';
import { underPrefix, type ErrorKey } from '../../lib/form-errors';
import { isTeam } from '../../lib/permissions';
import { assessmentPath, WELFARETECH_PATH } from '../../paths';
import { LegalDecisionFields } from '../legal-decision-fields/legal-decision-fields';
import { NoAccess } from '../no-access/no-access';

import styles from './assessment-form-page.module.css';

/** The capacity-dependent parts: consent with capacity; the reflection and the § 4-6 a decision without. */
function ConsentSection() {
  const { t } = useTranslation();
  const { form } = useFormKit();
  const capacity = useWatch({ control: form.control, name: 'consent_capacity' }) as AssessmentFormValues['consent_capacity'];
  const recordLegal = useWatch({ control: form.control, name: 'record_legal' }) === true;
  const yesNo = (['yes', 'no'] as const).map((value) => ({ value, label: t(`welfaretech.answer.${value}`) }));
  return (
    <>
      <FormSection heading={t('welfaretech.assessment.consentHeading')} headingId="consent-heading" description={t('welfaretech.assessment.consentDescription')}>
        <RadioGroup
          name="consent_capacity"
          legend={t('welfaretech.assessment.capacity')}
          choices={CAPACITIES.map((value) => ({ value, label: t(`welfaretech.capacity.${value}`) }))}
        />
        {capacity === 'yes' ? <RadioGroup name="consent_given" legend={t('welfaretech.assessment.consentGiven')} choices={yesNo} /> : null}
        {capacity === 'unclear' ? (
          <Alert data-color="warning" data-testid="capacity-unclear">
            <Paragraph>{t('welfaretech.assessment.unclearNote')}</Paragraph>
          </Alert>
        ) : null}
      </FormSection>
      {reflectionRequired(capacity) ? (
        <FormSection
          heading={t('welfaretech.assessment.reflectionHeading')}
          headingId="reflection-heading"
          id="assessment-ethical_reflection"
          description={t('welfaretech.assessment.reflectionDescription')}
        >
          <ol className={styles.steps}>
            {REFLECTION_STEPS.map((step, index) => (
              <li key={step}>
                <TextField
                  name={`ethical_reflection.${step}`}
                  label={t('welfaretech.reflection.stepLabel', { number: index + 1, step: t(`welfaretech.reflection.${step}`) })}
                  description={t(`welfaretech.reflection.help.${step}`)}
                  multiline
                  rows={3}
                  aria-required
                />
              </li>
            ))}
          </ol>
        </FormSection>
      ) : null}
      {capacity === 'no' ? (
        <FormSection heading={t('welfaretech.legal.heading')} headingId="legal-heading" description={t('welfaretech.legal.description')}>
          <CheckboxField name="record_legal" label={t('welfaretech.legal.recordNow')} />
          {recordLegal ? <LegalDecisionFields prefix="legal." /> : <Paragraph data-size="sm">{t('welfaretech.legal.laterNote')}</Paragraph>}
        </FormSection>
      ) : null}
    </>
  );
}

/** /velferdsteknologi/henvisninger/:referralId/kartlegging: the assessment in the home, on a tablet. */
export function AssessmentFormPage() {
  const { referralId = '' } = useParams();
  const { t } = useTranslation();
  const { language } = useLocalize();
  const navigate = useNavigate();
  usePageTitle(t('welfaretech.assessment.title'));
  const session = useSession();
  const referral = useReferral(referralId);
  const record = useRecordAssessment();
  const legal = useRecordLegalDecision();
  const [formProblem, setFormProblem] = useState<unknown>(null);
  /** Saved, while the § 4-6 a decision that goes with it was refused: a new submit sends only the decision. */
  const [saved, setSaved] = useState<AssessmentRead | null>(null);

  const form = useApiForm<AssessmentFormValues>({
    form: 'assessment',
    schema: assessmentSchema(),
    initial: () => emptyAssessment(),
    fields: assessmentFields,
  });
  const goals = useFieldArray({ control: form.control, name: 'own_goals' });

  if (!session || !isTeam(session.user.roles)) return <NoAccess />;
  if (referral.isPending) return <Loading />;
  if (referral.isError) {
    return (
      <PageLayout back={{ to: WELFARETECH_PATH, label: t('welfaretech.inbox.back') }} title={t('welfaretech.assessment.title')}>
        <ProblemAlert error={referral.error} />
      </PageLayout>
    );
  }
  const person = referral.data.person;
  const name = `${person.given_name} ${person.family_name}`;

  const labels: Record<string, string> = {
    assessed_on: t('welfaretech.assessment.assessedOn'),
    needs: t('welfaretech.assessment.needs'),
    'abilities.note': t('welfaretech.assessment.abilitiesNote'),
    'environment.housing': t('welfaretech.assessment.housing'),
    'environment.door': t('welfaretech.assessment.door'),
    consent_capacity: t('welfaretech.assessment.capacity'),
    consent_given: t('welfaretech.assessment.consentGiven'),
    note: t('welfaretech.assessment.note'),
    'legal.kinds': t('welfaretech.legal.kinds'),
    'legal.person_does_not_resist': t('welfaretech.legal.doesNotResist'),
    'legal.decided_on': t('welfaretech.legal.decidedOn'),
    'legal.valid_from': t('welfaretech.legal.validFrom'),
    'legal.valid_until': t('welfaretech.legal.validUntil'),
  };
  const labelOf = (path: string): string => {
    const [head, key = '', sub] = path.split('.');
    if (head === 'own_goals') return t('welfaretech.assessment.goal', { number: Number(key) + 1 });
    if (head === 'abilities' && key !== 'note') return t(`welfaretech.ability.${key as 'can_use_button'}`);
    if (head === 'environment' && key.startsWith('has_')) return t(`welfaretech.environment.${key as 'has_power'}`);
    if (head === 'ethical_reflection') return t(`welfaretech.reflection.${key as 'situation'}`);
    if (head === 'legal' && key === 'conditions' && sub) return t(`welfaretech.legal.condition.${sub as 'prevents_harm'}`);
    return labels[path] ?? path;
  };
  const message = (path: string): string | undefined => {
    const key = form.errorAt(path) as ErrorKey | undefined;
    return key ? t(`welfaretech.errors.${key}`, { field: labelOf(path) }) : undefined;
  };

  const done = (assessment: AssessmentRead, withDecision: boolean) =>
    void navigate(assessmentPath(assessment.id), {
      state: withFlash(withDecision ? 'savedWithDecision' : 'saved'),
    });

  const sendDecision = (assessment: AssessmentRead, values: AssessmentFormValues) => {
    legal.mutate(
      { assessmentId: assessment.id, body: toLegalDecisionCreate(values.legal) },
      {
        onSuccess: () => done(assessment, true),
        onError: (error) => {
          setSaved(assessment);
          const placed = form.showServerErrors(underPrefix(error, 'legal'), assessmentServerErrorKey);
          setFormProblem(placed ? null : error);
        },
      },
    );
  };

  const onSubmit = form.submitWith((values) => {
    setFormProblem(null);
    const withDecision = values.consent_capacity === 'no' && values.record_legal;
    if (saved) {
      if (withDecision) sendDecision(saved, values);
      else done(saved, false);
      return;
    }
    record.mutate(toAssessmentCreate(values, referralId), {
      onSuccess: (assessment) => (withDecision ? sendDecision(assessment, values) : done(assessment, false)),
      onError: (error) => {
        const placed = form.showServerErrors(error, assessmentServerErrorKey);
        setFormProblem(placed ? null : error);
      },
    });
  });

  const summary = form.orderedErrors().map(([path]) => ({ id: form.id(path), message: message(path) ?? '' }));
  const yesNo = (['yes', 'no'] as const).map((value) => ({ value, label: t(`welfaretech.answer.${value}`) }));

  return (
    <PageLayout
      back={{ to: WELFARETECH_PATH, label: t('welfaretech.inbox.back') }}
      title={t('welfaretech.assessment.title')}
      titleId="wt-assessment-title"
      lead={t('welfaretech.assessment.for', { name, date: formatShortDate(referral.data.received_on, language) })}
      intro={<Paragraph>{t('welfaretech.assessment.intro')}</Paragraph>}
    >
      {saved ? (
        <Alert data-color="warning" data-testid="saved-without-decision">
          <Heading level={2} data-size="xs">
            {t('welfaretech.assessment.savedWithoutDecisionTitle')}
          </Heading>
          <Paragraph>{t('welfaretech.assessment.savedWithoutDecisionBody')}</Paragraph>
          <Link asChild>
            <RouterLink to={assessmentPath(saved.id)}>{t('welfaretech.assessment.openSaved')}</RouterLink>
          </Link>
        </Alert>
      ) : null}
      <FormErrorSummary heading={t('welfaretech.form.summaryHeading')} items={summary} attempt={form.attempt} />
      {formProblem ? (
        <div role="alert">
          <ProblemAlert error={formProblem} />
        </div>
      ) : null}
      <FormKit form={form} message={message}>
        <FormLayout onSubmit={onSubmit} aria-labelledby="wt-assessment-title" className={styles.form}>
          <FormSection
            heading={t('welfaretech.assessment.goalsHeading')}
            headingId="goals-heading"
            description={t('welfaretech.assessment.goalsDescription')}
            variant="highlight"
          >
            <RepeatableList
              id={form.id('own_goals')}
              items={goals.fields}
              keyOf={(item) => item.id}
              min={1}
              max={MAX_GOALS}
              addLabel={t('welfaretech.assessment.addGoal')}
              removeLabel={(index) => t('welfaretech.assessment.removeGoal', { number: index + 1 })}
              onAdd={() => goals.append({ text: '' }, { shouldFocus: false })}
              onRemove={(index) => goals.remove(index)}
              render={(_, index) => <TextField name={`own_goals.${index}.text`} label={t('welfaretech.assessment.goal', { number: index + 1 })} multiline rows={2} />}
            />
          </FormSection>

          <FormSection heading={t('welfaretech.assessment.needsHeading')} headingId="needs-heading">
            <DateField name="assessed_on" label={labels.assessed_on} required />
            <CheckboxGroup
              name="needs"
              legend={labels.needs}
              description={t('welfaretech.assessment.needsDescription')}
              choices={NEEDS.map((need) => ({ value: need, label: t(`welfaretech.need.${need}`) }))}
            />
          </FormSection>

          <FormSection heading={t('welfaretech.assessment.abilitiesHeading')} headingId="abilities-heading" description={t('welfaretech.assessment.abilitiesDescription')}>
            <div className={styles.pairs}>
              {ABILITIES.map((flag) => (
                <RadioGroup key={flag} name={`abilities.${flag}`} legend={t(`welfaretech.ability.${flag}`)} choices={yesNo} />
              ))}
            </div>
            <TextField name="abilities.note" label={labels['abilities.note']} multiline rows={2} />
          </FormSection>

          <FormSection heading={t('welfaretech.assessment.environmentHeading')} headingId="environment-heading">
            <TextField name="environment.housing" label={labels['environment.housing']} description={t('welfaretech.assessment.housingHelp')} aria-required />
            <div className={styles.pairs}>
              {ENVIRONMENT_FLAGS.map((flag) => (
                <RadioGroup key={flag} name={`environment.${flag}`} legend={t(`welfaretech.environment.${flag}`)} choices={yesNo} />
              ))}
            </div>
            <TextField name="environment.door" label={labels['environment.door']} />
          </FormSection>

          <ConsentSection />

          <FormSection heading={t('welfaretech.assessment.noteHeading')} headingId="note-heading">
            <TextField name="note" label={labels.note} multiline rows={3} />
            <FieldMessage name="ethical_reflection" />
          </FormSection>

          <FormActions
            submit={saved ? t('welfaretech.assessment.submitDecision') : t('welfaretech.assessment.submit')}
            submitting={t('welfaretech.assessment.submitting')}
            pending={record.isPending || legal.isPending}
            cancel={{ to: WELFARETECH_PATH, label: t('welfaretech.form.cancel') }}
          />
        </FormLayout>
      </FormKit>
    </PageLayout>
  );
}
