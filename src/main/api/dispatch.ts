import type { z } from 'zod';
import { contract, isChannel, type Channel, type Output, type ParsedInput } from '../../shared/contract';
import { AppError, describeZodError, isAppError, type Result } from '../../shared/errors';

export type Handlers = {
  [C in Channel]: (input: ParsedInput<C>) => Output<C> | Promise<Output<C>>;
};

/** The handlers of one area's contract table (e.g. docsContract). */
export type AreaHandlers<T extends Record<string, { input: z.ZodType; output: z.ZodType }>> = {
  [C in keyof T]: (input: z.output<T[C]['input']>) => z.output<T[C]['output']> | Promise<z.output<T[C]['output']>>;
};

export type Dispatch = (channel: string, input: unknown) => Promise<Result<unknown>>;

export interface DispatchOptions {
  /** Also validate outputs against the contract (tests turn this on). */
  checkOutput?: boolean;
  /** Called with unexpected errors, for the log; never with the input. */
  onInternalError?: (channel: string, error: unknown) => void;
}

/**
 * The one place a call from the renderer (IPC or web host) enters the main
 * side: unknown channel -> NOT_FOUND; bad input -> VALIDATION before any
 * service runs; AppError -> its code; anything else -> INTERNAL.
 */
export function createDispatch(handlers: Handlers, options: DispatchOptions = {}): Dispatch {
  return async (channel, input) => {
    if (!isChannel(channel)) {
      return { ok: false, error: { code: 'NOT_FOUND', message: `Unknown call "${channel.slice(0, 60)}".` } };
    }
    const entry = contract[channel];
    const parsed = entry.input.safeParse(input);
    if (!parsed.success) {
      return {
        ok: false,
        error: { code: 'VALIDATION', message: describeZodError(parsed.error), data: { issues: parsed.error.issues.slice(0, 20) } },
      };
    }
    try {
      const handler = handlers[channel] as (i: unknown) => unknown;
      const value = await handler(parsed.data);
      if (options.checkOutput) {
        const out = entry.output.safeParse(value);
        if (!out.success) throw new Error(`output of ${channel} breaks the contract: ${describeZodError(out.error)}`);
      }
      return { ok: true, value };
    } catch (e) {
      if (isAppError(e)) return { ok: false, error: e.toJSON() };
      options.onInternalError?.(channel, e);
      return { ok: false, error: new AppError('INTERNAL', 'Something went wrong inside DesignDesk. The details are in the log.').toJSON() };
    }
  };
}
