import { describe, expect, it } from 'vitest';

import { decodeToken, getSession, getToken, isExpired, lastSignOutReason, signIn, signOut } from './auth';

function base64Url(value: string): string {
  const bytes = new TextEncoder().encode(value);
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function token(claims: Record<string, unknown>): string {
  return `${base64Url('{"alg":"RS256"}')}.${base64Url(JSON.stringify(claims))}.signature`;
}

const inAnHour = Math.floor(Date.now() / 1000) + 3600;
const claims = {
  sub: 'saksbehandler-nordrefollo',
  name: 'Ingrid Sølberg',
  municipality: '3207',
  roles: ['saksbehandler', 'not-a-role'],
  units: [],
  exp: inAnHour,
};

describe('decodeToken', () => {
  it('reads the claims, including non-ASCII names, and drops roles it does not know', () => {
    const user = decodeToken(token(claims));
    expect(user).toMatchObject({ name: 'Ingrid Sølberg', municipality: '3207', roles: ['saksbehandler'] });
  });

  it('returns null for something that is not a JWT', () => {
    expect(decodeToken('nonsense')).toBeNull();
    expect(decodeToken('a.b.c')).toBeNull();
  });
});

describe('session', () => {
  it('keeps the token for this tab until sign-out, and remembers why it ended', () => {
    signIn(token(claims));
    expect(getToken()).toBe(token(claims));
    expect(getSession()?.user.sub).toBe('saksbehandler-nordrefollo');

    signOut('expired');
    expect(getSession()).toBeNull();
    expect(lastSignOutReason()).toBe('expired');
  });

  it('treats an expired token as signed out', () => {
    sessionStorage.setItem('mestring.token', token({ ...claims, exp: 1000 }));
    expect(getSession()).toBeNull();
    expect(isExpired({ ...decodeToken(token(claims))!, exp: 1000 })).toBe(true);
  });
});
