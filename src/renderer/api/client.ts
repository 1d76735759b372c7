import type { Channel, Input, Output } from '../../shared/contract';
import type { ApiError, ErrorCode } from '../../shared/errors';
import { detectTransport, type Transport } from './bridge';

/** An API failure as data; switch on `code`, never on the message. */
export class ApiCallError extends Error {
  readonly code: ErrorCode;
  readonly data: unknown;
  constructor(error: ApiError) {
    super(error.message);
    this.code = error.code;
    this.data = error.data;
  }
}

let transport: Transport | undefined;

function current(): Transport {
  transport ??= detectTransport().transport;
  return transport;
}

/** The one way the renderer talks to the main side. Resolves with the output or throws ApiCallError. */
export async function call<C extends Channel>(channel: C, input: Input<C>, opts?: { keepalive?: boolean }): Promise<Output<C>> {
  const result = await current()(channel, input, opts);
  if (!result.ok) throw new ApiCallError(result.error);
  return result.value as Output<C>;
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
