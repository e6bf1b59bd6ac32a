import { describe, expect, it } from 'vitest';

import type { ServiceTypeSummary, WorklistCount, WorklistItem } from '../api/types';

import { countByKind, formatCount, todayIndex, translateTitle, worklistCounts } from './worklist';

const person = { id: 'p', given_name: 'Kari', family_name: 'Nordmann', birth_date: '1944-05-15', national_id_masked: '158544*****', city: 'Ski' };
const count = (kind: WorklistCount['kind'], total: number, overdue: number, week: number, bound: Partial<WorklistCount> = {}): WorklistCount => ({
  kind,
  total,
  overdue,
  due_within_a_week: week,
  total_is_lower_bound: false,
  overdue_is_lower_bound: false,
  due_within_a_week_is_lower_bound: false,
  ...bound,
});
const item = (kind: WorklistItem['kind'], due: string, overdue: boolean): WorklistItem => ({ kind, due, overdue, subject_id: `${kind}-${due}`, person, title: '', mine: true });

describe('worklist', () => {
  it('sums the counts per kind into what the home page shows', () => {
    const counts: WorklistCount[] = [
      count('interim_reply_due', 3, 2, 1),
      count('awaiting_approval', 2, 0, 0),
      count('review_due', 4, 1, 2),
    ];
    const exact = (value: number) => ({ value, more: false });
    expect(worklistCounts(counts)).toEqual({ overdue: exact(3), dueThisWeek: exact(3), awaitingApproval: exact(2), total: exact(9) });
    expect(countByKind(counts).get('review_due')).toEqual(exact(4));
    expect(worklistCounts([])).toEqual({ overdue: exact(0), dueThisWeek: exact(0), awaitingApproval: exact(0), total: exact(0) });
  });

  it('keeps a bound a bound when it is summed, and shows it as «over N»', () => {
    const counts: WorklistCount[] = [
      count('review_due', 101, 99, 2, { total_is_lower_bound: true, overdue_is_lower_bound: true }),
      count('not_sent', 1, 1, 0),
    ];
    const summed = worklistCounts(counts);
    expect(summed.overdue).toEqual({ value: 100, more: true });
    expect(summed.dueThisWeek).toEqual({ value: 2, more: false });
    expect(summed.total).toEqual({ value: 102, more: true });
    const over = (value: number) => `over ${value}`;
    expect(formatCount(summed.total, over)).toBe('over 102');
    expect(formatCount(summed.dueThisWeek, over)).toBe('2');
  });

  it('marks today before the first task that is not overdue', () => {
    expect(todayIndex([item('interim_reply_due', '2026-11-20', true), item('not_sent', '2026-11-29', true), item('review_due', '2026-12-03', false)])).toBe(2);
    expect(todayIndex([item('interim_reply_due', '2026-11-20', true)])).toBe(-1);
  });

  it('gives the services in the UI language, and leaves unknown names as they came', () => {
    const services = [{ code: 'hjemmesykepleie', name: { nb: 'Hjemmesykepleie', nn: 'Heimesjukepleie', en: 'Home nursing' } }] as ServiceTypeSummary[];
    expect(translateTitle('Hjemmesykepleie, Trygghetsalarm', services, (text) => text.en ?? text.nb)).toBe('Home nursing, Trygghetsalarm');
  });
});
