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
} as const;
