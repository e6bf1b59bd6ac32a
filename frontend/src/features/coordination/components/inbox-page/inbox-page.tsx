import { Alert, Button, Card, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { z } from 'zod';

import { FormKit, TextField } from '@/components/form-kit/form-kit';
import { FormLayout } from '@/components/form-section/form-section';
import { PageLayout } from '@/components/page-layout/page-layout';
import { Loading, ProblemAlert } from '@/components/query-state/query-state';
import { useApiForm } from '@/lib/use-api-form';

import { useInbox, useRefuseRequest, useTakeRequest } from '../../api/requests';
import { CoordinationNav } from '../coordination-nav/coordination-nav';
import type { RequestRead } from '../../api/types';
import { useShortDate } from '../../lib/dates';
import { planPath } from '../../paths';

import { useDynamicT } from '../../lib/translate';

import styles from './inbox-page.module.css';

type TakeValues = { reasons: string };
const takeSchema: z.ZodType<TakeValues, TakeValues> = z.object({
  reasons: z.string().refine((v) => v.trim() !== '', 'required').max(4000, 'tooLong'),
});

/** «Ta saken»: the reasons, then the caller becomes koordinator and a draft plan opens. */
function TakeRequest({ request }: { request: RequestRead }) {
  const { t } = useTranslation();
  const tx = useDynamicT();
  const navigate = useNavigate();
  const take = useTakeRequest();
  const refuse = useRefuseRequest();
  const form = useApiForm<TakeValues>({
    form: `take-${request.id}`,
    schema: takeSchema,
    initial: { reasons: t('coordination.inbox.defaultReasons') },
    fields: () => ['reasons'],
  });
  const message = (path: string) => {
    const key = form.errorAt(path);
    return key ? tx(`coordination.errors.${key}`) : undefined;
  };
  const onSubmit = form.submitWith((values) =>
    take.mutate({ request, reasons: values.reasons.trim() }, { onSuccess: (plan) => void navigate(planPath(plan.id)) }),
  );
  const onRefuse = form.submitWith((values) => refuse.mutate({ request, reasons: values.reasons.trim() }));
  return (
    <FormKit form={form} message={message}>
      <FormLayout onSubmit={onSubmit} className={styles.take} aria-label={t('coordination.inbox.takeFor', { name: request.person_name ?? '' })}>
        <TextField name="reasons" label={t('coordination.inbox.reasons')} multiline rows={2} />
        {take.isError ? <ProblemAlert error={take.error} /> : null}
        {refuse.isError ? <ProblemAlert error={refuse.error} /> : null}
        <div className={styles.buttons}>
          <Button type="submit" disabled={take.isPending || refuse.isPending}>
            {take.isPending ? t('coordination.inbox.taking') : t('coordination.inbox.take')}
          </Button>
          <Button type="button" variant="secondary" onClick={onRefuse} disabled={take.isPending || refuse.isPending}>
            {t('coordination.inbox.refuse')}
          </Button>
        </div>
      </FormLayout>
    </FormKit>
  );
}

/** The koordinerende enhet's inbox: requests for an individual plan and/or a koordinator, longest waiting first. */
export function InboxPage() {
  const { t } = useTranslation();
  const tx = useDynamicT();
  const date = useShortDate();
  const inbox = useInbox();
  const [open, setOpen] = useState<string | null>(null);

  return (
    <PageLayout title={t('coordination.inbox.title')} lead={t('coordination.inbox.lead')} intro={<CoordinationNav />}>
      {inbox.isPending ? <Loading /> : null}
      {inbox.isError ? <ProblemAlert error={inbox.error} onRetry={() => void inbox.refetch()} /> : null}
      {inbox.data && inbox.data.items.length === 0 ? (
        <Alert data-color="success">
          <Paragraph>{t('coordination.inbox.empty')}</Paragraph>
        </Alert>
      ) : null}
      <ul className={styles.list} data-testid="inbox">
        {inbox.data?.items.map((request) => (
          <li key={request.id}>
            <Card className={styles.item} data-color="neutral">
              <Heading level={2} data-size="xs">
                {request.person_name ?? t('coordination.unknownPerson')}
              </Heading>
              <div className={styles.meta}>
                <Tag data-color={request.waiting_days > 14 ? 'warning' : 'neutral'}>
                  {t('coordination.inbox.waiting', { count: request.waiting_days })}
                </Tag>
                <Tag data-color="info">{tx(`coordination.source.${request.source}`)}</Tag>
                {request.is_child ? <Tag data-color="accent">{t('coordination.inbox.child')}</Tag> : null}
              </div>
              <Paragraph data-size="sm">
                {t('coordination.inbox.asks', {
                  what: [request.wants_plan ? t('coordination.inbox.plan') : null, request.wants_coordinator ? t('coordination.inbox.coordinator') : null]
                    .filter(Boolean)
                    .join(t('coordination.and')),
                  date: date(request.received_on),
                })}
              </Paragraph>
              {request.submitted_by ? <Paragraph data-size="sm">{t('coordination.inbox.from', { who: request.submitted_by })}</Paragraph> : null}
              {request.description ? <Paragraph data-size="sm">{request.description}</Paragraph> : null}
              {request.units.length > 0 ? <Paragraph data-size="sm">{t('coordination.inbox.units', { units: request.units.join(', ') })}</Paragraph> : null}
              {open === request.id ? (
                <TakeRequest request={request} />
              ) : (
                <div>
                  <Button variant="secondary" onClick={() => setOpen(request.id)}>
                    {t('coordination.inbox.assess', { name: request.person_name ?? '' })}
                  </Button>
                </div>
              )}
            </Card>
          </li>
        ))}
      </ul>
    </PageLayout>
  );
}
