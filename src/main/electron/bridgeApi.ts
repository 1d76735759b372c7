import type { Channel, Input, Output } from '../../shared/contract';
import type { Result } from '../../shared/errors';

/** What the preload exposes as window.designdesk: one method per contract channel. */
export type DesignDeskBridge = {
  readonly [C in Channel]: (input: Input<C>) => Promise<Result<Output<C>>>;
};

/** The global name the renderer's API client reads. */
export const BRIDGE_GLOBAL = 'designdesk';

export type Invoke = (channel: Channel, input: unknown) => Promise<unknown>;

/**
 * Builds the bridge object: for each channel a method bound to that channel
 * only (the renderer can never choose the channel string), and nothing
 * else: no generic invoke, no ipcRenderer, no event objects. Frozen here;
 * contextBridge hands the page its own immutable copy.
 */
export function buildBridgeApi(channels: readonly Channel[], invoke: Invoke): DesignDeskBridge {
  const api: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const channel of channels) {
    api[channel] = (input: unknown) => invoke(channel, input);
  }
  return Object.freeze(api) as unknown as DesignDeskBridge;
}
