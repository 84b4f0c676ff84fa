import { describe, expect, it } from 'vitest';
import {
  jaroWinkler,
  nameSimilarity,
  nameTokens,
  phoneKey,
  phoneticKey,
} from '../../../src-main/modules/patients/names';
import {
  matchQuery,
  registrationPrefix,
  searchDocument,
} from '../../../src-main/modules/patients/search-index';

describe('name keys', () => {
  it('tokenises without case, accents or invisible characters', () => {
    expect(nameTokens("N'Diaye-Touré  Aïssatou")).toEqual(['n', 'diaye', 'toure', 'aissatou']);
    expect(nameTokens('Ami\u200Bnata \u202EKamara')).toEqual(['aminata', 'kamara']);
    expect(nameTokens('أمينة')).toEqual(['امينة']);
  });

  it('gives spelling variants of West African names one phonetic key', () => {
    const same = [
      ['kamara', 'camara'],
      ['diallo', 'jalloh'],
      ['mohamed', 'muhammad'],
      ['fatoumata', 'fatimata'],
      ['keita', 'keyta'],
      ['cisse', 'sisse'],
      ['bah', 'ba'],
      ['oumar', 'umar'],
    ];
    for (const [a, b] of same) expect(phoneticKey(a!), `${a} ~ ${b}`).toBe(phoneticKey(b!));
    expect(phoneticKey('kamara')).not.toBe(phoneticKey('diallo'));
    expect(phoneticKey('toure')).not.toBe(phoneticKey('kante'));
  });

  it('scores names in any order, near 1 for variants and low for different people', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
    expect(nameSimilarity(['aminata', 'kamara'], ['camara', 'aminatta'])).toBeGreaterThan(0.9);
    expect(nameSimilarity(['aminata', 'kamara'], ['ousmane', 'barry'])).toBeLessThan(0.6);
    expect(nameSimilarity([], ['a'])).toBe(0);
  });

  it('keys phones by their last 8 digits however they were written', () => {
    expect(phoneKey('+224 620 12 34 56')).toBe('20123456');
    expect(phoneKey('0620-12-34-56')).toBe('20123456');
    expect(phoneKey('12 34')).toBe('1234');
  });
});

describe('search queries', () => {
  it('quotes every token so typed text is never FTS syntax', () => {
    expect(matchQuery('kamara ami')).toBe('{names ids phones caregiver} : ("kamara"* AND "ami"*)');
    expect(matchQuery('NEAR(a b) OR "x"')).toBe('{names ids phones caregiver} : ("near"* AND "or"*)');
    expect(matchQuery('a')).toBeNull();
    expect(matchQuery('  ')).toBeNull();
  });

  it('reads numbers typed in groups as one phone number or identifier', () => {
    expect(matchQuery('0620 12 34 56')).toBe(
      '({phones} : "0620123456"*) OR ({ids} : "0620123456"*) OR ({phones} : "620123456"*)',
    );
    expect(matchQuery('0620123456')).toBe(
      '({names ids phones caregiver} : ("0620123456"*)) OR ({phones} : "620123456"*)',
    );
  });

  it('sends registration numbers to their index', () => {
    expect(registrationPrefix('ksd-01-2026-00042')).toBe('KSD-01-2026-00042');
    expect(registrationPrefix('kamara')).toBeNull();
  });

  it('indexes every run of 6+ digits of a phone, the number without separators and the serial without zeros', () => {
    const doc = searchDocument({
      id: 'x',
      search_rowid: 1,
      registration_number: 'KSD-01-2026-00042',
      given_name: 'Aminata',
      family_name: 'Kamara',
      other_names: '',
      phone: '',
      national_id: '',
      caregiver_name: 'Fatoumata Kamara',
      caregiver_phone: '+224 620 12 34 56',
      voided: 0,
      merged_into: null,
    });
    expect(doc.ids.split(' ')).toEqual(['ksd', '01', '2026', '00042', 'ksd01202600042', '42']);
    expect(doc.phones.split(' ')).toEqual([
      '224620123456',
      '24620123456',
      '4620123456',
      '620123456',
      '20123456',
      '0123456',
      '123456',
    ]);
    expect(doc.sounds).toBe('amnt kmr');
  });
});
