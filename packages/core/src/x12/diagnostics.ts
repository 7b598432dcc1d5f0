/**
 * What the X12 engine reports about an interchange: where (segment position, loop, element) and what, in
 * words, with the code an acknowledgement carries. Parsing never throws on bad input; it returns these.
 */
export interface X12Diagnostic {
  severity: 'error' | 'warning';
  /** The engine's own code, e.g. `segment.required` or `envelope.control-number`. */
  code: X12DiagnosticCode;
  message: string;
  /** The character offset in the interchange where the segment starts. */
  offset: number;
  /** The segment's ordinal in the interchange (ISA is 1). */
  segmentPosition: number;
  /** The segment's ordinal in its transaction set (ST is 1), as a 999 reports it; null outside one. */
  transactionPosition: number | null;
  segmentId: string | null;
  /** The implementation guide's loop (e.g. `2110C`), where the engine knows it. */
  loop: string | null;
  /** 1-based element position in the segment, where the problem is an element. */
  element: number | null;
  /** 1-based component position in a composite element. */
  component: number | null;
  /** The 999's IK304 (segment) or IK403 (element) syntax error code; TA1's TA105 for envelope errors. */
  ackCode: string | null;
}

export type X12DiagnosticCode =
  | 'syntax.isa'
  | 'syntax.segment-id'
  | 'syntax.unterminated'
  | 'syntax.trailing-data'
  | 'envelope.order'
  | 'envelope.control-number'
  | 'envelope.count'
  | 'envelope.missing-trailer'
  | 'segment.unexpected'
  | 'segment.required'
  | 'segment.repeats'
  | 'loop.repeats'
  | 'loop.required'
  | 'element.required'
  | 'element.too-long'
  | 'element.too-short'
  | 'element.code'
  | 'element.too-many'
  | 'element.format'
  | 'transaction.unsupported';

/** A diagnostic with the fields a caller leaves out set to null. */
export function diagnostic(
  fields: Pick<X12Diagnostic, 'code' | 'message' | 'offset' | 'segmentPosition'> & Partial<X12Diagnostic>,
): X12Diagnostic {
  return {
    severity: 'error',
    transactionPosition: null,
    segmentId: null,
    loop: null,
    element: null,
    component: null,
    ackCode: null,
    ...fields,
  };
}

/** Thrown inside the engine at a point it cannot read past; the public readers turn it into a diagnostic. */
export class X12SyntaxError extends Error {
  override readonly name = 'X12SyntaxError';
  constructor(readonly diagnostic: X12Diagnostic) {
    super(diagnostic.message);
  }
}

/** True when any diagnostic is an error (warnings do not stop a transaction from being used). */
export function hasErrors(diagnostics: readonly X12Diagnostic[]): boolean {
  return diagnostics.some((entry) => entry.severity === 'error');
}
