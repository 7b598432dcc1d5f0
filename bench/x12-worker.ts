// One X12 parse of one file in a process of its own, so its peak memory is its own: prints one JSON line.
// Modes: portico-tokenize, portico-typed, x12-parser, node-x12.
import { createReadStream, statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { remittanceImbalances } from '@portico/core';
import { CodeLists, readRemittanceAdvice, SegmentTokenizer, streamTransactions } from '@portico/core/x12';
import { X12Parser } from 'node-x12';
import { X12parser } from 'x12-parser';

const [mode = '', file = ''] = process.argv.slice(2);
let peak = 0;
const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
const counted = { segments: 0, transactions: 0, claims: 0 };
const started = performance.now();

const sink = (onItem: (item: unknown) => void) =>
  new Writable({
    objectMode: true,
    write(item: unknown, _encoding, done) {
      onItem(item);
      done();
    },
  });

if (mode === 'portico-tokenize') {
  const tokenizer = new SegmentTokenizer();
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 16 }))
    counted.segments += tokenizer.push(String(chunk)).length;
  tokenizer.end();
} else if (mode === 'portico-typed') {
  const lists = new CodeLists();
  const isCode = (list: string, code: string) => lists.has(list, code);
  const diagnostics: unknown[] = [];
  for await (const { transaction, delimiters } of streamTransactions(
    createReadStream(file, { highWaterMark: 1 << 16 }),
    [],
  )) {
    const read = readRemittanceAdvice(transaction, delimiters, isCode);
    counted.transactions += 1;
    counted.segments += transaction.segments.length;
    if (read.diagnostics.length > 0) diagnostics.push(...read.diagnostics);
    // Typed and balanced: every claim, line and payment total checked in cents.
    if (!read.advice || remittanceImbalances(read.advice).length > 0)
      throw new Error('an 835 does not balance');
    counted.claims += read.advice.groups.reduce((sum, group) => sum + group.claims.length, 0);
  }
  if (diagnostics.length > 0) throw new Error(`${diagnostics.length} diagnostics`);
} else if (mode === 'x12-parser') {
  await pipeline(
    createReadStream(file, { highWaterMark: 1 << 16 }),
    new X12parser(),
    sink(() => (counted.segments += 1)),
  );
} else if (mode === 'node-x12') {
  await pipeline(
    createReadStream(file, { highWaterMark: 1 << 16 }),
    new X12Parser(),
    sink(() => (counted.segments += 1)),
  );
} else throw new Error(`unknown mode ${mode}`);

clearInterval(sample);
peak = Math.max(peak, process.memoryUsage.rss());
const seconds = (performance.now() - started) / 1000;
process.stdout.write(
  `${JSON.stringify({ mode, seconds, megabytesPerSecond: statSync(file).size / 1e6 / seconds, peakRssMb: peak / 1e6, ...counted })}\n`,
);
