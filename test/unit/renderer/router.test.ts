import { describe, expect, it } from 'vitest';
import { href, matchRoute } from '../../../src-renderer/app/router';

describe('hash router', () => {
  it('maps the empty hash to home and round-trips a route', () => {
    expect(matchRoute('')).toEqual({ name: 'home', params: {} });
    expect(matchRoute('#/')).toEqual({ name: 'home', params: {} });
    expect(href('home')).toBe('#/home');
    expect(matchRoute(href('home'))).toEqual({ name: 'home', params: {} });
    expect(matchRoute('#/home/')).toEqual({ name: 'home', params: {} });
  });

  it('does not match unknown paths or the test host token fragment', () => {
    expect(matchRoute('#/nowhere')).toBeNull();
    expect(matchRoute('#token=abc')).toBeNull();
    expect(matchRoute('#/homes')).toBeNull();
  });
});
