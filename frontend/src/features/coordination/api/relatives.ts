/** The person's guardian/fullmakt and relatives from intake, and pårørendesamtaler (Ottestad). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { coordinationClient, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

import type { ConversationCreate, ConversationHeld, ConversationRead } from './types';

export function useRelations(personId: string, enabled = true) {
  return useQuery({
    queryKey: queryKeys.coordination.relations(personId),
    enabled,
    queryFn: ({ signal }) =>
      unwrap(coordinationClient.GET('/api/coordination/v1/persons/{person_id}/relations', { params: { path: { person_id: personId } }, signal })),
  });
}

export function useConversations(personId: string) {
  return useQuery({
    queryKey: queryKeys.coordination.conversations(personId),
    queryFn: ({ signal }) =>
      unwrap(
        coordinationClient.GET('/api/coordination/v1/persons/{person_id}/relative-conversations', { params: { path: { person_id: personId } }, signal }),
      ),
  });
}

export function usePlanConversation() {
  const queryClient = useQueryClient();
  return useMutation<ConversationRead, unknown, { personId: string; body: ConversationCreate }>({
    mutationFn: ({ personId, body }) =>
      unwrap(
        coordinationClient.POST('/api/coordination/v1/persons/{person_id}/relative-conversations', {
          params: { path: { person_id: personId } },
          body,
        }),
      ),
    onSuccess: (_, { personId }) => queryClient.invalidateQueries({ queryKey: queryKeys.coordination.conversations(personId) }),
  });
}

/** Held, and what was agreed (If-Match on the conversation's version). */
export function useRecordConversation() {
  const queryClient = useQueryClient();
  return useMutation<ConversationRead, unknown, { conversation: ConversationRead; body: ConversationHeld }>({
    mutationFn: ({ conversation, body }) =>
      unwrap(
        coordinationClient.PUT('/api/coordination/v1/relative-conversations/{conversation_id}/held', {
          params: { path: { conversation_id: conversation.id }, header: { 'If-Match': `"${conversation.version}"` } },
          body,
        }),
      ),
    onSuccess: (conversation) => queryClient.invalidateQueries({ queryKey: queryKeys.coordination.conversations(conversation.person_id) }),
  });
}
