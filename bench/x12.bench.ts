import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';
import { x12BenchFile } from './x12-file.ts';

interface Run {
  mode: string;
  seconds: number;
  megabytesPerSecond: number;
  peakRssMb: number;
  segments: number;
  transactions: number;
  claims: number;
}

function run(mode: string, file: string): Run {
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--conditions=portico-source', 'bench/x12-worker.ts', mode, file],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  );
  if (child.status !== 0) throw new Error(`${mode}: ${child.stderr.slice(-2000)}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as Run;
}

/**
 * The X12 engine on a generated file of 835s (BENCH_X12_MB, default 100): tokenizing, and reading into typed models
 * with the guide checked and every remittance balanced, against x12-parser and node-x12's stream parsers on the same file in the same run, each
 * in a process of its own for its peak memory. Best of BENCH_X12_ROUNDS (3) per parser.
 */
export async function benchX12(megabytes: number, rounds: number): Promise<Record<string, string>> {
  mkdirSync('bench/.data/x12', { recursive: true });
  const file = await x12BenchFile(megabytes);
  const size = statSync(file).size / 1e6;
  const best = (mode: string) =>
    Array.from({ length: rounds }, () => run(mode, file)).reduce((a, b) => (b.seconds < a.seconds ? b : a));
  const tokenize = best('portico-tokenize');
  const typed = best('portico-typed');
  const peerA = best('x12-parser');
  const peerB = best('node-x12');
  const line = (r: Run) =>
    `${r.megabytesPerSecond.toFixed(1)} MB/s, peak RSS ${r.peakRssMb.toFixed(0)} MB, ${r.segments.toLocaleString('en-US')} segments`;
  return {
    file: `${size.toFixed(1)} MB, ${typed.transactions.toLocaleString('en-US')} transaction sets (835)`,
    'Portico tokenize': line(tokenize),
    'Portico typed 835 models, guide checked, balanced': `${line(typed)}, ${typed.claims.toLocaleString('en-US')} claims`,
    'x12-parser 1.3 (segments)': line(peerA),
    'node-x12 1.7 (segments)': line(peerB),
    'tokenize vs x12-parser': `${(tokenize.megabytesPerSecond / peerA.megabytesPerSecond).toFixed(2)}x`,
    'tokenize vs node-x12': `${(tokenize.megabytesPerSecond / peerB.megabytesPerSecond).toFixed(2)}x`,
    'typed models vs x12-parser segments': `${(typed.megabytesPerSecond / peerA.megabytesPerSecond).toFixed(2)}x`,
    'typed models vs node-x12 segments': `${(typed.megabytesPerSecond / peerB.megabytesPerSecond).toFixed(2)}x`,
  };
}
