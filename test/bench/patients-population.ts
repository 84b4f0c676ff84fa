// A synthetic register shaped like a West African district facility's: common given and family names (so
// searches hit many rows, as in real life), ages 0–80 with many under-5s, phones with and without the country code.
import type { Sqlite } from '../../src-main/db/open';
import { searchDocument } from '../../src-main/modules/patients/search-index';
import { uuidv7 } from '../../shared/ids';

const FEMALE =
  'Aminata Fatoumata Mariama Kadiatou Aissatou Hawa Mariam Fanta Djeneba Awa Ramatoulaye Oumou Kadidia Safiatou Nènè Binta Salimata Aïcha Adama Maimouna Sira Bintou Hadja Assiatou Fatimata Rokia Korotoumou Tenin Coumba Penda Ndeye Khady Sokhna Astou Yacine Ami Mame Nafissatou Djenabou Halimatou'.split(
    ' ',
  );
const MALE =
  'Mamadou Ibrahima Mohamed Abdoulaye Ousmane Amadou Alpha Sekou Moussa Lansana Boubacar Souleymane Cheick Issa Mamady Oumar Yaya Bakary Seydou Karim Sidiki Lamine Fode Daouda Mory Ansoumane Thierno Saliou Modou Pape Aliou Bangaly Kerfalla Djibril Salif Adama Idrissa Youssouf Abou Samba'.split(
    ' ',
  );
const FAMILY =
  'Diallo Camara Kamara Bah Barry Sow Touré Traoré Keïta Condé Konaté Sylla Soumah Cissé Diakité Kouyaté Koroma Kourouma Bangoura Fofana Doumbouya Sangaré Coulibaly Diarra Sidibé Kanté Dembélé Tounkara Fadiga Kaba Mara Cherif Baldé Sacko Diabaté Samaké Ndiaye Fall Sarr Ba Mbaye Gueye Thiam Faye Diop Dieng Jallow Ceesay Sesay Conteh'.split(
    ' ',
  );
const VILLAGES =
  'Heremakono Bambaya Firawa Yendé Kondiadou Fermessadou Gbangbadou Banama Sangardo Albadaria Kassadou Ouendé-Kénéma Yombiro Beindou Tomandou Koundou Kissidougou-Centre Tangalto Manfran Sokourala'.split(
    ' ',
  );

/** Deterministic pseudo-random numbers, so every run searches the same register. */
export function rng(seed = 42): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
const pad = (n: number, w: number) => String(n).padStart(w, '0');

function phone(r: () => number): string {
  const digits = `6${pad(Math.floor(r() * 1e8), 8)}`;
  return r() < 0.6
    ? `+224 ${digits.slice(0, 3)} ${digits.slice(3, 5)} ${digits.slice(5, 7)} ${digits.slice(7)}`
    : `0${digits}`;
}

export interface Seeded {
  id: string;
  registrationNumber: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  sex: 'male' | 'female';
  phone: string;
  caregiverPhone: string;
}

/** Inserts `n` patients with their search documents through prepared statements in one transaction. */
export function seedPatients(
  sqlite: Sqlite,
  n: number,
  facilityCode: string,
  userId: string,
  r = rng(),
): Seeded[] {
  const insert =
    sqlite.prepare(`INSERT INTO patients (id, registration_number, given_name, family_name, other_names, sex,
    birth_date, birth_date_estimated, phone, village, district, national_id, caregiver_name, caregiver_relationship,
    caregiver_phone, caregiver_no_phone, allergies, notes, registered_on, merged_into, search_rowid, created_at,
    created_by, updated_at, updated_by, version, voided, void_reason)
    VALUES (?, ?, ?, ?, '', ?, ?, 0, ?, ?, 'Kissidougou', '', ?, ?, ?, 0, '', '', ?, NULL, ?, ?, ?, ?, ?, 1, 0, NULL)`);
  const fts = sqlite.prepare(
    'INSERT INTO patients_fts (rowid, names, ids, phones, caregiver, sounds) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const out: Seeded[] = [];
  const at = '2025-01-01T08:00:00.000Z';
  sqlite.transaction(() => {
    for (let i = 1; i <= n; i++) {
      const sex = r() < 0.55 ? 'female' : 'male';
      const child = r() < 0.35;
      const year = child ? 2021 + Math.floor(r() * 5) : 1945 + Math.floor(r() * 62);
      const birthDate = `${year}-${pad(1 + Math.floor(r() * 12), 2)}-${pad(1 + Math.floor(r() * 28), 2)}`;
      const givenName = pick(r, sex === 'female' ? FEMALE : MALE);
      const familyName = pick(r, FAMILY);
      const own = child ? '' : r() < 0.7 ? phone(r) : '';
      const caregiverName = child ? `${pick(r, FEMALE)} ${familyName}` : '';
      const caregiverPhone = child ? phone(r) : '';
      const registrationNumber = `${facilityCode}-2025-${pad(i, 6)}`;
      const id = uuidv7(Date.parse(at) + i);
      insert.run(
        id,
        registrationNumber,
        givenName,
        familyName,
        sex,
        birthDate,
        own,
        pick(r, VILLAGES),
        caregiverName,
        child ? 'mother' : '',
        caregiverPhone,
        '2025-01-01',
        i,
        at,
        userId,
        at,
        userId,
      );
      const d = searchDocument({
        id,
        search_rowid: i,
        registration_number: registrationNumber,
        given_name: givenName,
        family_name: familyName,
        other_names: '',
        phone: own,
        national_id: '',
        caregiver_name: caregiverName,
        caregiver_phone: caregiverPhone,
        voided: 0,
        merged_into: null,
      });
      fts.run(i, d.names, d.ids, d.phones, d.caregiver, d.sounds);
      out.push({ id, registrationNumber, givenName, familyName, birthDate, sex, phone: own, caregiverPhone });
    }
    sqlite.prepare(`INSERT INTO registration_counters (scope, last) VALUES ('patient:2025', ?)`).run(n);
  })();
  return out;
}
