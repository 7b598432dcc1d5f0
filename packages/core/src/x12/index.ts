/**
 * @portico/core/x12: Portico's X12 5010 engine. A streaming tokenizer, envelope checks and generation, guide-driven
 * validation with positioned diagnostics, typed 270/271 models, and code lists as replaceable data.
 */
export * from './diagnostics.ts';
export * from './values.ts';
export * from './delimiters.ts';
export * from './tokenizer.ts';
export * from './interchange.ts';
export * from './writer.ts';
export * from './envelope.ts';
export * from './guide.ts';
export * from './guide-reader.ts';
export * from './code-lists.ts';
export * from './code-lists/service-types.ts';
export * from './code-lists/eligibility-codes.ts';
export * from './code-lists/claim-status-codes.ts';
export * from './eligibility-parts.ts';
export * from './eligibility-inquiry.ts';
export * from './eligibility-response-guide.ts';
export * from './eligibility-response.ts';
export * from './claim-status-parts.ts';
export * from './claim-status-request.ts';
export * from './claim-status-response.ts';
export * from './code-lists/remittance-codes.ts';
export * from './remittance-guide.ts';
export * from './remittance-advice.ts';
export * from './acknowledgement.ts';
