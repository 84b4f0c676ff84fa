import type { DangerSign, RiskFactor } from '../../../shared/clinical';
import type { useT } from '../../app/i18n';
import type {
  AncFlag,
  DELIVERY_MODES,
  DELIVERY_PLACES,
  OUTCOME_TYPES,
} from '../../../shared/contract/channels/pregnancy';

type T = ReturnType<typeof useT>;

/** The words the midwife reads for each code of the pregnancy contract (never the code itself). */
export const pregnancyLabels = {
  danger: (t: T, c: DangerSign) => t(`pregnancy.danger.${c}`),
  risk: (t: T, c: RiskFactor) => t(`pregnancy.risk.${c}`),
  flag: (t: T, c: AncFlag) => t(`pregnancy.flagName.${c}`),
  place: (t: T, c: (typeof DELIVERY_PLACES)[number]) => t(`pregnancy.place.${c}`),
  mode: (t: T, c: (typeof DELIVERY_MODES)[number]) => t(`pregnancy.mode.${c}`),
  outcome: (t: T, c: (typeof OUTCOME_TYPES)[number]) => t(`pregnancy.outcome.${c}`),
};
