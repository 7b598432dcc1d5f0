import { PorticoError } from '../errors/portico-error.ts';
import { PORTICO_DELIMITERS, writeSegment, type OutboundSegment } from './writer.ts';

/** Who sends and who receives an interchange, as the trading partner agreement names them. */
export interface TradingPartners {
  /** ISA05/ISA07 qualifier (`ZZ` mutually defined, `30` federal tax id ...). */
  senderQualifier: string;
  senderId: string;
  receiverQualifier: string;
  receiverId: string;
  /** GS02 and GS03: the application codes inside the group. */
  applicationSender: string;
  applicationReceiver: string;
}

export interface EnvelopeOptions extends TradingPartners {
  /** ISA13 and GS06: 1 to 999,999,999, unique per sender (Portico draws it from a database sequence). */
  controlNumber: number;
  /** The interchange's date and time, written in UTC. */
  at: Date;
  /** ISA15: `P` production or `T` test. */
  usage: 'P' | 'T';
  /** GS01: `HS` 270, `HB` 271, `HR` 276, `HN` 277, `HP` 835, `FA` 999. */
  functionalId: string;
  /** GS08 and ST03, e.g. `005010X279A1`. */
  guide: string;
  /** ISA14: ask for a TA1. */
  acknowledgementRequested?: boolean;
}

/** A transaction set to envelope: its id (ST01) and its segments between ST and SE. */
export interface OutboundTransaction {
  id: string;
  body: readonly OutboundSegment[];
}

const pad = (value: string, width: number, field: string) => {
  if (/[*:^~\r\n]/.test(value))
    throw new PorticoError('BAD_REQUEST', `${field} contains a character X12 uses as a separator.`);
  if (value.length > width)
    throw new PorticoError('BAD_REQUEST', `${field} is longer than ${width} characters.`);
  return value.padEnd(width, ' ');
};
const two = (value: number) => String(value).padStart(2, '0');

/** The ISA's date (YYMMDD) and time (HHMM), the GS's date (CCYYMMDD), all in UTC. */
export function envelopeStamps(at: Date): { isaDate: string; gsDate: string; time: string } {
  const gsDate = `${at.getUTCFullYear()}${two(at.getUTCMonth() + 1)}${two(at.getUTCDate())}`;
  return { isaDate: gsDate.slice(2), gsDate, time: `${two(at.getUTCHours())}${two(at.getUTCMinutes())}` };
}

/** The control number check every interchange Portico writes makes first. */
function checkedControlNumber(controlNumber: number): string {
  if (!Number.isInteger(controlNumber) || controlNumber < 1 || controlNumber > 999_999_999)
    throw new PorticoError(
      'BAD_REQUEST',
      'An interchange control number is a whole number from 1 to 999999999.',
    );
  return String(controlNumber).padStart(9, '0');
}

/** The ISA of an interchange Portico writes: fixed widths, its delimiters, the time in UTC. */
function isaSegment(
  options: Omit<TradingPartners, 'applicationSender' | 'applicationReceiver'> &
    Pick<EnvelopeOptions, 'controlNumber' | 'at' | 'usage' | 'acknowledgementRequested'>,
): string {
  const stamps = envelopeStamps(options.at);
  const d = PORTICO_DELIMITERS;
  return [
    'ISA',
    '00',
    ' '.repeat(10),
    '00',
    ' '.repeat(10),
    pad(options.senderQualifier, 2, 'ISA05'),
    pad(options.senderId, 15, 'ISA06'),
    pad(options.receiverQualifier, 2, 'ISA07'),
    pad(options.receiverId, 15, 'ISA08'),
    stamps.isaDate,
    stamps.time,
    d.repetition ?? 'U',
    '00501',
    checkedControlNumber(options.controlNumber),
    options.acknowledgementRequested ? '1' : '0',
    options.usage,
    d.component,
  ].join(d.element);
}

/**
 * An interchange that holds only TA1 interchange acknowledgements (no functional group): ISA, each TA1, and an
 * IEA counting no groups.
 */
export function buildTa1Interchange(
  options: Omit<TradingPartners, 'applicationSender' | 'applicationReceiver'> &
    Pick<EnvelopeOptions, 'controlNumber' | 'at' | 'usage'>,
  acknowledgements: readonly OutboundSegment[],
): string {
  const d = PORTICO_DELIMITERS;
  const segments = [
    isaSegment(options),
    ...acknowledgements.map((segment) => writeSegment(segment)),
    writeSegment({ id: 'IEA', elements: ['0', checkedControlNumber(options.controlNumber)] }),
  ];
  return segments.map((segment) => segment + d.segment).join('\n') + '\n';
}

/**
 * Wraps transaction sets in one functional group and one interchange, with Portico's delimiters: ISA padded to
 * its fixed widths, control numbers written (ISA13 nine digits, ST02 numbered from 0001 in the group), and every
 * count (SE01, GE01, IEA01) computed. Refuses a control number outside 1..999,999,999.
 */
export function buildInterchange(
  options: EnvelopeOptions,
  transactions: readonly OutboundTransaction[],
): string {
  const { controlNumber } = options;
  const stamps = envelopeStamps(options.at);
  const d = PORTICO_DELIMITERS;
  const segments: string[] = [isaSegment(options)];
  segments.push(
    writeSegment({
      id: 'GS',
      elements: [
        options.functionalId,
        options.applicationSender,
        options.applicationReceiver,
        stamps.gsDate,
        stamps.time,
        String(controlNumber),
        'X',
        options.guide,
      ],
    }),
  );
  transactions.forEach((transaction, index) => {
    const number = String(index + 1).padStart(4, '0');
    segments.push(writeSegment({ id: 'ST', elements: [transaction.id, number, options.guide] }));
    for (const segment of transaction.body) segments.push(writeSegment(segment));
    segments.push(writeSegment({ id: 'SE', elements: [String(transaction.body.length + 2), number] }));
  });
  segments.push(writeSegment({ id: 'GE', elements: [String(transactions.length), String(controlNumber)] }));
  segments.push(writeSegment({ id: 'IEA', elements: ['1', String(controlNumber).padStart(9, '0')] }));
  return segments.map((segment) => segment + d.segment).join('\n') + '\n';
}
