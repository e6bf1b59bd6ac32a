import { describe, expect, it } from 'vitest';

import type { ServiceTypeSummary, WorklistCount, WorklistItem } from '../api/types';

import { countByKind, todayIndex, translateTitle, worklistCounts } from './worklist';

const person = { id: 'p', given_name: 'Kari', family_name: 'Nordmann', birth_date: '1944-05-15', national_id_masked: '158544*****', city: 'Ski' };
const item = (kind: WorklistItem['kind'], due: string, overdue: boolean): WorklistItem => ({ kind, due, overdue, subject_id: `${kind}-${due}`, person, title: '', mine: true });

describe('worklist', () => {
  it('sums the counts per kind into what the home page shows', () => {
    const counts: WorklistCount[] = [
      { kind: 'interim_reply_due', total: 3, overdue: 2, due_within_a_week: 1 },
      { kind: 'awaiting_approval', total: 2, overdue: 0, due_within_a_week: 0 },
      { kind: 'review_due', total: 4, overdue: 1, due_within_a_week: 2 },
    ];
    expect(worklistCounts(counts)).toEqual({ overdue: 3, dueThisWeek: 3, awaitingApproval: 2, total: 9 });
    expect(countByKind(counts).get('review_due')).toBe(4);
    expect(worklistCounts([])).toEqual({ overdue: 0, dueThisWeek: 0, awaitingApproval: 0, total: 0 });
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
