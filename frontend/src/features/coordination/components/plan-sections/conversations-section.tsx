import { Button, Card, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';

import { DateField } from '@/components/date-field/date-field';
import { FormKit, SelectField, TextField } from '@/components/form-kit/form-kit';
import { FormLayout, FormSection } from '@/components/form-section/form-section';
import { Loading, ProblemAlert } from '@/components/query-state/query-state';
import { osloToday } from '@/lib/dates';
import { useApiForm } from '@/lib/use-api-form';

import { useConversations, usePlanConversation, useRecordConversation, useRelations } from '../../api/relatives';
import { PHASES, type ConversationRead, type Phase, type PlanRead } from '../../api/types';
import { useShortDate } from '../../lib/dates';
import { useDynamicT } from '../../lib/translate';

import styles from './plan-sections.module.css';

const ISO = /^\d{4}-\d{2}-\d{2}$/;
type NewValues = { relative_id: string; phase: Phase; planned_on: string };
const newSchema: z.ZodType<NewValues, NewValues> = z.object({
  relative_id: z.string().refine((v) => v !== '', 'required'),
  phase: z.enum(PHASES),
  planned_on: z.string().refine((v) => ISO.test(v), 'date'),
});
type HeldValues = { held_on: string; agreed: string };
const heldSchema: z.ZodType<HeldValues, HeldValues> = z.object({
  held_on: z.string().refine((v) => ISO.test(v), 'date'),
  agreed: z.string().refine((v) => v.trim() !== '', 'required').max(8000, 'tooLong'),
});

function useMessage(form: { errorAt: (path: string) => string | undefined }) {
  const tx = useDynamicT();
  return (path: string) => {
    const key = form.errorAt(path);
    return key ? tx(`coordination.errors.${key}`) : undefined;
  };
}

/** Held: the date and what was agreed. */
function HeldForm({ conversation }: { conversation: ConversationRead }) {
  const { t } = useTranslation();
  const tx = useDynamicT();
  const record = useRecordConversation();
  const form = useApiForm<HeldValues>({
    form: `conversation-${conversation.id}`,
    schema: heldSchema,
    initial: () => ({ held_on: osloToday(), agreed: '' }),
    fields: () => ['held_on', 'agreed'],
  });
  const message = useMessage(form);
  const onSubmit = form.submitWith((values) =>
    record.mutate({ conversation, body: { held_on: values.held_on, agreed: values.agreed.trim() } }, { onError: (error) => form.showServerErrors(error, () => 'invalid') }),
  );
  return (
    <FormKit form={form} message={message}>
      <FormLayout
        onSubmit={onSubmit}
        className={styles.form}
        aria-label={t('coordination.conversations.heldFor', { name: conversation.relative_name, phase: tx(`coordination.conversations.phase.${conversation.phase}`) })}
      >
        <DateField name="held_on" label={t('coordination.conversations.heldOn')} />
        <TextField name="agreed" label={t('coordination.conversations.agreed')} description={t('coordination.conversations.agreedHelp')} multiline rows={3} />
        {record.isError ? <ProblemAlert error={record.error} /> : null}
        <div>
          <Button type="submit" variant="secondary" disabled={record.isPending}>
            {t('coordination.conversations.saveHeld')}
          </Button>
        </div>
      </FormLayout>
    </FormKit>
  );
}

function NewConversation({ plan }: { plan: PlanRead }) {
  const { t } = useTranslation();
  const tx = useDynamicT();
  const relations = useRelations(plan.person.id);
  const create = usePlanConversation();
  const form = useApiForm<NewValues>({
    form: 'conversation',
    schema: newSchema,
    initial: () => ({ relative_id: '', phase: 'introduction', planned_on: osloToday() }),
    fields: () => ['relative_id', 'phase', 'planned_on'],
  });
  const message = useMessage(form);
  const onSubmit = form.submitWith((values) =>
    create.mutate(
      { personId: plan.person.id, body: values },
      { onSuccess: () => form.reset({ relative_id: '', phase: 'introduction', planned_on: osloToday() }), onError: (error) => form.showServerErrors(error, () => 'invalid') },
    ),
  );
  if (relations.isPending) return <Loading />;
  if (relations.isError) return <ProblemAlert error={relations.error} onRetry={() => void relations.refetch()} />;
  if (relations.data.relatives.length === 0) return <Paragraph data-size="sm">{t('coordination.conversations.noRelatives')}</Paragraph>;
  return (
    <FormKit form={form} message={message}>
      <FormLayout onSubmit={onSubmit} className={styles.form} aria-label={t('coordination.conversations.new')}>
        <SelectField
          name="relative_id"
          label={t('coordination.conversations.relative')}
          options={[
            { value: '', label: t('coordination.conversations.chooseRelative') },
            ...relations.data.relatives.map((r) => ({
              value: r.id,
              label: t('coordination.conversations.relativeOption', { name: r.name, relation: r.relation, scope: tx(`coordination.conversations.scope.${r.information_scope}`) }),
            })),
          ]}
        />
        <SelectField name="phase" label={t('coordination.conversations.phaseLabel')} options={PHASES.map((p) => ({ value: p, label: tx(`coordination.conversations.phase.${p}`) }))} />
        <DateField name="planned_on" label={t('coordination.conversations.plannedOn')} />
        {create.isError ? <ProblemAlert error={create.error} /> : null}
        <div>
          <Button type="submit" variant="secondary" disabled={create.isPending}>
            {t('coordination.conversations.new')}
          </Button>
        </div>
      </FormLayout>
    </FormKit>
  );
}

/** Pårørendesamtaler in the Ottestad model's three phases, with what was agreed (Stange). */
export function ConversationsSection({ plan }: { plan: PlanRead }) {
  const { t } = useTranslation();
  const tx = useDynamicT();
  const date = useShortDate();
  const conversations = useConversations(plan.person.id);
  const held = (phase: Phase) => conversations.data?.some((c) => c.phase === phase && c.status === 'held') ?? false;

  return (
    <FormSection heading={t('coordination.conversations.heading')} description={t('coordination.conversations.help')}>
      <ol className={styles.phases} aria-label={t('coordination.conversations.phasesLabel')}>
        {PHASES.map((phase) => (
          <li key={phase} className={styles.phase}>
            <strong>{tx(`coordination.conversations.phase.${phase}`)}</strong>
            <span>{tx(`coordination.conversations.phaseHelp.${phase}`)}</span>
            {held(phase) ? <Tag data-color="success">{t('coordination.conversations.phaseHeld')}</Tag> : null}
          </li>
        ))}
      </ol>
      {conversations.isPending ? <Loading /> : null}
      {conversations.isError ? <ProblemAlert error={conversations.error} /> : null}
      <div className={styles.plain} data-testid="conversations">
        {conversations.data?.map((c) => (
          <Card key={c.id} data-color="neutral" data-testid="conversation">
            <Heading level={3} data-size="xs">
              {t('coordination.conversations.title', { phase: tx(`coordination.conversations.phase.${c.phase}`), name: c.relative_name, relation: c.relation })}
            </Heading>
            <div className={styles.row}>
              <Tag data-color={c.status === 'held' ? 'success' : 'info'}>{tx(`coordination.conversations.status.${c.status}`)}</Tag>
              <span>{c.held_on ? t('coordination.conversations.heldLine', { date: date(c.held_on) }) : t('coordination.conversations.plannedLine', { date: date(c.planned_on) })}</span>
            </div>
            <Paragraph data-size="sm">{t('coordination.conversations.mayBeTold', { scope: tx(`coordination.conversations.scope.${c.information_scope}`) })}</Paragraph>
            {c.agreed ? (
              <Paragraph data-size="sm">
                <strong>{t('coordination.conversations.agreed')}:</strong> {c.agreed}
              </Paragraph>
            ) : null}
            {c.status === 'planned' && c.planned_on <= osloToday() ? <HeldForm conversation={c} /> : null}
          </Card>
        ))}
      </div>
      {conversations.data?.length === 0 ? <Paragraph data-size="sm">{t('coordination.conversations.none')}</Paragraph> : null}
      <NewConversation plan={plan} />
    </FormSection>
  );
}
