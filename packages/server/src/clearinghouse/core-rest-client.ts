import { PorticoError } from '@portico/core';
import type { Clearinghouse, ClearinghouseAnswer, ClearinghouseRequest } from '../services/clearinghouse.ts';

export interface CoreRestOptions {
  /** Where payloads are POSTed (CORE's real-time endpoint). */
  url: string;
  /** The OAuth 2.0 token endpoint (client credentials grant). */
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
}

const unavailable = (message: string, cause?: unknown) =>
  new PorticoError('PAYER_UNAVAILABLE', message, cause === undefined ? {} : { cause });

const stringField = (body: unknown, name: string): string => {
  const value: unknown = typeof body === 'object' && body !== null ? Reflect.get(body, name) : undefined;
  return typeof value === 'string' ? value : '';
};

/**
 * CORE REST connectivity: an access token from the token endpoint (cached until shortly before it expires; a
 * refusal drops it so the next call asks again), then one JSON envelope per request. An abort through the
 * request's signal becomes TIMEOUT; any other failure PAYER_UNAVAILABLE, never the clearinghouse's own text.
 */
export function coreRestClearinghouse(options: CoreRestOptions): Clearinghouse {
  let token: { value: string; expiresAt: number } | null = null;

  async function accessToken(signal: AbortSignal): Promise<string> {
    if (token && token.expiresAt > Date.now()) return token.value;
    const response = await fetch(options.tokenUrl, {
      method: 'POST',
      signal,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${encodeURIComponent(options.clientId)}:${encodeURIComponent(options.clientSecret)}`).toString('base64')}`,
      },
      body: new URLSearchParams({ grant_type: 'client_credentials' }).toString(),
    });
    if (!response.ok)
      throw unavailable(`The clearinghouse refused Portico's credentials (HTTP ${response.status}).`);
    const body: unknown = await response.json();
    const value = stringField(body, 'access_token');
    const lifetime = Number(typeof body === 'object' && body !== null ? Reflect.get(body, 'expires_in') : 0);
    if (value === '') throw unavailable('The clearinghouse sent no access token.');
    token = {
      value,
      expiresAt: Date.now() + Math.max(0, (Number.isFinite(lifetime) ? lifetime : 0) - 30) * 1000,
    };
    return value;
  }

  async function send(request: ClearinghouseRequest, bearer: string) {
    return fetch(options.url, {
      method: 'POST',
      signal: request.signal,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
      body: JSON.stringify({
        PayloadType: request.payloadType,
        ProcessingMode: request.processingMode ?? 'RealTime',
        PayloadID: request.payloadId,
        TimeStamp: new Date().toISOString(),
        SenderID: request.senderId,
        ReceiverID: request.receiverId,
        CORERuleVersion: '4.0.0',
        Payload: request.payload,
      }),
    });
  }

  return {
    async exchange(request): Promise<ClearinghouseAnswer> {
      try {
        let response = await send(request, await accessToken(request.signal));
        if (response.status === 401) {
          token = null;
          response = await send(request, await accessToken(request.signal));
        }
        if (!response.ok) throw unavailable(`The clearinghouse answered HTTP ${response.status}.`);
        const body: unknown = await response.json();
        const answer: ClearinghouseAnswer = {
          payloadType: stringField(body, 'PayloadType'),
          payloadId: stringField(body, 'PayloadID'),
          errorCode: stringField(body, 'ErrorCode'),
          errorMessage: stringField(body, 'ErrorMessage'),
          payload: stringField(body, 'Payload'),
        };
        if (answer.errorCode !== 'Success')
          throw unavailable(
            `The clearinghouse refused the request (${answer.errorCode || 'no error code'}).`,
          );
        return answer;
      } catch (error) {
        if (request.signal.aborted)
          throw new PorticoError('TIMEOUT', 'The payer did not answer in time. Try again in a few minutes.', {
            cause: error,
          });
        if (error instanceof PorticoError) throw error;
        throw unavailable('The clearinghouse could not be reached.', error);
      }
    },
    async close() {
      token = null;
    },
  };
}
