/**
 * `Idempotency-Key` for creating POSTs: a retry of the same request reuses its key, so a
 * lost answer never creates the thing twice; a changed request gets a new key (the services
 * answer 409 when one key comes with two different bodies).
 */
import { useCallback, useRef } from 'react';

/** A random UUID (v4); `crypto.randomUUID` needs a secure context, `getRandomValues` does not. */
export function newUuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** `keyFor(body)`: the same key while the body stays the same, a new one when it changes. */
export function useIdempotencyKey() {
  const last = useRef<{ body: string; key: string } | null>(null);
  return useCallback((body: unknown): string => {
    const serialized = JSON.stringify(body);
    if (last.current?.body !== serialized) last.current = { body: serialized, key: newUuid() };
    return last.current.key;
  }, []);
}
