/** Throttle key for recovery-code attempts (one for the whole facility: the code is one). */
export function throttleTagForRecovery(): string {
  return 'recovery-code';
}
