import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { CHANNELS } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import type { Dispatch } from '../api/dispatch';
import { isAppUrl } from './appOrigin';

/** The part of a WebFrameMain the sender check looks at. */
export interface SenderFrame {
  url: string;
  parent: unknown;
}

/**
 * True only for the app's own top-level document: the frame still exists,
 * has no parent (an iframe, even a same-origin one, is refused) and its URL
 * is on app://designdesk.
 */
export function isTrustedSender(frame: SenderFrame | null | undefined): boolean {
  return !!frame && frame.parent === null && typeof frame.url === 'string' && isAppUrl(frame.url);
}

/** The answer a refused sender gets, as data like every other error. */
export const FORBIDDEN_SENDER: Result<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'This call is only accepted from the DesignDesk window.' },
};

/** The answer to one invoke: the sender is checked before dispatch (which validates the input). */
export async function answerInvoke(
  dispatch: Dispatch,
  channel: string,
  event: Pick<IpcMainInvokeEvent, 'senderFrame'>,
  input: unknown,
): Promise<Result<unknown>> {
  let frame: SenderFrame | null;
  try {
    frame = event.senderFrame;
  } catch {
    frame = null; // a frame disposed mid-call
  }
  if (!isTrustedSender(frame)) return FORBIDDEN_SENDER;
  return dispatch(channel, input);
}

/**
 * The one place IPC handlers are registered: one ipcMain.handle per contract
 * channel, nothing else. Returns a function that removes them again.
 */
export function bindIpc(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, dispatch: Dispatch): () => void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, input: unknown) => answerInvoke(dispatch, channel, event, input));
  }
  return () => {
    for (const channel of CHANNELS) ipcMain.removeHandler(channel);
  };
}
