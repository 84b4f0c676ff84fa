import { Link as MuiLink, type LinkProps } from '@mui/material';
import { useSyncExternalStore } from 'react';
import { routes } from './routes';

/**
 * A tiny typed hash router: `#/patients/42` ↔ `{ name: 'patients.chart', params: { patientId: '42' } }`.
 * Hash-based so it works from a file:// or app:// page and the browser test host alike.
 */
type Routes = typeof routes;
export type RouteName = keyof Routes;

type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

export type RouteParams<N extends RouteName> = { [K in ParamNames<Routes[N]>]: string };
export type Route = { [N in RouteName]: { name: N; params: RouteParams<N> } }[RouteName];

/** Routes without parameters need none; the others require theirs. */
type ParamsArg<N extends RouteName> = [ParamNames<Routes[N]>] extends [never] ? [] : [params: RouteParams<N>];

export function href<N extends RouteName>(name: N, ...params: ParamsArg<N>): string {
  const values = (params[0] ?? {}) as Record<string, string>;
  const path = routes[name].replace(/:(\w+)/g, (_m, key: string) => encodeURIComponent(values[key] ?? ''));
  return `#${path}`;
}

export function navigate<N extends RouteName>(name: N, ...params: ParamsArg<N>): void {
  window.location.hash = href(name, ...params);
}

/** The route for a hash; an empty hash (or "#/") is home, an unknown one is null (the "not found" screen). */
export function matchRoute(hash: string): Route | null {
  const bare = hash.replace(/^#/, '');
  const path = bare === '' || bare === '/' ? routes.home : bare;
  for (const name of Object.keys(routes) as RouteName[]) {
    const names: string[] = [];
    const pattern = routes[name]
      .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      .replace(/:(\w+)/g, (_m, key: string) => {
        names.push(key);
        return '([^/]+)';
      });
    const match = new RegExp(`^${pattern}/?$`).exec(path);
    if (match) {
      const params = Object.fromEntries(names.map((key, i) => [key, decodeURIComponent(match[i + 1]!)]));
      return { name, params } as Route;
    }
  }
  return null;
}

/**
 * The hash the app shows. Leaving a form with unsaved changes is first asked about (UnsavedChangesGuard sets
 * the blocker): a blocked change puts the address back and keeps the screen.
 */
let shown: string | null = null;
const listeners = new Set<() => void>();
let blocker: ((to: string) => boolean) | null = null;

/** Returns true to keep the current screen (the blocker then asks the person). One blocker at a time. */
export function setNavigationBlocker(next: ((to: string) => boolean) | null): void {
  blocker = next;
}

function onHashChange(): void {
  const to = window.location.hash;
  if (to === shown) return;
  if (shown !== null && blocker?.(to)) {
    window.history.replaceState(window.history.state, '', shown === '' ? '#/' : shown);
    return;
  }
  shown = to;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  if (listeners.size === 0) {
    shown = window.location.hash;
    window.addEventListener('hashchange', onHashChange);
  }
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('hashchange', onHashChange);
  };
}

/** The current hash; components re-render when it changes. */
export function useHash(): string {
  return useSyncExternalStore(subscribe, () => shown ?? window.location.hash);
}

export function useRoute(): Route | null {
  return matchRoute(useHash());
}

/** An anchor to a route: keyboard and middle-click behave like any link. */
export function RouteLink<N extends RouteName>({
  to,
  params,
  ...rest
}: { to: N; params?: RouteParams<N> } & Omit<LinkProps, 'href'>) {
  const target = (href as (name: RouteName, params?: RouteParams<N>) => string)(to, params);
  return <MuiLink href={target} {...rest} />;
}
