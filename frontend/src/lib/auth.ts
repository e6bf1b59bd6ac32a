/**
 * The signed-in user: the bearer token lives in sessionStorage (gone when the tab closes),
 * and the user is read from its claims. Components subscribe with `useSession()`.
 */
import { useSyncExternalStore } from 'react';

export const ROLES = [
  'saksbehandler',
  'koordinator',
  'helsepersonell',
  'velferdsteknolog',
  'leder',
  'kvalitetsleder',
  'systemintegrasjon',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

export type SessionUser = {
  sub: string;
  name: string;
  municipality: string;
  roles: Role[];
  units: string[];
  /** Expiry, seconds since the epoch. */
  exp: number;
};

export type Session = { token: string; user: SessionUser };

const TOKEN_KEY = 'mestring.token';
const SIGN_OUT_REASON_KEY = 'mestring.signOutReason';

/** Why the user was last signed out: by their own choice, or because the API refused the token. */
export type SignOutReason = 'user' | 'expired';

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

function decodeBase64Url(segment: string): string {
  const base64 = segment.replace(/-/g, '+').replace(/_/g, '/');
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
  const binary = atob(padded);
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/** Reads the claims of a JWT without verifying it: the services verify; the SPA only displays. */
export function decodeToken(token: string): SessionUser | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const claims: unknown = JSON.parse(decodeBase64Url(payload));
    if (typeof claims !== 'object' || claims === null) return null;
    const c = claims as Record<string, unknown>;
    if (typeof c.sub !== 'string' || typeof c.municipality !== 'string' || typeof c.exp !== 'number') {
      return null;
    }
    return {
      sub: c.sub,
      name: typeof c.name === 'string' ? c.name : c.sub,
      municipality: c.municipality,
      roles: Array.isArray(c.roles) ? c.roles.filter(isRole) : [],
      units: Array.isArray(c.units) ? c.units.filter((u): u is string => typeof u === 'string') : [],
      exp: c.exp,
    };
  } catch {
    return null;
  }
}

export function isExpired(user: SessionUser, nowMs: number = Date.now()): boolean {
  return user.exp * 1000 <= nowMs;
}

const listeners = new Set<() => void>();
let cached: { token: string | null; session: Session | null } = { token: null, session: null };

function notify(): void {
  for (const listener of listeners) listener();
}

function readToken(): string | null {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

/** The current session, or null when signed out or the token has expired. */
export function getSession(): Session | null {
  const token = readToken();
  if (token !== cached.token) {
    const user = token ? decodeToken(token) : null;
    cached = { token, session: token && user ? { token, user } : null };
  }
  if (cached.session && isExpired(cached.session.user)) return null;
  return cached.session;
}

export function getToken(): string | null {
  return getSession()?.token ?? null;
}

export function signIn(token: string): Session {
  const user = decodeToken(token);
  if (!user) throw new Error('The token has no readable claims');
  sessionStorage.setItem(TOKEN_KEY, token);
  sessionStorage.removeItem(SIGN_OUT_REASON_KEY);
  notify();
  return { token, user };
}

export function signOut(reason: SignOutReason = 'user'): void {
  const hadToken = readToken() !== null;
  sessionStorage.removeItem(TOKEN_KEY);
  if (hadToken) sessionStorage.setItem(SIGN_OUT_REASON_KEY, reason);
  notify();
}

export function lastSignOutReason(): SignOutReason | null {
  const reason = sessionStorage.getItem(SIGN_OUT_REASON_KEY);
  return reason === 'user' || reason === 'expired' ? reason : null;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === TOKEN_KEY) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

export function useSession(): Session | null {
  return useSyncExternalStore(subscribe, getSession, () => null);
}
