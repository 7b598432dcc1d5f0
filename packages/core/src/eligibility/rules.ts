import type { CodeLists } from '../x12/code-lists.ts';
import { x12AmountToCents, x12DateToPlain, x12PercentToBasisPoints } from '../x12/values.ts';
import type { DateEntry } from '../x12/eligibility-parts.ts';
import type { Benefit, EligibilityResponse, Rejection } from '../x12/eligibility-response.ts';
import type { EligibilitySummary, NetworkBenefits, ServiceBenefits } from './schemas.ts';

/** CAQH CORE: an answer (271 or 999) within 20 seconds of the 270, end to end. DOMAIN.md, "Standards". */
export const ELIGIBILITY_TIMEOUT_SECONDS = 20;

/** The payer refreshes eligibility three times a day (DOMAIN.md); these are the default times, in UTC. */
export const DEFAULT_REFRESH_TIMES_UTC = ['06:00', '12:00', '18:00'] as const;

const emptyFigure = () => ({ baseCents: null, remainingCents: null });
const emptyNetwork = (): NetworkBenefits => ({
  deductible: { individual: emptyFigure(), family: emptyFigure() },
  outOfPocket: { individual: emptyFigure(), family: emptyFigure() },
  copayCents: null,
  coinsuranceBasisPoints: null,
  authorizationRequired: null,
  messages: [],
});

// EB06 29 (Remaining) and 33 (Lifetime Remaining) say the amount is what is left; any other period is the base.
const REMAINING_PERIODS = new Set(['29', '33']);
const ACTIVE_CODES = new Set(['1', '2', '3', '4', '5']);
const INACTIVE_CODES = new Set(['6', '7', '8']);

function applyBenefit(network: NetworkBenefits, benefit: Benefit): void {
  const cents = x12AmountToCents(benefit.amount);
  const level = benefit.coverageLevel === 'FAM' ? 'family' : 'individual';
  const slot = REMAINING_PERIODS.has(benefit.timePeriod ?? '') ? 'remainingCents' : 'baseCents';
  if (benefit.code === 'C' && cents !== null) network.deductible[level][slot] = cents;
  if (benefit.code === 'G' && cents !== null) network.outOfPocket[level][slot] = cents;
  if (benefit.code === 'B' && cents !== null) network.copayCents = cents;
  if (benefit.code === 'A') network.coinsuranceBasisPoints = x12PercentToBasisPoints(benefit.percent);
  if (benefit.authorizationRequired === 'Y' || benefit.authorizationRequired === 'N')
    network.authorizationRequired = benefit.authorizationRequired === 'Y';
  network.messages.push(...benefit.messages.filter((message) => !network.messages.includes(message)));
}

function coverageOf(code: string): ServiceBenefits['coverage'] {
  if (ACTIVE_CODES.has(code)) return 'ACTIVE';
  if (INACTIVE_CODES.has(code)) return 'INACTIVE';
  return code === 'I' ? 'NOT_COVERED' : null;
}

function dateOf(dates: readonly DateEntry[], qualifiers: readonly string[], end: boolean): string | null {
  const entry = dates.find((date) => qualifiers.includes(date.qualifier));
  if (!entry) return null;
  const [from, to] = entry.value.split('-');
  return x12DateToPlain(entry.format === 'RD8' ? (end ? to : from) : from);
}

/**
 * Groups a 271's benefit list the way an office reads it: the plan and its dates, the PCP, and per service type
 * (in the order asked, then the rest in the payer's order) the figures in and out of network. An EB with network
 * `W` (both) or none applies to both; one without service types applies to 30 (the plan).
 */
export function summarizeEligibility(response: EligibilityResponse, lists: CodeLists): EligibilitySummary {
  const subscriber = response.subscriber;
  const benefits = subscriber?.benefits ?? [];
  const byType = new Map<string, ServiceBenefits>();
  const entry = (code: string) => {
    let found = byType.get(code);
    if (!found) {
      found = {
        serviceType: lists.label('service-types', code),
        coverage: null,
        inNetwork: emptyNetwork(),
        outOfNetwork: emptyNetwork(),
      };
      byType.set(code, found);
    }
    return found;
  };
  for (const benefit of benefits) {
    if (benefit.code === 'L') continue;
    for (const code of benefit.serviceTypes.length > 0 ? benefit.serviceTypes : ['30']) {
      const target = entry(code);
      target.coverage = coverageOf(benefit.code) ?? target.coverage;
      if (benefit.network !== 'N') applyBenefit(target.inNetwork, benefit);
      if (benefit.network !== 'Y') applyBenefit(target.outOfNetwork, benefit);
    }
  }
  // The plan's own EB (service type 30, or none); when the inquiry asked only for other types, the first status EB.
  const statusBenefits = benefits.filter(
    (benefit) => coverageOf(benefit.code) === 'ACTIVE' || coverageOf(benefit.code) === 'INACTIVE',
  );
  const planBenefit =
    statusBenefits.find(
      (benefit) => benefit.serviceTypes.length === 0 || benefit.serviceTypes.includes('30'),
    ) ?? statusBenefits[0];
  const pcp = benefits
    .find((benefit) => benefit.code === 'L')
    ?.entities.find((entity) => entity.entity === 'P3');
  const dates = [...(subscriber?.dates ?? []), ...(planBenefit?.dates ?? [])];
  const groupNumber = subscriber?.references.find((reference) => reference.qualifier === '6P')?.value ?? null;
  return {
    member: {
      memberId: subscriber?.memberId ?? '',
      firstName: subscriber?.firstName ?? '',
      lastName: subscriber?.lastName ?? '',
      dateOfBirth: x12DateToPlain(subscriber?.dateOfBirth),
      gender: subscriber?.gender ?? null,
      groupNumber,
    },
    payer: { name: response.payer.name, id: response.payer.id },
    plan: {
      status: planBenefit ? (coverageOf(planBenefit.code) ?? 'INACTIVE') : 'INACTIVE',
      description: planBenefit?.planDescription ?? null,
      insuranceType: planBenefit?.insuranceType
        ? lists.label('insurance-types', planBenefit.insuranceType)
        : null,
      coverageBegins: dateOf(dates, ['346', '356', '291', '307'], false),
      coverageEnds: dateOf(dates, ['347', '357', '291', '307'], true),
    },
    primaryCareProvider: pcp
      ? {
          name: [pcp.firstName, pcp.lastName].filter(Boolean).join(' '),
          npi: pcp.idQualifier === 'XX' ? pcp.id : null,
        }
      : null,
    benefits: [...byType.values()],
    messages: benefits
      .filter((benefit) => benefit.code === 'L' || benefit.serviceTypes.length === 0)
      .flatMap((benefit) => benefit.messages),
  };
}

/** What a rejection asks the office to fix, by reject reason (AAA03): the field of the inquiry it names. */
const FIELD_OF_REASON: Readonly<Record<string, string>> = {
  '72': 'memberId',
  '75': 'memberId',
  '76': 'memberId',
  '78': 'memberId',
  '64': 'memberId',
  '67': 'memberId',
  '73': 'lastName',
  '65': 'lastName',
  '58': 'dateOfBirth',
  '71': 'dateOfBirth',
  '60': 'dateOfBirth',
  '43': 'providerNpi',
  '44': 'providerNpi',
  '50': 'providerNpi',
  '51': 'providerNpi',
  '52': 'providerNpi',
  '56': 'dateOfService',
  '57': 'dateOfService',
  '62': 'dateOfService',
  '63': 'dateOfService',
};
// 42 Unable to Respond at Current Time and 80 No Response: the payer is unavailable, not the inquiry wrong.
const UNAVAILABLE_REASONS = new Set(['42', '80']);

/** A payer's refusal, as Portico reports it: which kind, the payer's words, and the field to correct. */
export interface PayerProblem {
  kind: 'REJECTED' | 'UNAVAILABLE';
  message: string;
  fieldPath: string | null;
  reason: string;
}

/** The first rejection of a 271 (information source, receiver, subscriber) in the payer's words; null when none. */
export function payerProblemOf(response: EligibilityResponse, lists: CodeLists): PayerProblem | null {
  const rejections: Rejection[] = [
    ...response.payer.rejections,
    ...(response.provider?.rejections ?? []),
    ...(response.subscriber?.rejections ?? []),
  ];
  const first = rejections[0];
  if (!first)
    return response.subscriber
      ? null
      : {
          kind: 'UNAVAILABLE',
          message: 'The payer answered without the member.',
          fieldPath: null,
          reason: '',
        };
  const reason = lists.label('reject-reasons', first.reason).label;
  const followUp = lists.label('follow-up-actions', first.followUp).label;
  return {
    kind: UNAVAILABLE_REASONS.has(first.reason) ? 'UNAVAILABLE' : 'REJECTED',
    message: `The payer answered: ${reason} (${first.reason}). ${followUp}.`,
    fieldPath: FIELD_OF_REASON[first.reason] ?? null,
    reason: first.reason,
  };
}

/** The payer's as-of time: its latest refresh at or before the answer (refresh times `HH:MM`, UTC). */
export function payerAsOf(
  answeredAt: Date,
  refreshTimesUtc: readonly string[] = DEFAULT_REFRESH_TIMES_UTC,
): Date {
  const day = Date.UTC(answeredAt.getUTCFullYear(), answeredAt.getUTCMonth(), answeredAt.getUTCDate());
  const candidates = [day - 86_400_000, day].flatMap((start) =>
    refreshTimesUtc.map(
      (time) => start + (Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5))) * 60_000,
    ),
  );
  const latest = Math.max(...candidates.filter((at) => at <= answeredAt.getTime()));
  return new Date(Number.isFinite(latest) ? latest : answeredAt.getTime());
}

/** The share answered in time, in basis points rounded down (89.99 % never reads as 90 %); null with no checks. */
export function timelinessShare(total: number, withinLimit: number): number | null {
  return total === 0 ? null : Math.floor((withinLimit * 10_000) / total);
}
