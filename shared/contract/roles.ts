/** Staff roles (DESIGN.md §4). */
export const ROLES = ['admin', 'manager', 'clinician', 'clerk', 'researcher'] as const;
export type Role = (typeof ROLES)[number];

/** Rights a channel can require. `public` needs no session; `session` needs any signed-in user. */
export const PERMISSIONS = [
  'public',
  'session',
  'facility.read',
  'users.manage',
  'settings.manage',
  'backup.manage',
  'audit.read',
  'patients.read',
  'patients.write',
  'patients.merge',
  'visits.write',
  'records.correct',
  'referrals.write',
  'directory.manage',
  'reports.read',
  'reports.freeze',
  'exports.deidentified',
  'exchange.manage',
  'programmes.manage',
  'programmes.enrol',
  'cmam.read',
  'cmam.write',
  'pregnancy.write',
  'documents.read',
  'documents.write',
  'sync.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** Which role holds which right. Checked in the core, never only in the renderer. */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  admin: [
    'facility.read',
    'users.manage',
    'settings.manage',
    'backup.manage',
    'audit.read',
    'directory.manage',
    'sync.manage',
  ],
  manager: [
    'facility.read',
    'audit.read',
    'patients.read',
    'patients.write',
    'patients.merge',
    'visits.write',
    'records.correct',
    'referrals.write',
    'directory.manage',
    'reports.read',
    'reports.freeze',
    'exports.deidentified',
    // Full export / import and FHIR carry identities: the manager's, never the admin's (who sees no records).
    'exchange.manage',
    'programmes.manage',
    'programmes.enrol',
    'cmam.read',
    'cmam.write',
    'pregnancy.write',
    'documents.read',
    'documents.write',
  ],
  // Clinicians enrol and treat; creating or closing whole programmes is a manager's decision.
  clinician: [
    'facility.read',
    'patients.read',
    'patients.write',
    'visits.write',
    'referrals.write',
    'programmes.enrol',
    'cmam.read',
    'cmam.write',
    'pregnancy.write',
    'documents.read',
    'documents.write',
  ],
  // Clerks may print the caseload and defaulter lists for tracing, but never admit, discharge or enrol; they keep
  // the paper register, so they attach (and see) scanned referral letters and lab slips.
  clerk: [
    'facility.read',
    'patients.read',
    'patients.write',
    'visits.write',
    'cmam.read',
    'documents.read',
    'documents.write',
  ],
  researcher: ['facility.read', 'exports.deidentified'],
};

export function roleHas(role: Role, permission: Permission): boolean {
  if (permission === 'public' || permission === 'session') return true;
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** An account holds one or more roles (a small facility's in-charge is admin and manager); rights are the union. */
export function rolesHave(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((role) => roleHas(role, permission));
}

/** Anyone carrying a primary role and, optionally, the full set (sessions, actors, user summaries). */
export interface HasRoles {
  role: Role;
  roles?: readonly Role[] | undefined;
}

/** The account's roles, the primary one first, each once (an old row or caller without `roles` has one). */
export function rolesOf(who: HasRoles): Role[] {
  return normalizeRoles([who.role, ...(who.roles ?? [])]);
}

/** Whether this caller holds the right through any of their roles. Checked in the core. */
export function actorHas(who: HasRoles, permission: Permission): boolean {
  return rolesHave(rolesOf(who), permission);
}

/** Roles in a stable order (the list's own order after the first), no repeats; unknown names dropped. */
export function normalizeRoles(roles: readonly string[]): Role[] {
  const known = roles.filter((r): r is Role => (ROLES as readonly string[]).includes(r));
  const [first] = known;
  if (first === undefined) return [];
  return [first, ...ROLES.filter((r) => r !== first && known.includes(r))];
}

/** How the audit trail names the caller's roles: "admin+clinician". */
export function auditRole(who: HasRoles): string {
  return rolesOf(who).join('+');
}
