import { and, count, eq, gte } from 'drizzle-orm';
import { AppError } from '../../../shared/contract';
import type { HandlerSlice } from '../../core/handler';
import { auditLog, facility, users } from '../../db/schema';
import { systemStatus } from './system.service';
import { localDate } from '../../../shared/clinical';
import { registerCounts } from '../patients/counts';

export const facilityHandlers: HandlerSlice<'home.summary' | 'system.status'> = {
  'system.status': (_input, ctx) => systemStatus(ctx.database().sqlite),
  'home.summary': (_input, ctx) => {
    const { db } = ctx.database();
    const row = db.select().from(facility).where(eq(facility.id, 1)).get();
    if (!row) throw new AppError('NOT_FOUND', 'The facility record is missing from the database.');
    const startOfDay = new Date(ctx.now);
    startOfDay.setHours(0, 0, 0, 0);
    const activeStaff = db.select({ n: count() }).from(users).where(eq(users.active, true)).get()?.n ?? 0;
    const signInsToday =
      db
        .select({ n: count() })
        .from(auditLog)
        .where(and(eq(auditLog.action, 'login'), gte(auditLog.at, startOfDay.toISOString())))
        .get()?.n ?? 0;
    return {
      facility: { name: row.name, code: row.code, district: row.district, country: row.country },
      counts: { activeStaff, signInsToday, ...registerCounts(ctx.database().sqlite, localDate(ctx.now)) },
    };
  },
};
