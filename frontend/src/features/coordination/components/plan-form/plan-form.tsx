import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';

import { FormErrorSummary } from '@/components/form-error-summary/form-error-summary';
import { DateField } from '@/components/date-field/date-field';
import { CheckboxField, FormKit, SelectField, TextField } from '@/components/form-kit/form-kit';
import { FormLayout, FormSection } from '@/components/form-section/form-section';
import { ProblemAlert } from '@/components/query-state/query-state';
import { RepeatableList } from '@/components/repeatable-list/repeatable-list';
import { useSession } from '@/lib/auth';
import { ApiProblem } from '@/lib/problem';
import { useApiForm } from '@/lib/use-api-form';

import { useUnitOptions } from '../../api/catalogue';

import { planQuery, useCompare, useSavePlan } from '../../api/plans';
import { LIFE_AREAS, MEASURE_STATUSES, RESPONSIBLE_KINDS, type PlanRead } from '../../api/types';
import {
  emptyGoal,
  emptyMeasure,
  emptyMember,
  NAMED_BY_KIND,
  ownerOptions,
  planFields,
  planSchema,
  planValues,
  toPlanUpdate,
  type PlanFormValues,
} from '../../lib/plan-form';
import { ChangesList } from '../plan-sections/changes-list';

import { useDynamicT } from '../../lib/translate';

import styles from './plan-form.module.css';

const isStale = (error: unknown) => error instanceof ApiProblem && error.status === 412;

/** Someone saved in between: what they changed, and the way on. */
function Conflict({ planId, from, to, onReload }: { planId: string; from: number; to: number; onReload: () => void }) {
  const { t } = useTranslation();
  const compare = useCompare(planId, from, to, true);
  return (
    <Alert data-color="warning" role="alert" data-testid="plan-conflict">
      <Heading level={2} data-size="xs">
        {t('coordination.planForm.conflictTitle')}
      </Heading>
      <Paragraph>{t('coordination.planForm.conflictBody', { from, to })}</Paragraph>
      {compare.data ? <ChangesList comparison={compare.data} /> : null}
      <Button variant="secondary" onClick={onReload}>
        {t('coordination.planForm.reload')}
      </Button>
    </Alert>
  );
}

/** The koordinator's editor: goals in the person's own words, measures, the care team, the next evaluation. */
export function PlanForm({ plan }: { plan: PlanRead }) {
  const { t } = useTranslation();
  const tx = useDynamicT();
  const queryClient = useQueryClient();
  const save = useSavePlan();
  const [conflict, setConflict] = useState<{ from: number; to: number } | null>(null);
  const [saved, setSaved] = useState<number | null>(null);
  const form = useApiForm<PlanFormValues>({ form: 'plan', schema: planSchema, initial: () => planValues(plan), fields: planFields });
  const goals = useFieldArray({ control: form.control, name: 'goals', keyName: 'key' });
  const measures = useFieldArray({ control: form.control, name: 'measures', keyName: 'key' });
  const team = useFieldArray({ control: form.control, name: 'team', keyName: 'key' });
  const session = useSession();
  const units = useUnitOptions();
  const watchedMeasures = form.watch('measures');
  const owners = ownerOptions(session ? { sub: session.user.sub, name: session.user.name } : null, form.watch('team'));
  /** The employees a measure can be given to, and an owner saved earlier who is no longer among them. */
  const ownerChoices = (index: number) => {
    const measure = watchedMeasures[index];
    const known = measure && measure.owner_sub && !owners.some((o) => o.sub === measure.owner_sub) ? [{ sub: measure.owner_sub, name: measure.owner_name || measure.owner_sub }] : [];
    return [
      { value: '', label: t('coordination.planForm.ownerNotEmployee') },
      ...[...owners, ...known].map((o) => ({ value: o.sub, label: o.sub === session?.user.sub ? t('coordination.planForm.ownerMe', { name: o.name }) : o.name })),
    ];
  };

  // A change saved elsewhere (a meeting's decisions, an evaluation, the feed) comes in when
  // nothing is being edited here; an edit in progress keeps its base and meets a 412 instead.
  const dirty = form.formState.isDirty;
  useEffect(() => {
    if (plan.version !== form.getValues('base_version') && !dirty && !conflict) form.reset(planValues(plan));
  }, [plan, dirty, conflict, form]);

  const message = (path: string) => {
    const key = form.errorAt(path);
    return key ? tx(`coordination.errors.${key}`) : undefined;
  };
  const summary = form.orderedErrors().map(([path]) => ({ id: form.id(path), message: `${tx(`coordination.field.${path.split('.').pop() ?? path}`)}: ${message(path) ?? ''}` }));

  const onSubmit = form.submitWith((values) => {
    setSaved(null);
    save.mutate(
      { id: plan.id, version: values.base_version, body: toPlanUpdate(values, owners) },
      {
        onSuccess: (next) => {
          form.reset(planValues(next));
          setSaved(next.version);
        },
        onError: (error) => {
          if (isStale(error)) {
            void queryClient.fetchQuery({ ...planQuery(plan.id), staleTime: 0 }).then((latest) => setConflict({ from: values.base_version, to: latest.version }));
          } else {
            form.showServerErrors(error, () => 'invalid');
          }
        },
      },
    );
  });

  const reload = () => {
    const latest = queryClient.getQueryData<PlanRead>(planQuery(plan.id).queryKey);
    if (latest) {
      form.reset(planValues(latest));
    }
    setConflict(null);
  };

  const goalOptions = [
    { value: '', label: t('coordination.planForm.noGoal') },
    ...form.watch('goals').map((goal, index) => ({ value: goal.id, label: goal.text || t('coordination.planForm.goalNumber', { number: index + 1 }) })),
  ];

  return (
    <FormKit form={form} message={message}>
      <FormLayout onSubmit={onSubmit} aria-labelledby="plan-form-heading">
        <Heading level={2} data-size="md" id="plan-form-heading">
          {t('coordination.planForm.title')}
        </Heading>
        <FormErrorSummary heading={t('coordination.planForm.summary')} items={summary} attempt={form.attempt} />
        {conflict ? <Conflict planId={plan.id} from={conflict.from} to={conflict.to} onReload={reload} /> : null}

        <FormSection heading={t('coordination.plan.goals')} description={t('coordination.planForm.goalsHelp')} variant="highlight">
          <RepeatableList
            items={goals.fields}
            keyOf={(item) => item.key}
            addLabel={t('coordination.planForm.addGoal')}
            removeLabel={(index) => t('coordination.planForm.removeGoal', { number: index + 1 })}
            onAdd={() => goals.append(emptyGoal())}
            onRemove={goals.remove}
            framed
            render={(_, index) => (
              <div className={styles.grid}>
                <SelectField
                  name={`goals.${index}.life_area`}
                  label={t('coordination.planForm.lifeArea', { number: index + 1 })}
                  options={LIFE_AREAS.map((area) => ({ value: area, label: tx(`coordination.lifeArea.${area}`) }))}
                />
                <TextField name={`goals.${index}.text`} label={t('coordination.planForm.goalText', { number: index + 1 })} multiline rows={2} />
              </div>
            )}
          />
        </FormSection>

        <FormSection heading={t('coordination.plan.measures')} description={t('coordination.planForm.measuresHelp')}>
          <RepeatableList
            items={measures.fields}
            keyOf={(item) => item.key}
            addLabel={t('coordination.planForm.addMeasure')}
            removeLabel={(index) => t('coordination.planForm.removeMeasure', { number: index + 1 })}
            onAdd={() => measures.append(emptyMeasure())}
            onRemove={measures.remove}
            framed
            render={(_, index) => (
              <div className={styles.grid}>
                <TextField name={`measures.${index}.what`} label={t('coordination.planForm.what', { number: index + 1 })} />
                <SelectField
                  name={`measures.${index}.responsible_kind`}
                  label={t('coordination.planForm.responsibleKind')}
                  options={RESPONSIBLE_KINDS.map((kind) => ({ value: kind, label: tx(`coordination.responsibleKind.${kind}`) }))}
                />
                {watchedMeasures[index]?.responsible_kind === 'unit' && units.length > 0 ? (
                  <SelectField
                    name={`measures.${index}.responsible`}
                    label={t('coordination.planForm.responsible')}
                    options={[{ value: '', label: t('coordination.meetings.chooseUnit') }, ...units]}
                  />
                ) : (
                  <TextField
                    name={`measures.${index}.responsible`}
                    label={t('coordination.planForm.responsible')}
                    description={
                      NAMED_BY_KIND.includes(watchedMeasures[index]?.responsible_kind ?? 'unit')
                        ? t('coordination.planForm.responsibleOptional')
                        : watchedMeasures[index]?.responsible_kind === 'unit'
                          ? t('coordination.planForm.unitUnavailable')
                          : undefined
                    }
                  />
                )}
                <SelectField
                  name={`measures.${index}.owner_sub`}
                  label={t('coordination.planForm.ownerEmployee')}
                  options={ownerChoices(index)}
                />
                {watchedMeasures[index]?.owner_sub ? null : (
                  <TextField name={`measures.${index}.owner_name`} label={t('coordination.planForm.owner')} description={t('coordination.planForm.ownerHelp')} />
                )}
                <SelectField name={`measures.${index}.goal_id`} label={t('coordination.planForm.goal')} options={goalOptions} />
                <DateField name={`measures.${index}.starts_on`} label={t('coordination.planForm.startsOn')} />
                <DateField name={`measures.${index}.due_on`} label={t('coordination.planForm.dueOn')} />
                <SelectField
                  name={`measures.${index}.status`}
                  label={t('coordination.planForm.status')}
                  options={MEASURE_STATUSES.map((status) => ({ value: status, label: tx(`coordination.measureStatus.${status}`) }))}
                />
              </div>
            )}
          />
        </FormSection>

        <FormSection heading={t('coordination.plan.team')} description={t('coordination.planForm.teamHelp')}>
          <RepeatableList
            items={team.fields}
            keyOf={(item) => item.key}
            addLabel={t('coordination.planForm.addMember')}
            removeLabel={(index) => t('coordination.planForm.removeMember', { number: index + 1 })}
            onAdd={() => team.append(emptyMember())}
            onRemove={team.remove}
            framed
            render={(_, index) => (
              <div className={styles.grid}>
                <TextField name={`team.${index}.name`} label={t('coordination.planForm.memberName', { number: index + 1 })} />
                <TextField name={`team.${index}.role`} label={t('coordination.planForm.role')} />
                <TextField name={`team.${index}.organisation`} label={t('coordination.planForm.organisation')} />
                <TextField name={`team.${index}.contact`} label={t('coordination.planForm.contact')} />
                <TextField
                  name={`team.${index}.employee_sub`}
                  label={t('coordination.planForm.employeeSub')}
                  description={t('coordination.planForm.employeeSubHelp')}
                />
                <CheckboxField name={`team.${index}.may_see_plan`} label={t('coordination.planForm.maySeePlan')} />
              </div>
            )}
          />
        </FormSection>

        <FormSection heading={t('coordination.planForm.evaluationHeading')}>
          <div className={styles.grid}>
            <DateField name="next_evaluation_on" label={t('coordination.planForm.nextEvaluation')} />
            <TextField name="note" label={t('coordination.planForm.note')} description={t('coordination.planForm.noteHelp')} />
          </div>
        </FormSection>

        {save.isError && !isStale(save.error) ? <ProblemAlert error={save.error} /> : null}
        {saved !== null ? (
          <Alert data-color="success" role="status">
            <Paragraph>{t('coordination.planForm.saved', { version: saved })}</Paragraph>
          </Alert>
        ) : null}
        <div className={styles.actions}>
          <Button type="submit" disabled={save.isPending}>
            {save.isPending ? t('coordination.planForm.saving') : t('coordination.planForm.save')}
          </Button>
        </div>
      </FormLayout>
    </FormKit>
  );
}
