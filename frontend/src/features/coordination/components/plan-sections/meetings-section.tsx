import { Button, Card, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';

import { DateField } from '@/components/date-field/date-field';
import { FormKit, SelectField, TextField } from '@/components/form-kit/form-kit';
import { FormLayout, FormSection } from '@/components/form-section/form-section';
import { Loading, ProblemAlert } from '@/components/query-state/query-state';
import { RepeatableList } from '@/components/repeatable-list/repeatable-list';
import { useSession } from '@/lib/auth';
import { osloToday } from '@/lib/dates';
import { useApiForm } from '@/lib/use-api-form';

import { useApproveMinutes, useMeetings, usePlanMeeting, useRecordMinutes } from '../../api/meetings';
import { useUnitOptions } from '../../api/catalogue';
import { RESPONSIBLE_KINDS, type MeetingRead, type PlanRead, type ResponsibleKind } from '../../api/types';
import { useShortDate } from '../../lib/dates';
import { NAMED_BY_KIND, ownerOptions, type OwnerOption } from '../../lib/plan-form';

import { useDynamicT } from '../../lib/translate';

import styles from './plan-sections.module.css';

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const required = z.string().refine((v) => v.trim() !== '', 'required');

type NewMeeting = { meeting_on: string; place: string; agenda: string };
const newMeetingSchema: z.ZodType<NewMeeting, NewMeeting> = z.object({
  meeting_on: z.string().refine((v) => ISO.test(v), 'date'),
  place: z.string().max(200, 'tooLong'),
  agenda: z.string().max(4000, 'tooLong'),
});

type DecisionValues = { what: string; responsible_kind: ResponsibleKind; responsible: string; owner_sub: string; owner_name: string; due_on: string };
type MinutesValues = { minutes: string; decisions: DecisionValues[] };
const minutesSchema: z.ZodType<MinutesValues, MinutesValues> = z.object({
  minutes: required,
  decisions: z.array(
    z.object({
      what: required,
      responsible_kind: z.enum(RESPONSIBLE_KINDS),
      responsible: z.string().max(200, 'tooLong'),
      owner_sub: z.string(),
      owner_name: z.string().max(200, 'tooLong'),
      due_on: z.string().refine((v) => ISO.test(v), 'date'),
    })
      .refine((d) => d.responsible_kind !== 'unit' || d.responsible.trim() !== '', { message: 'chooseUnit', path: ['responsible'] })
      .refine((d) => d.responsible_kind === 'unit' || NAMED_BY_KIND.includes(d.responsible_kind) || d.responsible.trim() !== '', {
        message: 'required',
        path: ['responsible'],
      })
      .refine((d) => d.owner_sub !== '' || d.owner_name.trim() !== '', { message: 'required', path: ['owner_name'] }),
  ),
});

function useMessage(form: { errorAt: (path: string) => string | undefined }) {
  const tx = useDynamicT();
  return (path: string) => {
    const key = form.errorAt(path);
    return key ? tx(`coordination.errors.${key}`) : undefined;
  };
}

/** The minutes of a held meeting; each decision becomes a measure with owner and deadline. */
function MinutesForm({ meeting, owners }: { meeting: MeetingRead; owners: OwnerOption[] }) {
  const session = useSession();
  const { t } = useTranslation();
  const record = useRecordMinutes();
  const form = useApiForm<MinutesValues>({
    form: `minutes-${meeting.id}`,
    schema: minutesSchema,
    initial: () => ({ minutes: '', decisions: [] }),
    fields: (values) => [
      'minutes',
      ...values.decisions.flatMap((_, i) => [`decisions.${i}.what`, `decisions.${i}.responsible`, `decisions.${i}.owner_sub`, `decisions.${i}.owner_name`, `decisions.${i}.due_on`]),
    ],
  });
  const decisions = useFieldArray({ control: form.control, name: 'decisions' });
  const message = useMessage(form);
  const tx = useDynamicT();
  const units = useUnitOptions();
  const watched = form.watch('decisions');
  const kinds = watched.map((d) => d.responsible_kind);
  const ownerChoices = [
    { value: '', label: t('coordination.planForm.ownerNotEmployee') },
    ...owners.map((o) => ({ value: o.sub, label: o.sub === session?.user.sub ? t('coordination.planForm.ownerMe', { name: o.name }) : o.name })),
  ];
  const onSubmit = form.submitWith((values) =>
    record.mutate({
      meeting,
      body: {
        minutes: values.minutes.trim(),
        decisions: values.decisions.map((d) => ({
          what: d.what.trim(),
          responsible_kind: d.responsible_kind,
          responsible: d.responsible.trim() || null,
          owner_sub: d.owner_sub || null,
          owner_name: d.owner_sub ? (owners.find((o) => o.sub === d.owner_sub)?.name ?? d.owner_name.trim()) : d.owner_name.trim(),
          due_on: d.due_on,
        })),
      },
    }),
  );
  return (
    <FormKit form={form} message={message}>
      <FormLayout onSubmit={onSubmit} className={styles.form} aria-label={t('coordination.meetings.minutesFor')}>
        <TextField name="minutes" label={t('coordination.meetings.minutes')} multiline rows={4} />
        <Heading level={4} data-size="2xs">
          {t('coordination.meetings.decisions')}
        </Heading>
        <RepeatableList
          items={decisions.fields}
          keyOf={(item) => item.id}
          addLabel={t('coordination.meetings.addDecision')}
          removeLabel={(index) => t('coordination.meetings.removeDecision', { number: index + 1 })}
          onAdd={() => decisions.append({ what: '', responsible_kind: 'unit', responsible: '', owner_sub: '', owner_name: '', due_on: '' })}
          onRemove={decisions.remove}
          framed
          render={(_, index) => (
            <>
              <TextField name={`decisions.${index}.what`} label={t('coordination.meetings.decisionWhat', { number: index + 1 })} />
              <SelectField
                name={`decisions.${index}.responsible_kind`}
                label={t('coordination.planForm.responsibleKind')}
                options={RESPONSIBLE_KINDS.map((kind) => ({ value: kind, label: tx(`coordination.responsibleKind.${kind}`) }))}
              />
              {kinds[index] === 'unit' && units.length > 0 ? (
                <SelectField
                  name={`decisions.${index}.responsible`}
                  label={t('coordination.planForm.responsible')}
                  options={[{ value: '', label: t('coordination.meetings.chooseUnit') }, ...units]}
                />
              ) : (
                <TextField
                  name={`decisions.${index}.responsible`}
                  label={t('coordination.planForm.responsible')}
                  description={NAMED_BY_KIND.includes(kinds[index] ?? 'unit') ? t('coordination.planForm.responsibleOptional') : undefined}
                />
              )}
              <SelectField name={`decisions.${index}.owner_sub`} label={t('coordination.planForm.ownerEmployee')} options={ownerChoices} />
              {watched[index]?.owner_sub ? null : <TextField name={`decisions.${index}.owner_name`} label={t('coordination.planForm.owner')} />}
              <DateField name={`decisions.${index}.due_on`} label={t('coordination.meetings.deadline')} />
            </>
          )}
        />
        {record.isError ? <ProblemAlert error={record.error} /> : null}
        <div>
          <Button type="submit" disabled={record.isPending}>
            {t('coordination.meetings.saveMinutes')}
          </Button>
        </div>
      </FormLayout>
    </FormKit>
  );
}

function MeetingCard({ meeting, mayEdit, owners }: { meeting: MeetingRead; mayEdit: boolean; owners: OwnerOption[] }) {
  const { t } = useTranslation();
  const tx = useDynamicT();
  const date = useShortDate();
  const approve = useApproveMinutes();
  return (
    <Card data-color="neutral" data-testid="meeting">
      <Heading level={3} data-size="xs">
        {t('coordination.meetings.meetingOn', { date: date(meeting.meeting_on) })}
      </Heading>
      <div className={styles.row}>
        <Tag data-color={meeting.status === 'approved' ? 'success' : 'info'}>{tx(`coordination.meetings.status.${meeting.status}`)}</Tag>
        {meeting.place ? <span>{meeting.place}</span> : null}
      </div>
      {meeting.agenda.length > 0 ? (
        <>
          <Paragraph data-size="sm">{t('coordination.meetings.agenda')}:</Paragraph>
          <ol className={styles.list}>
            {meeting.agenda.map((point) => (
              <li key={point}>{point}</li>
            ))}
          </ol>
        </>
      ) : null}
      {meeting.minutes ? <Paragraph data-size="sm">{meeting.minutes}</Paragraph> : null}
      {meeting.decisions.length > 0 ? (
        <ul className={styles.list}>
          {meeting.decisions.map((d) => (
            <li key={d.measure_id ?? d.what}>{t('coordination.meetings.decisionLine', { what: d.what, owner: d.owner_name, date: date(d.due_on) })}</li>
          ))}
        </ul>
      ) : null}
      {mayEdit && meeting.status === 'planned' && meeting.meeting_on <= osloToday() ? <MinutesForm meeting={meeting} owners={owners} /> : null}
      {mayEdit && meeting.status === 'held' ? (
        <div>
          <Button variant="secondary" onClick={() => approve.mutate(meeting)} disabled={approve.isPending}>
            {t('coordination.meetings.approve')}
          </Button>
          {approve.isError ? <ProblemAlert error={approve.error} /> : null}
        </div>
      ) : null}
    </Card>
  );
}

/** The ansvarsgruppe's meetings: call one, write the minutes with decisions, approve them. */
export function MeetingsSection({ plan }: { plan: PlanRead }) {
  const { t } = useTranslation();
  const session = useSession();
  const owners = ownerOptions(
    session ? { sub: session.user.sub, name: session.user.name } : null,
    plan.team.map((m) => ({ name: m.name, employee_sub: m.employee_sub ?? '' })),
  );
  const meetings = useMeetings(plan.id);
  const create = usePlanMeeting();
  const form = useApiForm<NewMeeting>({
    form: 'meeting',
    schema: newMeetingSchema,
    initial: () => ({ meeting_on: osloToday(), place: '', agenda: '' }),
    fields: () => ['meeting_on', 'place', 'agenda'],
  });
  const message = useMessage(form);
  const onSubmit = form.submitWith((values) =>
    create.mutate(
      {
        planId: plan.id,
        body: {
          meeting_on: values.meeting_on,
          place: values.place.trim() || null,
          agenda: values.agenda.split('\n').map((line) => line.trim()).filter(Boolean),
          attendees: plan.team.map((m) => ({ name: m.name, role: m.role, present: true })),
        },
      },
      { onSuccess: () => form.reset({ meeting_on: osloToday(), place: '', agenda: '' }) },
    ),
  );
  return (
    <FormSection heading={t('coordination.meetings.heading')} description={t('coordination.meetings.help')}>
      {meetings.isPending ? <Loading /> : null}
      {meetings.isError ? <ProblemAlert error={meetings.error} /> : null}
      <div className={styles.plain}>
        {meetings.data?.map((meeting) => <MeetingCard key={meeting.id} meeting={meeting} mayEdit={plan.may_edit} owners={owners} />)}
      </div>
      {plan.may_edit ? (
        <FormKit form={form} message={message}>
          <FormLayout onSubmit={onSubmit} className={styles.form} aria-label={t('coordination.meetings.new')}>
            <DateField name="meeting_on" label={t('coordination.meetings.date')} />
            <TextField name="place" label={t('coordination.meetings.place')} />
            <TextField name="agenda" label={t('coordination.meetings.agenda')} description={t('coordination.meetings.agendaHelp')} multiline rows={3} />
            {create.isError ? <ProblemAlert error={create.error} /> : null}
            <div>
              <Button type="submit" variant="secondary" disabled={create.isPending}>
                {t('coordination.meetings.new')}
              </Button>
            </div>
          </FormLayout>
        </FormKit>
      ) : null}
    </FormSection>
  );
}
