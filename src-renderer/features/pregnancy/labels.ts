import type { DangerSign, RiskFactor } from '../../../shared/clinical';
import type { useT } from '../../app/i18n';
import type {
  AncFlag,
  DELIVERY_MODES,
  DELIVERY_PLACES,
  OUTCOME_TYPES,
  POSTNATAL_DANGER_SIGNS,
} from '../../../shared/contract/channels/pregnancy';

type T = ReturnType<typeof useT>;
/** Catalog keys use underscores where the codes use hyphens. */
type Underscored<S extends string> = S extends `${infer A}-${infer B}` ? `${A}_${Underscored<B>}` : S;
const u = <S extends string>(code: S) => code.replaceAll('-', '_') as Underscored<S>;

/** The words the midwife reads for each code of the pregnancy contract (never the code itself). */
export const pregnancyLabels = {
  danger: (t: T, c: DangerSign) => t(`pregnancy.danger.${u(c)}`),
  risk: (t: T, c: RiskFactor) => t(`pregnancy.risk.${u(c)}`),
  flag: (t: T, c: AncFlag) => t(`pregnancy.flagName.${u(c)}`),
  place: (t: T, c: (typeof DELIVERY_PLACES)[number]) => t(`pregnancy.place.${u(c)}`),
  mode: (t: T, c: (typeof DELIVERY_MODES)[number]) => t(`pregnancy.mode.${u(c)}`),
  outcome: (t: T, c: (typeof OUTCOME_TYPES)[number]) => t(`pregnancy.outcome.${u(c)}`),
  postnatalDanger: (t: T, c: (typeof POSTNATAL_DANGER_SIGNS)[number]) => t(`pregnancy.pnDanger.${u(c)}`),
};
