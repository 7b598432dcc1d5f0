/**
 * The clearinghouse port: real-time X12 to a payer and back, in CAQH CORE's connectivity envelope. The built-in
 * client speaks CORE's REST connectivity with OAuth 2.0 client credentials (`clearinghouse/core-rest-client.ts`);
 * the embedded default points it at the sandbox payer on loopback. A deployment may pass its own adapter to
 * `startApp` (README, "Clearinghouse").
 */
export interface Clearinghouse {
  /**
   * Sends one payload and waits for the answer. Rejects with PorticoError TIMEOUT when `signal` aborts first, and
   * PAYER_UNAVAILABLE when the clearinghouse cannot be reached or answers outside the envelope.
   */
  exchange(request: ClearinghouseRequest): Promise<ClearinghouseAnswer>;
  close(): Promise<void>;
}

/** CORE's envelope fields (PayloadType, ProcessingMode, PayloadID, TimeStamp, SenderID, ReceiverID) and the payload. */
export interface ClearinghouseRequest {
  /** e.g. `X12_270_Request_005010X279A1`. */
  payloadType: string;
  /** A UUID, unique per request: CORE's PayloadID. */
  payloadId: string;
  senderId: string;
  receiverId: string;
  payload: string;
  /** CORE's ProcessingMode: `RealTime` (the default) waits for the answer; `Batch` retrieves what is ready. */
  processingMode?: 'RealTime' | 'Batch';
  signal: AbortSignal;
}

export interface ClearinghouseAnswer {
  /** e.g. `X12_271_Response_005010X279A1` or `X12_999_Response_005010X231A1`. */
  payloadType: string;
  payloadId: string;
  /** CORE's ErrorCode: `Success`, or why the envelope was refused. */
  errorCode: string;
  errorMessage: string;
  payload: string;
}

/** CORE's payload types Portico sends and reads. */
export const PAYLOAD_TYPES = {
  eligibilityRequest: 'X12_270_Request_005010X279A1',
  eligibilityResponse: 'X12_271_Response_005010X279A1',
  claimStatusRequest: 'X12_276_Request_005010X212',
  claimStatusResponse: 'X12_277_Response_005010X212',
  acknowledgement: 'X12_999_Response_005010X231A1',
  /** A TA1: the receiver could not take the interchange's envelope. */
  interchangeAcknowledgement: 'X12_TA1_Response_00501X231A1',
  /** Batch retrieval of the 835s ready for a payee (CORE's SenderID names the payee's NPI). */
  remittanceRequest: 'X12_835_Request_005010X221A1',
  remittanceResponse: 'X12_835_Response_005010X221A1',
} as const;
