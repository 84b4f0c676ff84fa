// Registration points for domain modules: what a domain adds to the patient chart, which of its record kinds the
// history channel may show, and how its rows follow a patient merge. Domains register at import time from their
// own folder (`src-main/modules/<domain>/<domain>.domain.ts`, listed in `src-main/core/domains.ts`), so a new
// domain never edits the patients module.
import type { GrowthPoint, PatientChart, TimelineItem } from '../../shared/contract/channels/patients';
import type { OpenDatabase } from '../core/state';
import type { patients } from '../db/schema';
import type { PatientMove } from './move';
import type { Actor } from './records';

/** What one domain contributes to a patient's chart. */
export interface ChartContribution {
  timeline?: TimelineItem[];
  programmes?: PatientChart['programmes'];
  pregnancy?: PatientChart['pregnancy'];
  /** Growth-chart points (any order: the chart sorts them oldest first). */
  growth?: GrowthPoint[];
  /** The newest nutrition classification this domain knows of (the newest visit date wins across domains). */
  latestNutrition?: PatientChart['latestNutrition'];
}

/** How a domain's rows follow a merge of `fromId` (the duplicate) into `intoId` (the survivor). */
export interface MergeParticipant {
  /** The tables whose patient links this participant moves itself. */
  tables: readonly string[];
  /** Throws an AppError (CONFLICT, naming the record) when the merge would break the domain's rule. */
  check?(open: OpenDatabase, fromId: string, intoId: string): void;
  /**
   * Moves the domain's rows, each through the kernel (next version, history action "moved", outbox row), inside
   * the merge's transaction. Returns rows moved per entity, for the merge's audit detail.
   */
  move(open: OpenDatabase, actor: Actor, move: PatientMove): Record<string, number>;
}

/** A correction of a patient record, seen by the domains whose stored numbers derive from it. */
export interface PatientCorrection {
  before: typeof patients.$inferSelect;
  after: typeof patients.$inferSelect;
  /** The patient fields that changed. */
  changed: readonly string[];
  at: string;
  today: string;
}

export interface DomainRegistration {
  /** Unique name, e.g. "visits", "cmam". */
  name: string;
  /** Record kinds (history entity names) whose version history `patients.history` may show. */
  historyEntities?: readonly string[];
  chart?(open: OpenDatabase, patientId: string, today: string): ChartContribution;
  merge?: MergeParticipant;
  /**
   * Inside the correction's transaction: brings what the domain derived from the patient (age, z-scores,
   * classifications) up to date, each changed record through the kernel (history "recomputed", outbox row).
   * Throws an AppError (VALIDATION on the patient's field) when the correction contradicts a record.
   */
  patientCorrected?(open: OpenDatabase, actor: Actor, correction: PatientCorrection): void;
}

const registered = new Map<string, DomainRegistration>();

/** Registers a domain; returns the function that removes it again (for tests that register a fake one). */
export function registerDomain(domain: DomainRegistration): () => void {
  if (registered.has(domain.name)) throw new Error(`domain ${domain.name} registered twice`);
  registered.set(domain.name, domain);
  return () => {
    if (registered.get(domain.name) === domain) registered.delete(domain.name);
  };
}

export function registeredDomains(): readonly DomainRegistration[] {
  return [...registered.values()];
}

/** Every record kind some domain lets the history channel show. */
export function historyEntities(): ReadonlySet<string> {
  return new Set(registeredDomains().flatMap((d) => d.historyEntities ?? []));
}
