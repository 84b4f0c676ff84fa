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
  ],
  clinician: ['facility.read', 'patients.read', 'patients.write', 'visits.write', 'referrals.write'],
  clerk: ['facility.read', 'patients.read', 'patients.write', 'visits.write'],
  researcher: ['facility.read', 'exports.deidentified'],
};

export function roleHas(role: Role, permission: Permission): boolean {
  if (permission === 'public' || permission === 'session') return true;
  return ROLE_PERMISSIONS[role].includes(permission);
}
