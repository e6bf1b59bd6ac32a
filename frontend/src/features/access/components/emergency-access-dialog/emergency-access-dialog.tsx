import { Button, Dialog, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';

import { RadioGroup } from '@/components/choice-group/choice-group';
import { FormErrorSummary } from '@/components/form-error-summary/form-error-summary';
import { FormKit, TextField } from '@/components/form-kit/form-kit';
import { FormLayout } from '@/components/form-section/form-section';
import { ProblemAlert } from '@/components/query-state/query-state';
import { useSession } from '@/lib/auth';
import { useApiForm } from '@/lib/use-api-form';

import { useOpenEmergencyAccess } from '../../api/emergency-access';
import { EMERGENCY_CATEGORIES, EMERGENCY_HOURS, REASON_MIN_CHARACTERS, REASON_MIN_WORDS, type EmergencyCategory } from '../../api/types';

import { canOpenEmergencyAccess } from '../../lib/permissions';

import styles from './emergency-access-dialog.module.css';

type Values = { category: EmergencyCategory | ''; reason: string };

/** The API's rule, checked before sending: a category, and a reason of at least a sentence. */
export const emergencySchema: z.ZodType<Values, Values> = z.object({
  category: z.union([z.enum(EMERGENCY_CATEGORIES), z.literal('')]).refine((value) => value !== '', 'category'),
  reason: z.string().refine((value) => {
    const words = value.trim().split(/\s+/).filter(Boolean);
    return words.join(' ').length >= REASON_MIN_CHARACTERS && words.length >= REASON_MIN_WORDS;
  }, 'reasonShort'),
});

/**
 * Nødtilgang: a clinician without a service relation opens the person for 4 hours, with a
 * category and a reason; the page reloads the person when it is open.
 */
export function EmergencyAccessDialog({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const opening = useOpenEmergencyAccess(personId);
  const form = useApiForm<Values>({
    form: 'emergency',
    schema: emergencySchema,
    initial: { category: '', reason: '' },
    fields: () => ['category', 'reason'],
  });
  const message = (path: string) => {
    const key = form.errorAt(path);
    if (!key) return undefined;
    if (key === 'reasonShort') return t('access.errors.reasonShort', { characters: REASON_MIN_CHARACTERS, words: REASON_MIN_WORDS });
    return key === 'category' ? t('access.errors.category') : t('access.errors.server');
  };
  const onSubmit = form.submitWith((values) =>
    opening.mutate(
      { category: values.category as EmergencyCategory, reason: values.reason.trim() },
      {
        onSuccess: () => setOpen(false),
        onError: (error) => form.showServerErrors(error, (path) => (path === 'reason' ? 'reasonShort' : 'server')),
      },
    ),
  );
  const summary = form.orderedErrors().map(([path]) => ({ id: form.id(path), message: message(path) ?? '' }));
  return (
    <>
      <Button onClick={() => setOpen(true)} aria-haspopup="dialog" data-testid="open-emergency-access">
        {t('access.gate.open')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} closeButton={t('access.dialog.close')} aria-labelledby="emergency-heading" data-testid="emergency-dialog">
        <Dialog.Block>
          <Heading level={2} data-size="xs" id="emergency-heading">
            {t('access.dialog.title')}
          </Heading>
        </Dialog.Block>
        <Dialog.Block>
          <Paragraph>{t('access.dialog.intro', { hours: EMERGENCY_HOURS })}</Paragraph>
          <FormKit form={form} message={message}>
            <FormLayout onSubmit={onSubmit} aria-labelledby="emergency-heading" className={styles.form}>
              <FormErrorSummary heading={t('access.dialog.summary')} items={summary} attempt={form.attempt} />
              <RadioGroup
                name="category"
                legend={t('access.dialog.category')}
                layout="column"
                choices={EMERGENCY_CATEGORIES.map((value) => ({ value, label: t(`access.category.${value}`), description: t(`access.categoryHelp.${value}`) }))}
              />
              <TextField name="reason" label={t('access.dialog.reason')} description={t('access.dialog.reasonHelp')} multiline rows={4} />
              {opening.isError && !form.orderedErrors().length ? <ProblemAlert error={opening.error} /> : null}
              <div className={styles.actions}>
                <Button type="submit" loading={opening.isPending}>
                  {t('access.dialog.submit', { hours: EMERGENCY_HOURS })}
                </Button>
                <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
                  {t('access.dialog.cancel')}
                </Button>
              </div>
            </FormLayout>
          </FormKit>
        </Dialog.Block>
      </Dialog>
    </>
  );
}

/** What a clinician without need to know sees instead of the person: why, and the way in. */
export function EmergencyAccessGate({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const session = useSession();
  if (!canOpenEmergencyAccess(session?.user.roles ?? [])) return null;
  return (
    <section aria-labelledby="emergency-gate-heading" className={styles.gate} data-testid="emergency-gate">
      <Heading level={1} data-size="lg" id="emergency-gate-heading">
        {t('access.gate.title')}
      </Heading>
      <Paragraph>{t('access.gate.body')}</Paragraph>
      <Paragraph>{t('access.dialog.intro', { hours: EMERGENCY_HOURS })}</Paragraph>
      <div>
        <EmergencyAccessDialog personId={personId} />
      </div>
    </section>
  );
}
