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
    },
  },
} as const;
