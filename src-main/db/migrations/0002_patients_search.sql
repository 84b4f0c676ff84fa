-- Patient search (issue 5 §3): FTS5, case- and accent-insensitive, prefix indexes for as-you-type.
-- rowid = patients.search_rowid. The documents are written by the patients service in the same transaction
-- as the patient (names in every order, registration number, phone suffixes, caregiver, phonetic keys).
-- Voided and merged-away patients have no document, so they never show in search.
CREATE VIRTUAL TABLE `patients_fts` USING fts5(
  names, ids, phones, caregiver, sounds,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);
--> statement-breakpoint
-- Ranking: a hit in the names counts most, then identifiers and phones, then the caregiver.
INSERT INTO `patients_fts` (`patients_fts`, `rank`) VALUES ('rank', 'bm25(10.0, 6.0, 6.0, 3.0, 0.0)');
