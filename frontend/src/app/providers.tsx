import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { Suspense, type ReactNode } from 'react';

import { EmergencyAccessGate } from '@/features/access/routes';
import { ReportNeedLink } from '@/features/coordination/routes';
import { PersonSlotsContext, type PersonSlots } from '@/lib/person-slots';

/** What other features add to intake's person page. */
const personSlots: PersonSlots = {
  refused: (personId) => (
    <Suspense fallback={null}>
      <EmergencyAccessGate personId={personId} />
    </Suspense>
  ),
  actions: (personId) => <ReportNeedLink personId={personId} />,
};

/** What every part of the app relies on: the query cache (i18n is set up once in main.tsx). */
export function Providers({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <PersonSlotsContext.Provider value={personSlots}>{children}</PersonSlotsContext.Provider>
    </QueryClientProvider>
  );
}
