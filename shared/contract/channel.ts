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
  /** For `audit: 'read'`: the audit row the router writes after a successful call (default action: the channel). */
  readAudit?: ReadAudit<I, O>;
}

/** What a read audit row names. Method syntax keeps every channel assignable to the plain ChannelDef. */
export interface ReadAudit<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  /** e.g. "patient.read", "patient.search". */
  action: string;
  /** The record that was read (and the patient it belongs to), from the validated input and the result. */
  target?(
    input: z.output<I>,
    output: z.output<O>,
  ): { entity: string; id: string; patientId?: string | null } | null;
  /** Short detail with no patient text (a search's query may be a name: give counts, never the query). */
  detail?(input: z.output<I>, output: z.output<O>): string | null;
  /** The patients a list showed (ids only, never the query): the router adds `shown=<ids>` to the detail. */
  shown?(input: z.output<I>, output: z.output<O>): readonly string[];
}

/** Declares one channel; keeps literal types so the client can infer input and result. */
export function channel<I extends z.ZodType, O extends z.ZodType>(def: ChannelDef<I, O>): ChannelDef<I, O> {
  return def;
}
