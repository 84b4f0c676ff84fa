import { describe, expect, it } from 'vitest';
import type { AncContactRecord } from '../../../shared/contract/channels/pregnancy';
import { pregnancySeries } from '../../../src-renderer/features/pregnancy/pregnancy-chart-data';

const contact = (gaDays: number, extra: Partial<AncContactRecord> = {}) =>
  ({
    gaDays,
    voided: false,
    weightKg: null,
    hbGdl: null,
    fundalHeightCm: null,
    bpFirst: null,
    bpRepeat: null,
    ...extra,
  }) as AncContactRecord;

describe('pregnancy chart points', () => {
  it('puts each measure against gestational weeks, in order, leaving out missing and voided values', () => {
    const contacts = [
      contact(26 * 7, { fundalHeightCm: 25, weightKg: 64 }),
      contact(20 * 7 + 3, { fundalHeightCm: 20 }),
      contact(30 * 7, { fundalHeightCm: 99, voided: true }),
      contact(34 * 7, { weightKg: 66.5 }),
    ];
    expect(pregnancySeries(contacts, 'fundal')).toEqual([
      {
        line: 'value',
        points: [
          { x: 20.4, y: 20 },
          { x: 26, y: 25 },
        ],
      },
    ]);
    expect(pregnancySeries(contacts, 'weight')[0]!.points).toEqual([
      { x: 26, y: 64 },
      { x: 34, y: 66.5 },
    ]);
    expect(pregnancySeries(contacts, 'hb')[0]!.points).toEqual([]);
  });

  it('draws BP as systolic and diastolic lines from the repeat reading when there is one', () => {
    const contacts = [
      contact(140, { bpFirst: { systolic: 150, diastolic: 95 }, bpRepeat: { systolic: 142, diastolic: 91 } }),
      contact(182, { bpFirst: { systolic: 120, diastolic: 80 } }),
    ];
    expect(pregnancySeries(contacts, 'bp')).toEqual([
      {
        line: 'systolic',
        points: [
          { x: 20, y: 142 },
          { x: 26, y: 120 },
        ],
      },
      {
        line: 'diastolic',
        points: [
          { x: 20, y: 91 },
          { x: 26, y: 80 },
        ],
      },
    ]);
  });
});
