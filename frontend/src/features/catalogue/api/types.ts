/** The catalogue's shapes, generated from services/catalogue's OpenAPI (`npm run gen:api`). */
import type { components } from '@/lib/api/catalogue';

type Schemas = components['schemas'];

export type Municipality = Schemas['MunicipalityRead'];
export type CareLevel = Schemas['CareLevelRead'];
export type ServiceTypeSummary = Schemas['ServiceTypeSummary'];
export type ServiceType = Schemas['ServiceTypeRead'];
export type CriteriaVersion = Schemas['CriteriaRead'];
export type CriteriaMetric = Schemas['MetricRead'];
export type UnitRef = Schemas['UnitRef'];
export type ScopeUnit = Schemas['ScopeUnit'];
export type UserFeeKind = Schemas['UserFeeKind'];
export type UnitKind = Schemas['UnitKind'];
export type CapacityUnit = Schemas['CapacityUnit'];
export type StayPurpose = Schemas['StayPurpose'];
export type LegalBasis = Schemas['LegalBasis'];
