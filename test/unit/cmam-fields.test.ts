import { describe, expect, it } from 'vitest';
import { translateFieldError } from '../../shared/i18n/fields';

// The CMAM forms' field messages as the core writes them, shown in French (shared/i18n/cmam-fields.ts).
describe('CMAM field messages in French', () => {
  const cases: [string, string][] = [
    ['must be after the last visit (2026-03-17)', 'doit être après la dernière visite (2026-03-17)'],
    ['is more than 2 months after the visit', 'est plus de 2 mois après la visite'],
    [
      'already has an open episode OTP-2026-0001 since 2026-03-10',
      'a déjà un épisode ouvert OTP-2026-0001 depuis le 2026-03-10',
    ],
    ['is before the admission date (2026-03-10)', 'est avant la date d’admission (2026-03-10)'],
    ['must be OTP or SC for a child with SAM', 'doit être le PTA ou l’UNT pour un enfant MAS'],
    ['is required: say why the count differs', 'est obligatoire : dites pourquoi le compte diffère'],
    ['is 1, but the programme has 2 open enrolments', 'vaut 1, mais le programme a 2 inscriptions ouvertes'],
    [
      'and the exit date go together: give both, or neither to reopen',
      'et la date de sortie vont ensemble : donnez les deux, ou aucun pour rouvrir',
    ],
    ['must be more than 0.5 kg', 'doit dépasser 0,5 kg'],
    ['must be at most 60 kg', 'doit être au plus 60 kg'],
  ];
  it.each(cases)('%s', (english, french) => {
    expect(translateFieldError('fr', english)).toBe(french);
    expect(translateFieldError('en', english)).toBe(english);
  });
});
