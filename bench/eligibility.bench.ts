import autocannon from 'autocannon';
import { buildInterchange, GUIDE_270, writeEligibilityInquiry } from '@portico/core/x12';
import { mintToken } from '../packages/server/src/auth/tokens.ts';
import { coreRestClearinghouse } from '../packages/server/src/clearinghouse/core-rest-client.ts';
import { demoUsers } from '../packages/server/src/demo/demo-office.ts';
import { startSandboxPayer } from '../packages/server/src/sandbox-payer/server.ts';
import { PAYLOAD_TYPES } from '../packages/server/src/services/clearinghouse.ts';
import { BENCH_ISSUER, BENCH_SECRET, withBenchApp } from './support.ts';

const CONNECTIONS = 50;
const ROUND_SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? '5');
const ROUNDS = Number(process.env.BENCH_HTTP_ROUNDS ?? '3');

interface Round {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

async function load(url: string, headers: Record<string, string>, body: string): Promise<Round> {
  const result = await autocannon({
    url,
    method: 'POST',
    connections: CONNECTIONS,
    duration: ROUND_SECONDS,
    headers,
    body,
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.non2xx + result.errors,
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/**
 * Eligibility round trips at 50 connections (autocannon, in this process): `eligibility.check` through Portico's
 * HTTP API (token, two transactions, the 270 built, CORE REST to the sandbox payer over loopback, the 271 read
 * against its guide and grouped, the check and its audit row written) against the same sandbox payer asked
 * directly with the same 270, in alternating rounds on PostgreSQL; medians.
 */
export async function benchEligibility(serverUrl: string): Promise<Record<string, string>> {
  return withBenchApp(serverUrl, 'portico_bench_eligibility', async (app) => {
    const sandbox = await startSandboxPayer({ clock: app.clock, slowMs: 25_000 });
    try {
      const served = await app.serve({ clearinghouse: coreRestClearinghouse(sandbox) });
      const user = demoUsers['billing-manager'];
      const claims = { subject: user.subject, organization: user.organization, name: user.name };
      const client = served.clientFor(claims);
      await client.providers.add.mutate({
        npi: '1234567893',
        firstName: 'Ada',
        lastName: 'Quinn',
        tin: '12-3456789',
      });
      const site = (await client.organizations.me.query()).sites[0]?.id ?? '';
      const input = {
        memberId: 'PSB10001',
        firstName: 'Robert',
        lastName: 'Smith',
        dateOfBirth: '1963-05-19',
        providerNpi: '1234567893',
        siteId: site,
      };
      const sample = await client.eligibility.check.mutate(input);
      if (sample.summary.plan.status !== 'ACTIVE') throw new Error('the sandbox did not answer');
      const token = await mintToken({
        secret: BENCH_SECRET,
        issuer: BENCH_ISSUER,
        audience: 'portico',
        ...claims,
        now: app.clock.now(),
        lifetimeSeconds: 3600,
      });
      const porticoHeaders = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      const porticoBody = JSON.stringify(input);
      // The payer alone: the same 270, sent as CORE REST with the sandbox's own token.
      const tokenResponse = await fetch(sandbox.tokenUrl, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${sandbox.clientId}:${sandbox.clientSecret}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: 'grant_type=client_credentials',
      });
      const { access_token: sandboxToken } = (await tokenResponse.json()) as { access_token: string };
      const x12 = buildInterchange(
        {
          senderQualifier: 'ZZ',
          senderId: 'PORTICO',
          receiverQualifier: 'ZZ',
          receiverId: 'PORTICO01',
          applicationSender: 'PORTICO',
          applicationReceiver: 'PORTICO01',
          controlNumber: 1,
          at: app.clock.now(),
          usage: 'T',
          functionalId: 'HS',
          guide: GUIDE_270,
        },
        [
          {
            id: '270',
            body: writeEligibilityInquiry({
              reference: '1',
              createdDate: '20261123',
              createdTime: '1500',
              payer: { name: 'PORTICO SANDBOX HEALTH PLAN', id: 'PORTICO01' },
              provider: { name: 'ADA QUINN', id: '1234567893' },
              subscriber: {
                trace: { type: '1', number: 'BENCH1', originator: '9PORTICO00' },
                memberId: 'PSB10001',
                lastName: 'SMITH',
                firstName: 'ROBERT',
                dateOfBirth: '19630519',
                dateOfService: { qualifier: '291', format: 'D8', value: '20261123' },
                serviceTypes: ['30'],
              },
            }),
          },
        ],
      );
      const sandboxBody = JSON.stringify({
        PayloadType: PAYLOAD_TYPES.eligibilityRequest,
        ProcessingMode: 'RealTime',
        PayloadID: 'bench',
        TimeStamp: app.clock.now().toISOString(),
        SenderID: 'PORTICO',
        ReceiverID: 'PORTICO01',
        CORERuleVersion: '4.0.0',
        Payload: x12,
      });
      const sandboxHeaders = { authorization: `Bearer ${sandboxToken}`, 'content-type': 'application/json' };
      const portico: Round[] = [];
      const payer: Round[] = [];
      for (let round = 0; round < ROUNDS; round += 1) {
        payer.push(await load(sandbox.url, sandboxHeaders, sandboxBody));
        portico.push(await load(`${served.url}/trpc/eligibility.check`, porticoHeaders, porticoBody));
      }
      const line = (rounds: Round[]) => {
        const errors = rounds.reduce((sum, r) => sum + r.errors, 0);
        return `${median(rounds.map((r) => r.rps)).toFixed(0)} checks/s, p50 ${median(rounds.map((r) => r.p50))} ms, p99 ${median(rounds.map((r) => r.p99))} ms${errors ? `, ${errors} errors` : ''}`;
      };
      return {
        'the sandbox payer alone (the same 270, CORE REST)': line(payer),
        'eligibility.check through Portico': line(portico),
        'Portico vs the payer alone': `${(median(portico.map((r) => r.rps)) / median(payer.map((r) => r.rps))).toFixed(2)}× throughput, p99 ${(median(portico.map((r) => r.p99)) / median(payer.map((r) => r.p99))).toFixed(2)}×`,
      };
    } finally {
      await sandbox.close();
    }
  });
}
