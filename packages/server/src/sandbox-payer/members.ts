/** What a sandbox plan costs the member in one network, in integer cents and basis points. */
export interface SandboxCosts {
  deductible: { individual: number; family: number; metIndividual: number; metFamily: number };
  outOfPocket: { individual: number; family: number; metIndividual: number; metFamily: number };
  /** Co-pay per service type; a type without one has none. */
  copays: Readonly<Record<string, number>>;
  coinsuranceBasisPoints: number;
}

export interface SandboxPlan {
  description: string;
  /** EB04: HM, PR, MC ... */
  insuranceType: string;
  groupNumber: string;
  /** Plan dates, CCYY-MM-DD; `ends` null for an open-ended plan. */
  begins: string;
  ends: string | null;
  inNetwork: SandboxCosts;
  /** Null: nothing is covered out of network (an HMO). */
  outOfNetwork: SandboxCosts | null;
  /** Service types the plan does not cover at all. */
  notCovered: readonly string[];
  /** Service types that need a prior authorization. */
  authorizationRequired: readonly string[];
  primaryCareProvider: { firstName: string; lastName: string; npi: string } | null;
}

/** What a test member makes the sandbox do, besides answering. */
export type SandboxTrigger = 'UNAVAILABLE' | 'PROVIDER_INELIGIBLE' | 'SLOW' | 'NOT_FOUND';

export interface SandboxMember {
  memberId: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  gender: 'F' | 'M' | 'U';
  plan: SandboxPlan | null;
  trigger?: SandboxTrigger;
}

const hmoCosts: SandboxCosts = {
  deductible: { individual: 150_000, family: 300_000, metIndividual: 85_000, metFamily: 120_000 },
  outOfPocket: { individual: 450_000, family: 900_000, metIndividual: 120_000, metFamily: 210_000 },
  copays: { '98': 2_500, UC: 5_000, '86': 25_000, MH: 2_500, AL: 1_500, '88': 1_000, '33': 3_000 },
  coinsuranceBasisPoints: 2_000,
};

const ppoIn: SandboxCosts = {
  deductible: { individual: 50_000, family: 100_000, metIndividual: 50_000, metFamily: 62_500 },
  outOfPocket: { individual: 300_000, family: 600_000, metIndividual: 80_000, metFamily: 95_000 },
  copays: { '98': 2_000, UC: 4_000, '86': 20_000, MH: 2_000, '33': 2_500 },
  coinsuranceBasisPoints: 1_000,
};

const ppoOut: SandboxCosts = {
  deductible: { individual: 150_000, family: 300_000, metIndividual: 0, metFamily: 0 },
  outOfPocket: { individual: 900_000, family: 1_800_000, metIndividual: 0, metFamily: 0 },
  copays: {},
  coinsuranceBasisPoints: 4_000,
};

/**
 * The sandbox payer's members, documented in README ("Sandbox payer"): three with coverage to look at, and one per
 * error a real payer gives (unknown member, payer down, provider not eligible, no answer in time). Any other member
 * id is not found; a known id with another date of birth or last name is refused as a payer would.
 */
export const SANDBOX_MEMBERS: readonly SandboxMember[] = [
  {
    memberId: 'PSB10001',
    firstName: 'Robert',
    lastName: 'Smith',
    dateOfBirth: '1963-05-19',
    gender: 'M',
    plan: {
      description: 'Gold HMO 1500',
      insuranceType: 'HM',
      groupNumber: 'GRP-4410',
      begins: '2026-01-01',
      ends: null,
      inNetwork: hmoCosts,
      outOfNetwork: null,
      notCovered: ['35'],
      authorizationRequired: ['MH'],
      primaryCareProvider: { firstName: 'Marcus', lastName: 'Jones', npi: '1003000126' },
    },
  },
  {
    memberId: 'PSB10002',
    firstName: 'Maria',
    lastName: 'Garcia',
    dateOfBirth: '1988-11-02',
    gender: 'F',
    plan: {
      description: 'Silver PPO 500',
      insuranceType: 'PR',
      groupNumber: 'GRP-7702',
      begins: '2026-01-01',
      ends: '2026-12-31',
      inNetwork: ppoIn,
      outOfNetwork: ppoOut,
      notCovered: [],
      authorizationRequired: [],
      primaryCareProvider: null,
    },
  },
  {
    memberId: 'PSB10003',
    firstName: 'James',
    lastName: 'Lee',
    dateOfBirth: '1975-03-14',
    gender: 'M',
    plan: {
      description: 'Medicaid Managed Care',
      insuranceType: 'MC',
      groupNumber: 'MCD-001',
      begins: '2024-07-01',
      ends: '2025-12-31',
      inNetwork: hmoCosts,
      outOfNetwork: null,
      notCovered: [],
      authorizationRequired: [],
      primaryCareProvider: null,
    },
  },
  {
    memberId: 'PSB90075',
    firstName: 'Nora',
    lastName: 'Found',
    dateOfBirth: '1990-01-01',
    gender: 'F',
    plan: null,
    trigger: 'NOT_FOUND',
  },
  {
    memberId: 'PSB90042',
    firstName: 'Dana',
    lastName: 'Down',
    dateOfBirth: '1990-01-01',
    gender: 'F',
    plan: null,
    trigger: 'UNAVAILABLE',
  },
  {
    memberId: 'PSB90050',
    firstName: 'Ian',
    lastName: 'Eligible',
    dateOfBirth: '1990-01-01',
    gender: 'M',
    plan: null,
    trigger: 'PROVIDER_INELIGIBLE',
  },
  {
    memberId: 'PSB90099',
    firstName: 'Sam',
    lastName: 'Slow',
    dateOfBirth: '1990-01-01',
    gender: 'U',
    plan: null,
    trigger: 'SLOW',
  },
];

/** The test member with this id (ids are matched in capitals, as payers do), or undefined: not found. */
export function findSandboxMember(memberId: string): SandboxMember | undefined {
  const id = memberId.toUpperCase();
  return SANDBOX_MEMBERS.find((member) => member.memberId === id);
}
