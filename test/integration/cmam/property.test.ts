// Random and hostile input through the programme and CMAM channels: never an unhandled error; a refused
// follow-up changes nothing; an accepted one is stored exactly as the contract accepted it.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames, contract } from '../../../shared/contract';
import { clinic, type Clinic } from '../patients/support';
import { otpAdmission, samChild, tableCounts } from './support';

const ours = channelNames.filter((n) => n.startsWith('cmam.') || n.startsWith('programmes.'));

const date = fc.oneof(
  fc.constantFrom(
    '2026-03-10',
    '2026-03-17',
    '2026-03-11',
    '2026-03-09',
    '2099-01-01',
    '2026-02-30',
    'yesterday',
    '',
  ),
  fc
    .date({ min: new Date('2025-12-01'), max: new Date('2026-04-01'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
);
const number = fc.oneof(
  fc.double({ min: -10, max: 400, noNaN: false }),
  fc.constantFrom(0, 0.5, 7.2, 7.2, 7.4, 21, 60, 60.01, 124.9, 125, Infinity, -0),
  fc.string({ maxLength: 5 }),
  fc.constant(null),
);

describe('CMAM and programme channels under random input', () => {
  let c: Clinic;
  let episodeId = '';
  beforeAll(async () => {
    c = await clinic();
    const id = await samChild(c);
    episodeId = (await c.clinician.ok('cmam.admit', otpAdmission(id, { admissionDate: '2026-03-03' }))).id;
  });
  afterAll(() => c.core.dispose());

  it('covers every new channel', () => {
    expect(ours.length).toBeGreaterThanOrEqual(22);
    for (const n of ours) expect(contract[n].permission).not.toBe('public');
  });

  it('answers any value at all on every new channel, never with an internal error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ours), fc.anything(), async (channel, input) => {
        const result = await c.core.dispatch('mariam-window', channel, input);
        if (!result.ok) expect(result.code, channel).not.toBe('INTERNAL');
      }),
      { numRuns: 400 },
    );
  });

  it('follow-ups: a refusal changes nothing, an acceptance is stored as accepted', async () => {
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.record({
            visitDate: date,
            weightKg: number,
            muacMm: number,
            nextVisitDate: date,
            rutfSachetsGiven: number,
          }),
          // Plausible visits, so acceptances are exercised too.
          fc.record({
            visitDate: fc.constantFrom('2026-03-05', '2026-03-10'),
            weightKg: fc.double({ min: 5, max: 12, noNaN: true }),
            muacMm: fc.integer({ min: 100, max: 140 }),
            nextVisitDate: fc.constantFrom('2026-03-17', '2026-03-09'),
            rutfSachetsGiven: fc.integer({ min: -1, max: 40 }),
          }),
        ),
        async (input) => {
          const before = tableCounts(c);
          const result = await c.core.dispatch('ibrahim-window', 'cmam.followup', { episodeId, ...input });
          if (!result.ok) {
            expect(result.code).not.toBe('INTERNAL');
            expect(tableCounts(c)).toEqual(before);
            return;
          }
          accepted++;
          const out = result.value as { followup: { id: string; weightKg: number; visitDate: string } };
          const row = c
            .sqlite()
            .prepare('SELECT weight_kg, visit_date FROM cmam_followups WHERE id = ?')
            .get(out.followup.id);
          expect(row).toEqual({ weight_kg: input.weightKg, visit_date: input.visitDate });
          // Undo so the next run starts from the same episode.
          c.sqlite().prepare('UPDATE cmam_followups SET voided = 1 WHERE id = ?').run(out.followup.id);
        },
      ),
      { numRuns: 200 },
    );
    expect(accepted).toBeGreaterThan(0);
  });
});
