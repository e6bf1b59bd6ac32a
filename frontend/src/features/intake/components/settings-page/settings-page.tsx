import { Card, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';

import { FieldGrid } from '@/components/field-grid/field-grid';
import { FormActions } from '@/components/form-actions/form-actions';
import { FormErrorSummary } from '@/components/form-error-summary/form-error-summary';
import { CheckboxField, FormKit, TextField } from '@/components/form-kit/form-kit';
import { FormLayout, FormSection } from '@/components/form-section/form-section';
import { PageLayout } from '@/components/page-layout/page-layout';
import { usePageTitle } from '@/components/page-title/use-page-title';
import { Loading, ProblemAlert } from '@/components/query-state/query-state';
import { isStale, StaleAlert } from '@/components/stale-alert/stale-alert';
import { SuccessMessage } from '@/components/success-message/success-message';
import { useSession } from '@/lib/auth';
import { localeOf, useLocalize } from '@/lib/i18n';
import { useApiForm } from '@/lib/use-api-form';

import { useIntakeSettings, useUpdateIntakeSettings } from '../../api/settings';
import type { IntakeSettingsRead, IntakeSettingsUpdate } from '../../api/types';
import type { ErrorKey } from '../../lib/form-errors';
import { canAdministerIntake } from '../../lib/permissions';
import { NoAccess } from '../no-access/no-access';

export type SettingsValues = { four_eyes: boolean; moderate_from: string; extensive_from: string; source: string; need_to_know_days: string };

const FIELDS = ['four_eyes', 'moderate_from', 'extensive_from', 'source', 'need_to_know_days'];
/** The longest window the API allows after a service ended (days). */
export const NEED_TO_KNOW_MAX_DAYS = 180;
const asNumber = (value: string) => Number(value.trim().replace(',', '.'));
/** A threshold on the mean score: above 1, at most 5 (the API's range). */
const threshold = z.string().refine((value) => /^\d+([.,]\d+)?$/.test(value.trim()) && asNumber(value) > 1 && asNumber(value) <= 5, 'thresholdRange');

export const settingsSchema: z.ZodType<SettingsValues, SettingsValues> = z
  .object({
    four_eyes: z.boolean(),
    moderate_from: threshold,
    extensive_from: threshold,
    source: z
      .string()
      .refine((value) => value.trim().length >= 5, 'ruleSource')
      .max(1000, 'tooLong'),
    need_to_know_days: z
      .string()
      .refine((value) => /^\d{1,3}$/.test(value.trim()) && Number(value.trim()) <= NEED_TO_KNOW_MAX_DAYS, 'needToKnowDays'),
  })
  .superRefine((values, ctx) => {
    const moderate = asNumber(values.moderate_from);
    const extensive = asNumber(values.extensive_from);
    if (!Number.isNaN(moderate) && !Number.isNaN(extensive) && extensive <= moderate) {
      ctx.addIssue({ code: 'custom', path: ['extensive_from'], message: 'extensiveAfterModerate' });
    }
  });

const text = (value: number) => String(value).replace('.', ',');

export function settingsValues(settings: IntakeSettingsRead): SettingsValues {
  const rule = settings.need_level_rule;
  return {
    four_eyes: settings.four_eyes,
    moderate_from: text(rule.moderate_from),
    extensive_from: text(rule.extensive_from),
    source: rule.source,
    need_to_know_days: String(settings.need_to_know.days_after_end),
  };
}

/** The update: the rule only when it changed, so its version moves only on a real change. */
export function toSettingsUpdate(values: SettingsValues, current: IntakeSettingsRead): IntakeSettingsUpdate {
  const rule = { moderate_from: asNumber(values.moderate_from), extensive_from: asNumber(values.extensive_from), source: values.source.trim() };
  const old = current.need_level_rule;
  const changed = rule.moderate_from !== old.moderate_from || rule.extensive_from !== old.extensive_from || rule.source !== old.source;
  const update: IntakeSettingsUpdate = changed ? { four_eyes: values.four_eyes, need_level_rule: rule } : { four_eyes: values.four_eyes };
  const days = Number(values.need_to_know_days.trim());
  if (days !== current.need_to_know.days_after_end) {
    update.need_to_know_days_after_end = days;
  }
  return update;
}

function SettingsForm({ settings, onReload, onSaved }: { settings: IntakeSettingsRead; onReload: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { language } = useLocalize();
  const save = useUpdateIntakeSettings();
  const [problem, setProblem] = useState<unknown>(null);
  const form = useApiForm<SettingsValues>({ form: 'settings', schema: settingsSchema, initial: () => settingsValues(settings), fields: () => FIELDS });
  const labels: Record<string, string> = {
    four_eyes: t('intake.settings.fourEyes'),
    moderate_from: t('intake.settings.moderateFrom'),
    extensive_from: t('intake.settings.extensiveFrom'),
    source: t('intake.settings.source'),
    need_to_know_days: t('intake.settings.needToKnowDays'),
  };
  const message = (path: string) => {
    const key = form.errorAt(path) as ErrorKey | undefined;
    return key ? t(`intake.errors.${key}`, { field: labels[path] ?? path, number: '', max: NEED_TO_KNOW_MAX_DAYS }) : undefined;
  };
  const onSubmit = form.submitWith((values) => {
    setProblem(null);
    save.mutate(
      { version: settings.version, body: toSettingsUpdate(values, settings) },
      {
        onSuccess: onSaved,
        onError: (error) => {
          if (isStale(error)) {
            setProblem(error);
            window.scrollTo?.({ top: 0 });
            return;
          }
          const placed = form.showServerErrors(error, (path) => (path.endsWith('extensive_from') ? 'extensiveAfterModerate' : 'invalid'));
          setProblem(placed ? null : error);
        },
      },
    );
  });
  const summary = form.orderedErrors().map(([path]) => ({ id: form.id(path), message: message(path) ?? '' }));
  const rule = settings.need_level_rule;
  const number = new Intl.NumberFormat(localeOf(language), { maximumFractionDigits: 2 });
  return (
    <>
      {problem ? isStale(problem) ? <StaleAlert what={t('intake.settings.staleWhat')} onReload={onReload} /> : <ProblemAlert error={problem} /> : null}
      <FormErrorSummary heading={t('intake.form.summaryHeading')} items={summary} attempt={form.attempt} />
      <FormKit form={form} message={message}>
        <FormLayout onSubmit={onSubmit} aria-labelledby="settings-title">
          <FormSection heading={t('intake.settings.fourEyesHeading')} headingId="four-eyes-heading" description={t('intake.settings.fourEyesDescription')}>
            <CheckboxField name="four_eyes" label={labels.four_eyes} />
          </FormSection>
          <FormSection heading={t('intake.settings.ruleHeading')} headingId="rule-heading" description={t('intake.settings.ruleDescription')}>
            <Card data-color="neutral" data-testid="current-rule">
              <Paragraph data-size="sm">
                {rule.version === 0
                  ? t('intake.settings.ruleDefault')
                  : t('intake.settings.ruleCurrent', { version: rule.version })}{' '}
                {t('intake.settings.ruleNow', { moderate: number.format(rule.moderate_from), extensive: number.format(rule.extensive_from) })}
              </Paragraph>
              <Paragraph data-size="sm">{rule.source}</Paragraph>
            </Card>
            <FieldGrid>
              <TextField name="moderate_from" label={labels.moderate_from} description={t('intake.settings.thresholdDescription')} inputMode="decimal" />
              <TextField name="extensive_from" label={labels.extensive_from} description={t('intake.settings.thresholdDescription')} inputMode="decimal" />
            </FieldGrid>
            <TextField name="source" label={labels.source} description={t('intake.settings.sourceDescription')} multiline rows={3} />
          </FormSection>
          <FormSection heading={t('intake.settings.needToKnowHeading')} headingId="need-to-know-heading" description={t('intake.settings.needToKnowDescription')}>
            <Card data-color="neutral" data-testid="current-need-to-know">
              <Paragraph data-size="sm">
                {settings.need_to_know.municipality_own
                  ? t('intake.settings.needToKnowOwn', { count: settings.need_to_know.days_after_end })
                  : t('intake.settings.needToKnowDefault', { count: settings.need_to_know.days_after_end })}
              </Paragraph>
              <Paragraph data-size="sm">{settings.need_to_know.source}</Paragraph>
            </Card>
            <TextField
              name="need_to_know_days"
              label={labels.need_to_know_days}
              description={t('intake.settings.needToKnowDaysDescription', { max: NEED_TO_KNOW_MAX_DAYS })}
              inputMode="numeric"
            />
          </FormSection>
          <FormActions submit={t('intake.settings.submit')} submitting={t('intake.settings.submitting')} pending={save.isPending} />
        </FormLayout>
      </FormKit>
    </>
  );
}

/** /innstillinger: the municipality's four-eyes requirement and need-level rule, for the admin. */
export function SettingsPage() {
  const { t } = useTranslation();
  usePageTitle(t('intake.settings.title'));
  const session = useSession();
  const settings = useIntakeSettings();
  const [saved, setSaved] = useState(0);
  if (!session || !canAdministerIntake(session.user.roles)) return <NoAccess reason="admin" />;
  return (
    <PageLayout title={t('intake.settings.title')} titleId="settings-title" intro={<Paragraph>{t('intake.settings.intro')}</Paragraph>}>
      {saved > 0 ? (
        <SuccessMessage key={saved} testId="settings-saved">
          {t('intake.settings.saved')}
        </SuccessMessage>
      ) : null}
      {settings.isPending ? <Loading /> : null}
      {settings.isError ? <ProblemAlert error={settings.error} onRetry={() => void settings.refetch()} /> : null}
      {settings.data ? (
        <SettingsForm
          // A new version (saved here, or after «Last inn på nytt») starts the form over from what is stored.
          key={settings.data.version}
          settings={settings.data}
          onReload={() => void settings.refetch()}
          onSaved={() => {
            setSaved((n) => n + 1);
            window.scrollTo?.({ top: 0 });
          }}
        />
      ) : null}
    </PageLayout>
  );
}
