/**
 * Unsaved form drafts, kept in this window's memory only (never on disk, never for password fields): a form
 * that opts in (`useForm(initial, { draft: key })`) survives the lock screen — Ctrl+L or the idle lock unmount
 * the screen — and comes back as typed after unlock. Drafts belong to the signed-in user: another person
 * signing in (at the lock screen or after sign-out) drops them all. Outside a lock, leaving the form asks
 * first (UnsavedChangesGuard) and then drops the draft.
 */

interface Draft {
  userId: string;
  values: unknown;
}

const drafts = new Map<string, Draft>();
/** Keys of mounted forms with changes not saved yet. */
const dirty = new Set<string>();
let owner: string | null = null;
let locked = false;

/** Called by the session provider whenever the core tells who is signed in and whether the app is locked. */
export function noteSession(userId: string | null, isLocked: boolean): void {
  if (userId !== owner) {
    drafts.clear();
    dirty.clear();
  }
  owner = userId;
  locked = isLocked;
}

export function readDraft<V>(key: string): V | undefined {
  const draft = drafts.get(key);
  return draft && owner !== null && draft.userId === owner ? (draft.values as V) : undefined;
}

/** The form's current values; `changed` false means they equal the form's starting values (nothing to keep). */
export function writeDraft(key: string, values: unknown, changed: boolean): void {
  if (!changed || owner === null) {
    drafts.delete(key);
    dirty.delete(key);
    return;
  }
  drafts.set(key, { userId: owner, values });
  dirty.add(key);
}

/** Saved or discarded on purpose: forget it. */
export function dropDraft(key: string): void {
  drafts.delete(key);
  dirty.delete(key);
}

/** The form left the screen: kept through a lock, otherwise gone (leaving was already confirmed). */
export function formUnmounted(key: string): void {
  dirty.delete(key);
  if (!locked) drafts.delete(key);
}

export function hasUnsavedChanges(): boolean {
  return dirty.size > 0;
}

/** The person confirmed leaving: every open form's changes go. */
export function discardAll(): void {
  for (const key of dirty) drafts.delete(key);
  dirty.clear();
}
