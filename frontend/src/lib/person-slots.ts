/**
 * What another feature adds to intake's person page, wired by app/ (a feature never imports
 * another): shown instead of the person when the API refuses the read (403), such as the way to
 * emergency access (nødtilgang) for helsepersonell without a service relation.
 */
import { createContext, useContext, type ReactNode } from 'react';

export type PersonSlots = {
  /** What to show when reading the person is refused; null to show the plain refusal. */
  refused?: (personId: string) => ReactNode;
  /** More actions on the person, beside intake's own (such as reporting a coordination need). */
  actions?: (personId: string) => ReactNode;
};

export const PersonSlotsContext = createContext<PersonSlots>({});

export function usePersonSlots(): PersonSlots {
  return useContext(PersonSlotsContext);
}
