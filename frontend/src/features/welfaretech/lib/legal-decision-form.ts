/**
 * Renewing or ending a pbrl § 4-6 a decision. A renewal documents each condition anew, the
 * person not resisting, and a new time limit past the old one and within the legal basis'
 * longest period; an end is dated between the decision and today, and the alarm or location
 * technology resting on it alone ends with it (its loans end, the devices are collected).
 */
import { z } from 'zod';

import { isIsoDate, osloToday } from '@/lib/dates';

import { DEVICE_STATUSES, type DeviceStatus, type LegalDecisionEnd, type LegalDecisionRead, type LegalDecisionRenew, type LoanSummary } from '../api/types';

import { emptyLegalDecision, legalDecisionIssues, type LegalDecisionValues } from './assessment-form';
import type { ErrorKey } from './form-errors';

export type RenewValues = LegalDecisionValues;
export type EndDecisionValues = { ended_on: string; reason: string; device_to: DeviceStatus };

const dayAfter = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 24 * 60 * 60 * 1000).toISOString().slice(0, 10);

/** A renewal starts the day after the old decision ends, or today if that has passed; the conditions are written anew. */
export function emptyRenewal(decision: LegalDecisionRead, today: string = osloToday()): RenewValues {
  const next = dayAfter(decision.valid_until);
  return { ...emptyLegalDecision(today), kinds: decision.kinds, valid_from: next > today ? next : today };
}

export function renewalFields(): string[] {
  return ['conditions.prevents_harm', 'conditions.in_persons_interest', 'conditions.proportionate', 'conditions.least_intrusive', 'conditions.would_have_consented', 'conditions.relatives_heard', 'conditions', 'person_does_not_resist', 'decided_on', 'valid_from', 'valid_until'];
}

const renewShape = z.object({
  kinds: z.array(z.string()),
  conditions: z.record(z.string(), z.string()),
  person_does_not_resist: z.boolean(),
  decided_on: z.string(),
  valid_from: z.string(),
  valid_until: z.string(),
});

export function renewalSchema(decision: LegalDecisionRead, maxMonths: number, today: string = osloToday()): z.ZodType<RenewValues, RenewValues> {
  return (renewShape as unknown as z.ZodType<RenewValues, RenewValues>).superRefine((values, ctx) => {
    for (const issue of legalDecisionIssues(values, today, maxMonths)) ctx.addIssue({ code: 'custom', ...issue });
    if (isIsoDate(values.valid_until) && values.valid_until <= decision.valid_until) ctx.addIssue({ code: 'custom', path: ['valid_until'], message: 'renewalUntil' satisfies ErrorKey });
  });
}

export function toRenewal(values: RenewValues): LegalDecisionRenew {
  return {
    conditions: Object.fromEntries(Object.entries(values.conditions).map(([key, text]) => [key, text.trim()])),
    person_does_not_resist: values.person_does_not_resist,
    decided_on: values.decided_on,
    valid_from: values.valid_from,
    valid_until: values.valid_until,
  };
}

export function emptyEnd(today: string = osloToday()): EndDecisionValues {
  return { ended_on: today, reason: '', device_to: 'in_stock' };
}

export function endSchema(decision: LegalDecisionRead, today: string = osloToday()): z.ZodType<EndDecisionValues, EndDecisionValues> {
  return z
    .object({ ended_on: z.string(), reason: z.string().max(900, 'tooLong'), device_to: z.enum(DEVICE_STATUSES as [DeviceStatus, ...DeviceStatus[]]) })
    .superRefine((values, ctx) => {
      const add = (path: string, message: ErrorKey) => ctx.addIssue({ code: 'custom', path: [path], message });
      if (!isIsoDate(values.ended_on)) add('ended_on', 'date');
      else if (values.ended_on > today) add('ended_on', 'future');
      else if (values.ended_on < decision.decided_on) add('ended_on', 'decisionEndedOn');
      if (!values.reason.trim()) add('reason', 'reason');
    });
}

export function toEnd(values: EndDecisionValues): LegalDecisionEnd {
  return { ended_on: values.ended_on, reason: values.reason.trim(), device_to: values.device_to };
}

/** The open loans that rest on this decision: they end with it. */
export function loansResting(decision: LegalDecisionRead, loans: readonly LoanSummary[]): LoanSummary[] {
  return loans.filter((loan) => loan.status === 'active' && loan.legal_decision_id === decision.id);
}

/** Only the decision in effect (not renewed, not ended) is renewed or ended. */
export const isActionable = (decision: LegalDecisionRead) => decision.status !== 'renewed' && decision.status !== 'ended';
