import type { App } from '../../src/main/app';
import type { Channel, Input, Output } from '../../src/shared/contract';
import type { ApiError } from '../../src/shared/errors';

/** Calls the API through the app's dispatch, as a window does; a refusal throws "CODE: message". */
export async function callApp<C extends Channel>(app: App, channel: C, input: Input<C>): Promise<Output<C>> {
  const r = await app.dispatch(channel, input);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as Output<C>;
}

/** The error a call that must be refused gets; throws if it went through. */
export async function refusalOf(app: App, channel: Channel, input: unknown): Promise<ApiError> {
  const r = await app.dispatch(channel, input);
  if (r.ok) throw new Error(`${channel} was expected to be refused`);
  return r.error;
}
