import { basisPointsToX12Percent, centsToX12Amount, plainDateToX12, x12DateToPlain } from '@portico/core';
import {
  CORE_BASE_SERVICE_TYPES,
  type Benefit,
  type EligibilityInquiry,
  type EligibilityResponse,
  type Rejection,
} from '@portico/core/x12';
import { findSandboxMember, type SandboxCosts, type SandboxPlan } from './members.ts';

const benefit = (fields: Partial<Benefit> & Pick<Benefit, 'code'>): Benefit => ({
  coverageLevel: null,
  serviceTypes: [],
  insuranceType: null,
  planDescription: null,
  timePeriod: null,
  amount: null,
  percent: null,
  authorizationRequired: null,
  network: null,
  dates: [],
  messages: [],
  entities: [],
  ...fields,
});

/** The EBs of one service type in one network: deductible and out-of-pocket (base and remaining), co-pay, co-insurance. */
function costBenefits(type: string, costs: SandboxCosts, network: 'Y' | 'N', plan: SandboxPlan): Benefit[] {
  const auth = plan.authorizationRequired.includes(type) ? 'Y' : null;
  const money = (code: string, level: string, period: string, cents: number) =>
    benefit({
      code,
      coverageLevel: level,
      serviceTypes: [type],
      timePeriod: period,
      amount: centsToX12Amount(cents),
      network,
      authorizationRequired: auth,
    });
  const out = [
    money('C', 'IND', '23', costs.deductible.individual),
    money('C', 'IND', '29', costs.deductible.individual - costs.deductible.metIndividual),
    money('C', 'FAM', '23', costs.deductible.family),
    money('C', 'FAM', '29', costs.deductible.family - costs.deductible.metFamily),
    money('G', 'IND', '23', costs.outOfPocket.individual),
    money('G', 'IND', '29', costs.outOfPocket.individual - costs.outOfPocket.metIndividual),
    money('G', 'FAM', '23', costs.outOfPocket.family),
    money('G', 'FAM', '29', costs.outOfPocket.family - costs.outOfPocket.metFamily),
  ];
  const copay = costs.copays[type];
  if (copay !== undefined)
    out.push(
      benefit({
        code: 'B',
        coverageLevel: 'IND',
        serviceTypes: [type],
        timePeriod: '27',
        amount: centsToX12Amount(copay),
        network,
        authorizationRequired: auth,
      }),
    );
  out.push(
    benefit({
      code: 'A',
      coverageLevel: 'IND',
      serviceTypes: [type],
      percent: basisPointsToX12Percent(costs.coinsuranceBasisPoints),
      network,
      authorizationRequired: auth,
    }),
  );
  return out;
}

const reject = (reason: string, followUp: string): Rejection => ({ valid: 'N', reason, followUp });

function isCoveredOn(plan: SandboxPlan, day: string): boolean {
  return plan.begins <= day && (plan.ends === null || day <= plan.ends);
}

/** The benefits a plan answers for the asked service types (30 means the CORE base set). */
function planBenefits(plan: SandboxPlan, asked: readonly string[], day: string): Benefit[] {
  const dates = [
    { qualifier: '346', format: 'D8' as const, value: plainDateToX12(plan.begins) },
    ...(plan.ends ? [{ qualifier: '347', format: 'D8' as const, value: plainDateToX12(plan.ends) }] : []),
  ];
  const types = [
    ...new Set(asked.flatMap((type) => (type === '30' ? ['30', ...CORE_BASE_SERVICE_TYPES] : [type]))),
  ];
  if (!isCoveredOn(plan, day))
    return [
      benefit({
        code: '6',
        coverageLevel: 'IND',
        serviceTypes: ['30'],
        insuranceType: plan.insuranceType,
        planDescription: plan.description,
        dates,
      }),
    ];
  const covered = types.filter((type) => !plan.notCovered.includes(type));
  const out = [
    benefit({
      code: '1',
      coverageLevel: 'IND',
      serviceTypes: covered,
      insuranceType: plan.insuranceType,
      planDescription: plan.description,
      dates,
      messages: plan.outOfNetwork ? [] : ['Out-of-network care is covered for emergencies only.'],
    }),
  ];
  for (const type of types) {
    if (plan.notCovered.includes(type)) {
      out.push(benefit({ code: 'I', serviceTypes: [type] }));
      continue;
    }
    out.push(...costBenefits(type, plan.inNetwork, 'Y', plan));
    if (plan.outOfNetwork) out.push(...costBenefits(type, plan.outOfNetwork, 'N', plan));
  }
  const pcp = plan.primaryCareProvider;
  if (pcp)
    out.push(
      benefit({
        code: 'L',
        entities: [
          {
            entity: 'P3',
            kind: '1',
            lastName: pcp.lastName.toUpperCase(),
            firstName: pcp.firstName.toUpperCase(),
            idQualifier: 'XX',
            id: pcp.npi,
          },
        ],
      }),
    );
  return out;
}

/**
 * The sandbox payer's 271 for a 270, as a payer decides it: the member by id, then the date of birth and last
 * name checked against it (AAA 71, 73), coverage on the date of service, and the documented error members.
 */
export function answerInquiry(
  inquiry: EligibilityInquiry,
  at: { date: string; time: string },
): EligibilityResponse {
  const { subscriber } = inquiry;
  const member = findSandboxMember(subscriber.memberId);
  const base = { reference: inquiry.reference, createdDate: at.date, createdTime: at.time };
  const payer = { ...inquiry.payer, rejections: [] as Rejection[] };
  const provider = { ...inquiry.provider, rejections: [] as Rejection[] };
  if (member?.trigger === 'UNAVAILABLE')
    return {
      ...base,
      payer: { ...payer, rejections: [reject('42', 'P')] },
      provider: null,
      subscriber: null,
    };
  if (member?.trigger === 'PROVIDER_INELIGIBLE')
    return { ...base, payer, provider: { ...provider, rejections: [reject('50', 'N')] }, subscriber: null };
  const echo = {
    traces: [{ ...subscriber.trace, type: '2' as const }],
    memberId: subscriber.memberId,
    lastName: subscriber.lastName,
    firstName: subscriber.firstName,
    dateOfBirth: null,
    gender: null,
    references: [],
    dates: [],
    benefits: [],
  };
  const refuse = (reason: string) => ({
    ...base,
    payer,
    provider,
    subscriber: { ...echo, rejections: [reject(reason, 'C')] },
  });
  if (!member || member.trigger === 'NOT_FOUND' || !member.plan) return refuse('75');
  if (subscriber.dateOfBirth !== plainDateToX12(member.dateOfBirth)) return refuse('71');
  if (subscriber.lastName.toUpperCase() !== member.lastName.toUpperCase()) return refuse('73');
  const day =
    x12DateToPlain(subscriber.dateOfService?.value.slice(0, 8)) ??
    x12DateToPlain(inquiry.createdDate) ??
    member.plan.begins;
  return {
    ...base,
    payer,
    provider,
    subscriber: {
      ...echo,
      lastName: member.lastName.toUpperCase(),
      firstName: member.firstName.toUpperCase(),
      memberId: member.memberId,
      dateOfBirth: plainDateToX12(member.dateOfBirth),
      gender: member.gender,
      references: [{ qualifier: '6P', value: member.plan.groupNumber }],
      rejections: [],
      benefits: planBenefits(member.plan, subscriber.serviceTypes, day),
    },
  };
}
