import type { z } from 'zod';
import type { Permission } from './roles';

/** How the router audits a successful call on its own (writes are audited by their services). */
export type AuditKind = 'none' | 'read';

export interface ChannelDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  permission: Permission;
  audit: AuditKind;
  /** Human summary, shown in generated docs and the role matrix. */
  summary: string;
}

/** Declares one channel; keeps literal types so the client can infer input and result. */
export function channel<I extends z.ZodType, O extends z.ZodType>(def: ChannelDef<I, O>): ChannelDef<I, O> {
  return def;
}
