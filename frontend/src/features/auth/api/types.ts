/**
 * The dev token issuer's contract (development and test only; see architecture.md,
 * "Identity and access"). It has no exported OpenAPI spec beside the five services,
 * so its two shapes are written here.
 */
import type { Role } from '@/lib/auth';

export type DemoUser = {
  username: string;
  name: string;
  municipality: string;
  municipality_name: string;
  roles: Role[];
  units: string[];
};

export type TokenResponse = {
  access_token: string;
  token_type: 'bearer';
  expires_in: number;
};
