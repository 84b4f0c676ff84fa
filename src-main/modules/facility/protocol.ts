// The facility's protocol profile (Settings): every z-score and classification the core computes uses it, and
// each visit stores the id and version that classified it.
import { getProtocolProfile } from '../../../shared/clinical';
import type { Sqlite } from '../../db/open';
import { stmt } from '../../records';

export interface ProtocolRef {
  id: string;
  version: number;
}

/** The facility's profile at its newest version (the default WHO 2013 one before setup). */
export function facilityProtocol(sqlite: Sqlite): ProtocolRef {
  const row = stmt(sqlite, 'SELECT protocol_profile AS p FROM facility WHERE id = 1').get() as
    { p: string } | undefined;
  const profile = getProtocolProfile(row?.p ?? 'who-2013');
  return { id: profile.id, version: profile.version };
}
