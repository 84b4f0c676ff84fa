import type { Role } from '../../../shared/contract';
import type { Core } from '../../../src-main/core/core';
import { ADMIN, setUpFacility, tempCore, unwrap } from '../../support/core';

export const NEW_PASSWORD = 'river mango lantern 42';

/** A facility with the admin signed in on connection "admin". */
export async function facilityWithAdmin(): Promise<{
  core: ReturnType<typeof tempCore>;
  recoveryCode: string;
}> {
  const core = tempCore();
  const recoveryCode = await setUpFacility(core, 'admin');
  return { core, recoveryCode };
}

/** Admin creates an account; the person signs in on `connection` and replaces the temporary password. */
export async function addStaff(
  core: Core,
  username: string,
  role: Role,
  connection = username,
  password = `${NEW_PASSWORD} ${username}`,
): Promise<{ id: string; password: string }> {
  await confirmAdmin(core);
  const created = unwrap(
    await core.call('admin', 'users.create', { username, fullName: `Staff ${username}`, role }),
  );
  unwrap(await core.call(connection, 'auth.login', { username, password: created.temporaryPassword }));
  unwrap(
    await core.call(connection, 'auth.changePassword', {
      currentPassword: created.temporaryPassword,
      newPassword: password,
    }),
  );
  return { id: created.user.id, password };
}

export async function confirmAdmin(core: Core, connection = 'admin'): Promise<void> {
  unwrap(await core.call(connection, 'auth.confirmPassword', { password: ADMIN.password }));
}

export function auditActions(
  core: Core,
): { action: string; user_id: string | null; detail: string | null }[] {
  return core.state
    .database!.sqlite.prepare('SELECT action, user_id, detail FROM audit_log ORDER BY seq')
    .all() as {
    action: string;
    user_id: string | null;
    detail: string | null;
  }[];
}
