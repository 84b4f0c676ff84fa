/** Data exchange: full export / import, FHIR, de-identified research export. */
export const exchangeEn = {
  'exchange.title': 'Export and import data',
  'exchange.nav': 'Export / import',
  'exchange.what': 'What to do',
  'exchange.work.exportJson': 'Export everything (to move to a new PC)',
  'exchange.work.exportFhir': 'Export for another health system (FHIR)',
  'exchange.work.researchJson': 'Export without identities, for research (JSON)',
  'exchange.work.researchCsv': 'Export without identities, for research (spreadsheet CSV)',
  'exchange.work.import': 'Import a CareDesk export file',
  'exchange.explain.exportJson':
    'Every record of this facility in one file. Keep it safe: it holds names and phone numbers.',
  'exchange.explain.exportFhir':
    'Patients, visits, measurements, programme stays and diagnoses in the FHIR format other systems read.',
  'exchange.explain.researchJson':
    'No names, phones, ID numbers, addresses, notes or birth dates. Patients get codes that cannot be traced back.',
  'exchange.explain.researchCsv':
    'No names, phones, ID numbers, addresses, notes or birth dates. Patients get codes that cannot be traced back.',
  'exchange.explain.import':
    'The whole file is checked first. Then everything is saved or nothing; records already here are not added twice.',
  'exchange.fileToWrite': 'File to write (full path)',
  'exchange.fileToRead': 'File to read (full path)',
  'exchange.otherFacility': "The file is from another facility: combine its records with this one's",
  'exchange.reusableKey': 'Give me a key so a later export can be joined to this one',
  'exchange.start': 'Start',
  'exchange.cancel': 'Stop',
  'exchange.progress': '{percent}% done',
  'exchange.result.exported': 'Done: {rows} records written to {file}.',
  'exchange.result.research': 'Done: {rows} rows without identities written to {file}.',
  'exchange.result.key': 'Key for a later export (keep it secret): {key}',
  'exchange.result.rebuilt': 'Done: {name} was rebuilt from the file ({added} records added).',
  'exchange.result.imported':
    'Done: {added} records added, {updated} brought up to date, {unchanged} were already here.',
} as const;
