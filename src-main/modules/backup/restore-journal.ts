import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { DataPaths } from '../../core/paths';
import { writeFileAtomic } from '../../db/files';
import { parseVault, writeVault, type VaultFile } from '../../security/vault';

/**
 * A restore swaps several files (vault, database, WAL) and a crash can stop it between two renames. The
 * journal, written once the backup's database is extracted and checked, says where everything goes, so the
 * next start finishes the restore (the checked copy is there) or undoes it (moves the set-aside files back).
 * It holds only the backup's vault (key slots: wrapped keys, no secret in clear).
 */
export interface RestoreJournal {
  format: 1;
  /** The checked database from the backup, waiting to become caredesk.db. */
  scratch: string;
  /** Where the current files are set aside. */
  replacedFolder: string;
  vault: VaultFile;
}

const journalFile = (paths: DataPaths) => join(paths.dataDir, 'restore-journal.json');

export function writeRestoreJournal(paths: DataPaths, journal: RestoreJournal): void {
  writeFileAtomic(journalFile(paths), JSON.stringify(journal));
}

export function clearRestoreJournal(paths: DataPaths): void {
  rmSync(journalFile(paths), { force: true });
}

/** The files a restore sets aside, vault FIRST: a database never stays beside a vault that is not its own. */
export function currentFiles(paths: DataPaths): string[] {
  return [paths.vault, paths.database, `${paths.database}-wal`, `${paths.database}-shm`];
}

export function setAsideInto(paths: DataPaths, folder: string): void {
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  for (const f of currentFiles(paths)) if (existsSync(f)) renameSync(f, join(folder, basename(f)));
}

/** Puts the set-aside files back (a restore that cannot be finished). */
export function undoRestore(paths: DataPaths, journal: RestoreJournal): void {
  for (const f of currentFiles(paths)) {
    const kept = join(journal.replacedFolder, basename(f));
    if (existsSync(kept)) {
      rmSync(f, { force: true });
      renameSync(kept, f);
    }
  }
  clearRestoreJournal(paths);
}

function readJournal(paths: DataPaths): RestoreJournal | null {
  const file = journalFile(paths);
  if (!existsSync(file)) return null;
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as RestoreJournal;
    if (parsed.format !== 1 || typeof parsed.scratch !== 'string') return null;
    return { ...parsed, vault: parseVault(JSON.stringify(parsed.vault), 'the restore journal') };
  } catch {
    return null;
  }
}

/**
 * At start: finishes or undoes a restore a crash interrupted, then removes stray `restore-*.tmp` files (a
 * database copy that was being extracted or checked). Returns what it did, for the log.
 */
export function recoverInterruptedRestore(paths: DataPaths): 'none' | 'finished' | 'undone' {
  const journal = readJournal(paths);
  let outcome: 'none' | 'finished' | 'undone' = 'none';
  if (journal) {
    if (existsSync(journal.scratch)) {
      setAsideInto(paths, journal.replacedFolder);
      renameSync(journal.scratch, paths.database);
      writeVault(paths.vault, journal.vault);
      clearRestoreJournal(paths);
      outcome = 'finished';
    } else if (existsSync(paths.database)) {
      // The database was already in place: only the vault may be missing.
      writeVault(paths.vault, journal.vault);
      clearRestoreJournal(paths);
      outcome = 'finished';
    } else {
      undoRestore(paths, journal);
      outcome = 'undone';
    }
  } else if (existsSync(journalFile(paths))) {
    clearRestoreJournal(paths); // unreadable: nothing can be done with it
  }
  if (existsSync(paths.dataDir)) {
    for (const name of readdirSync(paths.dataDir)) {
      if (/^restore-.*\.tmp(-wal|-shm)?$/.test(name)) rmSync(join(paths.dataDir, name), { force: true });
    }
  }
  return outcome;
}
