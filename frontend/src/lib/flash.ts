/**
 * A message a page leaves for the next one after a save («Personen er registrert»). It travels in
 * the navigation's state, is read once when the page opens, and is then taken out of the history
 * entry, so a reload, the back button or another record on the same route never shows it again.
 */
import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';

type WithFlash<T> = { flash?: T } | null;

/** The state to pass to `navigate(to, { state })` so the next page shows `flash`. */
export function withFlash<T>(flash: T): { flash: T } {
  return { flash };
}

/** The flash the page was opened with, or null; it lasts while the page stays on this address. */
export function useFlash<T>(): T | null {
  const location = useLocation();
  const navigate = useNavigate();
  const [kept] = useState(() => ({ path: location.pathname, flash: (location.state as WithFlash<T>)?.flash ?? null }));
  const inState = (location.state as WithFlash<T>)?.flash !== undefined;
  useEffect(() => {
    if (inState) void navigate(`${location.pathname}${location.search}${location.hash}`, { replace: true, state: null });
  }, [inState, navigate, location.pathname, location.search, location.hash]);
  return kept.path === location.pathname ? kept.flash : null;
}
