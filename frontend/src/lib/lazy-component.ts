/**
 * A component loaded on demand — a route's page, or a part only some pages show: its code is
 * a chunk of its own, fetched the first time it renders, so the first visit downloads only
 * what it shows (the initial JavaScript budget in docs/performance.md). A Suspense boundary
 * waits for it: the layout's for pages (the router's transition keeps the previous page on
 * screen meanwhile), one of its own for a part of a page.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a page's props are whatever it declares
type AnyComponent = ComponentType<any>;

/** `lazyComponent(() => import('./inbox-page'), 'InboxPage')`: the named export, loaded on first render. */
export function lazyComponent<M extends Record<K, AnyComponent>, K extends keyof M>(load: () => Promise<M>, name: K): LazyExoticComponent<M[K]> {
  return lazy(async () => ({ default: (await load())[name] }));
}
