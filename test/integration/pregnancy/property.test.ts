// Hostile and random input through every pregnancy channel: always an answer, never INTERNAL, and a refused
// write leaves every table as it was.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames } from '../../../shared/contract';
import { byLmp, clinic, counts, START, woman, type Clinic } from './support';

describe('pregnancy channels under random input', () => {
  let c: Clinic;
  let ids: string[] = [];
  beforeAll(async () => {
    c = await clinic();
    const w = await c.clerk.ok('patients.register', woman());
    const p = await c.clinician.ok('pregnancy.register', byLmp(w.id, START, 150));
    const contact = await c.clinician.ok('pregnancy.recordContact', {
      pregnancyId: p.id,
      contactDate: START,
    });
    ids = [w.id, p.id, contact.id];
  });
  afterAll(() => c?.core.dispose());

  const channels = channelNames.filter((n) => n.startsWith('pregnancy.'));

  it('covers every pregnancy channel', () => {
    expect(channels.length).toBeGreaterThanOrEqual(14);
  });

  it('any value at all is answered, never thrown', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...channels), fc.anything(), async (channel, input) => {
        const result = await c.core.dispatch('ibrahim-window', channel, input);
        if (!result.ok) expect(result.code).not.toBe('INTERNAL');
      }),
      { numRuns: 300 },
    );
  });

  it('random contacts on a real pregnancy are either stored whole or refused with nothing written', async () => {
    const bp = fc.record({
      systolic: fc.integer({ min: 30, max: 320 }),
      diastolic: fc.integer({ min: 10, max: 220 }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            contactDate: fc
              .integer({ min: -200, max: 5 })
              .map((d) => new Date(Date.parse(START) + d * 86_400_000).toISOString().slice(0, 10)),
            bpFirst: fc.option(bp),
            bpRepeat: fc.option(bp),
            hbGdl: fc.option(fc.double({ min: 0, max: 30, noNaN: true })),
            iptpGiven: fc.boolean(),
            tdDose: fc.option(fc.integer({ min: 0, max: 6 })),
            dangerSigns: fc.subarray(['fever', 'convulsions', 'bogus']),
          },
          { requiredKeys: ['contactDate'] },
        ),
        async (fields) => {
          const before = counts(c);
          const r = await c.core.dispatch('ibrahim-window', 'pregnancy.recordContact', {
            pregnancyId: ids[1],
            ...fields,
          });
          if (r.ok) return;
          expect(r.code).not.toBe('INTERNAL');
          expect(counts(c)).toEqual(before);
        },
      ),
      { numRuns: 150 },
    );
  });
});
