import { useMutation, useQueryClient } from '@tanstack/react-query';

import { fetchJson } from '@/lib/api-client';
import { signIn, type Session } from '@/lib/auth';

import type { TokenResponse } from './types';

export function createDevToken(username: string): Promise<TokenResponse> {
  return fetchJson<TokenResponse>('/api/dev/token', {
    method: 'POST',
    body: JSON.stringify({ username }),
  });
}

/** Signs in as a demo user: asks the dev issuer for a token and keeps it for this tab. */
export function useSignInAsDemoUser() {
  const queryClient = useQueryClient();
  return useMutation<Session, unknown, string>({
    mutationFn: async (username) => {
      const { access_token } = await createDevToken(username);
      return signIn(access_token);
    },
    onSuccess: () => {
      // Another user's data must never be shown from the cache.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'dev' });
    },
  });
}
