// Which exit the rules propose for an open CMAM episode today: cured, defaulted or non-responder.
import { ClinicalInputError } from '../errors';
import { DEFAULT_PROTOCOL } from '../protocols/profiles';
import type { ProtocolProfile } from '../protocols/profiles';
import type { NutritionCriterion } from './classify';
import { dischargeEligibility, type DischargeUnmet, type DischargeVisit } from './episodes';

/**
 * Cured is proposed once the discharge criterion has held at each of the last N visits (N = the protocol's
 * oedema-free visits, 2 by default), so one good MUAC reading never discharges a child.
 */
// WHO 2013 SAM guideline §3 (discharge: MUAC ≥ 125 mm / WHZ ≥ −2 and no oedema for at least 2 weeks)
export function curedSustained(
  input: { admissionCriteria: readonly NutritionCriterion[]; visits: readonly DischargeVisit[] },
  profile: ProtocolProfile = DEFAULT_PROTOCOL,
): { proposed: boolean; unmet: DischargeUnmet[] } {
  const n = profile.cmam.discharge.oedemaFreeVisits;
  const visits = input.visits;
  if (visits.length === 0) throw new ClinicalInputError('visits', 'required', 'at least one visit is needed');
  const latest = dischargeEligibility({ admissionCriteria: input.admissionCriteria, visits }, profile);
  if (!latest.eligible) return { proposed: false, unmet: latest.unmet };
  if (visits.length < n) return { proposed: false, unmet: ['oedema-free-visits-too-few'] };
  for (let k = 1; k < n; k++) {
    const earlier = dischargeEligibility(
      { admissionCriteria: input.admissionCriteria, visits: visits.slice(0, visits.length - k) },
      profile,
    );
    // The oedema count of an earlier visit looks further back than the window: only its own indicators matter.
    const own = earlier.unmet.filter((u) => u !== 'oedema-free-visits-too-few');
    if (own.length > 0) return { proposed: false, unmet: own };
  }
  return { proposed: true, unmet: [] };
}
