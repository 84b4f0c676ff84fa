import { afterEach, describe, expect, it } from 'vitest';
import { adult, auditActions, clinic, type Clinic } from './support';

const DAY = 24 * 60 * 60 * 1000;

/** Different people (names, birth years and phones apart, so the duplicate check lets them through). */
const person = (givenName: string, familyName: string, i: number) =>
  adult({ givenName, familyName, birthDate: `${1980 + i * 7}-0${i + 1}-1${i}`, phone: `62011223${i}` });

describe('appointments list', () => {
  let c: Clinic;
  afterEach(() => c?.core.dispose());

  const names = async (list: 'today' | 'week' | 'missed', on: string) =>
    (await c.clerk.ok('visits.appointments', { list, on })).lines.map((l) => l.givenName);

  it('lists the appointment of each latest visit: due on the day, this week, missed until seen', async () => {
    c = await clinic(new Date('2026-03-10T09:00:00Z'));
    const awa = await c.clerk.ok('patients.register', person('Awa', 'Camara', 0));
    const binta = await c.clerk.ok('patients.register', person('Binta', 'Sow', 1));
    const coumba = await c.clerk.ok('patients.register', person('Coumba', 'Barry', 2));
    const visit = (patientId: string, visitDate: string, nextAppointment: string | null) =>
      c.clinician.ok('visits.create', { patientId, visitDate, type: 'follow-up', nextAppointment });
    await visit(awa.id, '2026-03-10', '2026-03-17');
    await visit(binta.id, '2026-03-10', '2026-03-12');
    const wrong = await visit(coumba.id, '2026-03-10', '2026-03-12');
    await c.manager.ok('visits.void', { id: wrong.id, expectedVersion: 1, reason: 'wrong patient' });

    expect(await names('today', '2026-03-12')).toEqual(['Binta']);
    expect(await names('week', '2026-03-11')).toEqual(['Binta', 'Awa']);
    expect(await names('week', '2026-03-13')).toEqual(['Awa']);
    expect(await names('week', '2026-03-04')).toEqual([]);
    expect(await names('missed', '2026-03-12')).toEqual([]);
    expect(await names('missed', '2026-03-18')).toEqual(['Awa', 'Binta']);
    const line = (await c.clerk.ok('visits.appointments', { list: 'today', on: '2026-03-17' })).lines[0];
    expect(line).toMatchObject({
      patientId: awa.id,
      registrationNumber: awa.registrationNumber,
      phone: awa.phone,
      visitDate: '2026-03-10',
      visitType: 'follow-up',
      appointment: '2026-03-17',
    });

    // Binta comes back on the 19th: her appointment is met (the new visit sets none) and she leaves the list.
    c.advance(9 * DAY);
    await visit(binta.id, '2026-03-19', null);
    expect(await names('missed', '2026-03-20')).toEqual(['Awa']);
    // Coumba's new visit sets tomorrow; with no day given, the list is the clinic's today.
    await visit(coumba.id, '2026-03-19', '2026-03-20');
    c.advance(DAY);
    expect(
      (await c.clerk.ok('visits.appointments', { list: 'today' })).lines.map((l) => l.givenName),
    ).toEqual(['Coumba']);
    expect(auditActions(c).filter((r) => r.action === 'visit.list-appointments').length).toBeGreaterThan(0);
  });

  it('counts past the limit and refuses a bad list name in plain words', async () => {
    c = await clinic(new Date('2026-03-10T09:00:00Z'));
    for (const [i, [given, family]] of [
      ['Awa', 'Camara'],
      ['Binta', 'Sow'],
      ['Coumba', 'Barry'],
    ].entries()) {
      const p = await c.clerk.ok('patients.register', person(given!, family!, i));
      await c.clinician.ok('visits.create', {
        patientId: p.id,
        visitDate: '2026-03-10',
        type: 'consultation',
        nextAppointment: '2026-03-11',
      });
    }
    const r = await c.clerk.ok('visits.appointments', { list: 'today', on: '2026-03-11', limit: 2 });
    expect(r.lines).toHaveLength(2);
    expect(r.total).toBe(3);
    const bad = await c.clerk.call('visits.appointments', { list: 'yesterday' as 'today' });
    expect(bad).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(await c.admin.call('visits.appointments', { list: 'today' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
  });
});
