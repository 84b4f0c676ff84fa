// CMAM facility settings: absences before a defaulted exit is proposed, and weeks of RUTF to order.
import type { CmamSettings } from '../../../shared/contract/channels/cmam';
import type { OpenDatabase } from '../../core/state';
import { auditBy } from '../audit/audit.service';
import type { Actor } from '../../records';
import { readCmamSettings, writeCmamSettings } from './cmam.repo';

export function updateCmamSettings(
  open: OpenDatabase,
  actor: Actor,
  patch: Partial<CmamSettings>,
  now: Date,
): CmamSettings {
  const at = now.toISOString();
  return open.sqlite.transaction(() => {
    const before = readCmamSettings(open);
    const after = { ...before, ...patch };
    const changed = (Object.keys(after) as (keyof CmamSettings)[]).filter((k) => before[k] !== after[k]);
    if (changed.length === 0) return before;
    writeCmamSettings(open, after, actor.userId, at);
    auditBy(
      open.sqlite,
      actor,
      {
        action: 'cmam.settings.update',
        detail: changed.map((k) => `${k}: ${before[k]} → ${after[k]}`).join('; '),
      },
      at,
    );
    return after;
  })();
}
