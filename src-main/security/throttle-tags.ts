/** Throttle key for recovery-code attempts (one for the whole facility: the code is one). */
export function throttleTagForRecovery(): string {
  return 'recovery-code';
}

/** Throttle key for opening a backup file's vault during a restore. */
export function throttleTagForRestore(): string {
  return 'backup-restore';
}
