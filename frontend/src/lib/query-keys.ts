/** Every query key in one place, so invalidation stays right. */
export const queryKeys = {
  dev: {
    users: () => ['dev', 'users'] as const,
  },
  catalogue: {
    all: () => ['catalogue'] as const,
    municipality: () => ['catalogue', 'municipality'] as const,
    careLevels: () => ['catalogue', 'care-levels'] as const,
    serviceTypes: (careLevel?: string) => ['catalogue', 'service-types', 'list', { careLevel: careLevel ?? null }] as const,
    serviceType: (code: string) => ['catalogue', 'service-types', 'detail', code] as const,
    criteria: (code: string) => ['catalogue', 'service-types', 'detail', code, 'criteria'] as const,
    criteriaMetrics: () => ['catalogue', 'criteria-metrics'] as const,
    units: () => ['catalogue', 'units'] as const,
  },
  intake: {
    all: () => ['intake'] as const,
    persons: {
      all: () => ['intake', 'persons'] as const,
      search: (q: string) => ['intake', 'persons', 'search', { q }] as const,
      detail: (id: string) => ['intake', 'persons', 'detail', id] as const,
      timeline: (id: string) => ['intake', 'persons', 'detail', id, 'timeline'] as const,
      accessLog: (id: string) => ['intake', 'persons', 'detail', id, 'access-log'] as const,
    },
    applications: {
      all: () => ['intake', 'applications'] as const,
      list: (filter: { personId?: string; status?: string }) =>
        ['intake', 'applications', 'list', { personId: filter.personId ?? null, status: filter.status ?? null }] as const,
      detail: (id: string) => ['intake', 'applications', 'detail', id] as const,
      assessments: (id: string) => ['intake', 'applications', 'detail', id, 'assessments'] as const,
      suggestions: (id: string) => ['intake', 'applications', 'detail', id, 'suggestions'] as const,
    },
    functionalVariables: () => ['intake', 'functional-variables'] as const,
    decisions: {
      all: () => ['intake', 'decisions'] as const,
      list: (filter: { personId?: string }) => ['intake', 'decisions', 'list', { personId: filter.personId ?? null }] as const,
      detail: (id: string) => ['intake', 'decisions', 'detail', id] as const,
      letter: (id: string, version: number) => ['intake', 'decisions', 'detail', id, 'letter', version] as const,
    },
    appeals: {
      all: () => ['intake', 'appeals'] as const,
      list: (filter: { personId?: string }) => ['intake', 'appeals', 'list', { personId: filter.personId ?? null }] as const,
    },
    worklist: () => ['intake', 'worklist'] as const,
    waitingList: () => ['intake', 'waiting-list'] as const,
  },
  welfaretech: {
    all: () => ['welfaretech'] as const,
    referrals: {
      all: () => ['welfaretech', 'referrals'] as const,
      list: (status?: string) => ['welfaretech', 'referrals', 'list', { status: status ?? null }] as const,
      detail: (id: string) => ['welfaretech', 'referrals', 'detail', id] as const,
    },
    assessment: (id: string) => ['welfaretech', 'assessments', 'detail', id] as const,
    publicTechnologies: (municipality: string) => ['welfaretech', 'public-technologies', municipality] as const,
    devices: (filter: { status?: string; technology?: string }) =>
      ['welfaretech', 'devices', { status: filter.status ?? null, technology: filter.technology ?? null }] as const,
    /** The inventory's devices a page at a time (an infinite query: its own key under the devices' prefix). */
    devicePages: (filter: { status?: string; technology?: string }) =>
      ['welfaretech', 'devices', 'pages', { status: filter.status ?? null, technology: filter.technology ?? null }] as const,
    loans: {
      all: () => ['welfaretech', 'loans'] as const,
      list: (filter: { personId?: string; status?: string }) =>
        ['welfaretech', 'loans', 'list', { personId: filter.personId ?? null, status: filter.status ?? null }] as const,
      /** The inventory's loans a page at a time (an infinite query: its own key under the loans' prefix). */
      pages: (filter: { status?: string }) => ['welfaretech', 'loans', 'pages', { status: filter.status ?? null }] as const,
      detail: (id: string) => ['welfaretech', 'loans', 'detail', id] as const,
      benefits: (id: string) => ['welfaretech', 'loans', 'detail', id, 'benefits'] as const,
      overdueChecks: () => ['welfaretech', 'loans', 'overdue-checks'] as const,
    },
    dashboard: () => ['welfaretech', 'dashboard'] as const,
  },
  quality: {
    all: () => ['quality'] as const,
    guidance: () => ['quality', 'risk-guidance'] as const,
    lists: () => ['quality', 'deviations', 'list'] as const,
    mine: () => ['quality', 'deviations', 'list', 'mine'] as const,
    queue: () => ['quality', 'deviations', 'list', 'queue'] as const,
    committee: (includeClosed: boolean) => ['quality', 'deviations', 'list', 'committee', { includeClosed }] as const,
    deviation: (id: string) => ['quality', 'deviations', 'detail', id] as const,
    similar: (id: string) => ['quality', 'deviations', 'detail', id, 'similar'] as const,
    statistics: (filter: { first: string; last: string; unit?: string; category?: string }) =>
      ['quality', 'statistics', { first: filter.first, last: filter.last, unit: filter.unit ?? null, category: filter.category ?? null }] as const,
  },
  coordination: {
    all: () => ['coordination'] as const,
    inbox: () => ['coordination', 'requests'] as const,
    plans: (filter: { personId?: string; mine?: boolean }) =>
      ['coordination', 'plans', 'list', { personId: filter.personId ?? null, mine: filter.mine ?? false }] as const,
    plan: (id: string) => ['coordination', 'plans', 'detail', id] as const,
    versions: (id: string) => ['coordination', 'plans', 'detail', id, 'versions'] as const,
    compare: (id: string, from: number, to: number) => ['coordination', 'plans', 'detail', id, 'compare', from, to] as const,
    meetings: (id: string) => ['coordination', 'plans', 'detail', id, 'meetings'] as const,
    evaluations: (id: string) => ['coordination', 'plans', 'detail', id, 'evaluations'] as const,
    worklist: () => ['coordination', 'worklist'] as const,
    caseload: () => ['coordination', 'caseload'] as const,
    overview: () => ['coordination', 'overview'] as const,
    catalogueNames: () => ['coordination', 'catalogue-names'] as const,
    relations: (personId: string) => ['coordination', 'persons', personId, 'relations'] as const,
    conversations: (personId: string) => ['coordination', 'persons', personId, 'conversations'] as const,
    primaryContacts: (personId: string) => ['coordination', 'persons', personId, 'primary-contacts'] as const,
    coordinators: (personId: string) => ['coordination', 'persons', personId, 'coordinators'] as const,
  },
} as const;
