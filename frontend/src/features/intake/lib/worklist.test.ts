import { describe, expect, it } from 'vitest';

import type { ServiceTypeSummary, WorklistItem } from '../api/types';

import { overdueFirst, pageOf, todayIndex, translateTitle, worklistCounts } from './worklist';

const person = { id: 'p', given_name: 'Kari', family_name: 'Nordmann', birth_date: '1944-05-15', national_id_masked: '158544*****', city: 'Ski' };
const item = (kind: WorklistItem['kind'], due: string, overdue: boolean): WorklistItem => ({ kind, due, overdue, subject_id: `${kind}-${due}`, person, title: '', mine: true });

describe('worklist', () => {
  const today = '2026-11-30';
  const items = [
    item('review_due', '2026-12-20', false),
    item('interim_reply_due', '2026-11-20', true),
    item('awaiting_approval', '2026-12-03', false),
    item('not_sent', '2026-11-29', true),
  ];

  it('puts the overdue first and counts what the home page shows', () => {
    expect(overdueFirst(items).map((task) => task.due)).toEqual(['2026-11-20', '2026-11-29', '2026-12-03', '2026-12-20']);
    expect(worklistCounts(items, today)).toEqual({ overdue: 2, dueThisWeek: 1, awaitingApproval: 1, total: 4 });
    expect(todayIndex(overdueFirst(items))).toBe(2);
  });

  it('gives the services in the UI language, and leaves unknown names as they came', () => {
    const services = [{ code: 'hjemmesykepleie', name: { nb: 'Hjemmesykepleie', nn: 'Heimesjukepleie', en: 'Home nursing' } }] as ServiceTypeSummary[];
    expect(translateTitle('Hjemmesykepleie, Trygghetsalarm', services, (text) => text.en ?? text.nb)).toBe('Home nursing, Trygghetsalarm');
  });

  it('pages twenty at a time', () => {
    const many = Array.from({ length: 45 }, (_, index) => index);
    expect(pageOf(many, 3)).toEqual({ items: [40, 41, 42, 43, 44], pages: 3, page: 3 });
    expect(pageOf(many, 9).page).toBe(3);
  });
});
