import { describe, expect, it } from 'vitest';
import { averageLengthOfStay, rutfStockOutlook, stockBalance } from '../../../shared/clinical';

describe('RUTF stock', () => {
  it('balances receipts, issues and a stock-take adjustment', () => {
    expect(
      stockBalance([
        { kind: 'received', quantity: 600 },
        { kind: 'dispensed', quantity: 21 },
        { kind: 'dispensed', quantity: 18 },
        { kind: 'adjusted', quantity: -3 },
      ]),
    ).toBe(558);
  });

  it('gives weeks left and the order for the next weeks at the caseload ration', () => {
    // 10 children at 21 sachets/week (7.0–8.4 kg band) = 210/week; 315 on hand = 1.5 weeks: low.
    const outlook = rutfStockOutlook({ balance: 315, weeklyNeed: 210, orderWeeks: 4 });
    expect(outlook.weeksLeft).toBe(1.5);
    expect(outlook.low).toBe(true);
    expect(outlook.suggestedOrder).toBe(210 * 4 - 315);
    const ample = rutfStockOutlook({ balance: 2000, weeklyNeed: 210, orderWeeks: 4 });
    expect(ample.low).toBe(false);
    expect(ample.suggestedOrder).toBe(0);
  });

  it('has no weeks left figure without a caseload, and refuses a negative need', () => {
    expect(rutfStockOutlook({ balance: 50, weeklyNeed: 0, orderWeeks: 4 }).weeksLeft).toBeNull();
    expect(() => rutfStockOutlook({ balance: 50, weeklyNeed: -1, orderWeeks: 4 })).toThrow(/weeklyNeed/);
  });

  it('averages the length of stay and refuses an exit before admission', () => {
    expect(averageLengthOfStay([])).toBeNull();
    expect(
      averageLengthOfStay([
        { admissionDays: 0, exitDays: 42 },
        { admissionDays: 10, exitDays: 66 },
      ]),
    ).toBe(49);
    expect(() => averageLengthOfStay([{ admissionDays: 5, exitDays: 4 }])).toThrow(/before admission/);
  });
});
