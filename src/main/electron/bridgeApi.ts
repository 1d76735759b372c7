import type { Channel, Input, Output } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import { MenuCommandSchema, type MenuCommand } from '../../shared/menuCommands';

/**
 * The one member of the bridge that is not a contract channel: a one-way
 * main -> renderer subscription to menu commands and deep links. Listed here
 * so the "one method per channel" check exempts exactly this name.
 */
export const BRIDGE_EVENTS = ['onMenuCommand'] as const;

/** Subscribes to menu commands; returns the function that unsubscribes. */
export type OnMenuCommand = (listener: (command: MenuCommand) => void) => () => void;

/** What the preload exposes as window.designdesk: one method per contract channel, plus onMenuCommand. */
export type DesignDeskBridge = {
  readonly [C in Channel]: (input: Input<C>) => Promise<Result<Output<C>>>;
} & { readonly onMenuCommand?: OnMenuCommand };

/** The global name the renderer's API client reads. */
export const BRIDGE_GLOBAL = 'designdesk';

export type Invoke = (channel: Channel, input: unknown) => Promise<unknown>;

/** Registers a raw listener for the menu event and returns its removal (ipcRenderer.on/removeListener in the preload). */
export type Subscribe = (listener: (payload: unknown) => void) => () => void;

/**
 * Builds the bridge object: for each channel a method bound to that channel
 * only (the renderer can never choose the channel string), and nothing
 * else: no generic invoke, no ipcRenderer, no event objects. Frozen here;
 * contextBridge hands the page its own immutable copy.
 */
export function buildBridgeApi(channels: readonly Channel[], invoke: Invoke, subscribe?: Subscribe): DesignDeskBridge {
  const api: Record<string, (input: unknown) => unknown> = {};
  for (const channel of channels) {
    api[channel] = (input: unknown) => invoke(channel, input);
  }
  if (subscribe) api.onMenuCommand = (listener: unknown) => onMenuCommand(subscribe, listener);
  return Object.freeze(api) as unknown as DesignDeskBridge;
}

/**
 * The page's listener gets only a validated command object: never the IPC
 * event (whose `sender` would reach ipcRenderer), never an unknown payload.
 */
function onMenuCommand(subscribe: Subscribe, listener: unknown): () => void {
  if (typeof listener !== 'function') throw new TypeError('onMenuCommand needs a function');
  const unsubscribe = subscribe((payload) => {
    const command = MenuCommandSchema.safeParse(payload);
    if (command.success) (listener as (c: MenuCommand) => void)(command.data);
  });
  return () => unsubscribe();
}

/**
 * Wraps a raw event source so nothing sent before the page subscribes is
 * lost: a designdesk:// link that launched the app arrives before React has
 * mounted. Events are held (at most `limit`) until the first listener comes.
 */
export function bufferedSubscription(listenRaw: (handler: (payload: unknown) => void) => void, limit = 20): Subscribe {
  const listeners = new Set<(payload: unknown) => void>();
  let pending: unknown[] = [];
  listenRaw((payload) => {
    if (listeners.size === 0) {
      if (pending.length < limit) pending.push(payload);
      return;
    }
    for (const l of listeners) l(payload);
  });
  return (listener) => {
    listeners.add(listener);
    const held = pending;
    pending = [];
    for (const p of held) listener(p);
    return () => void listeners.delete(listener);
  };
}
