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

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

/** The current hash; components re-render when it changes. */
export function useHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash);
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
