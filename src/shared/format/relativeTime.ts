/**
 * The one way the app says when something happened: "just now", "5 minutes
 * ago", "1 hour ago", "yesterday", "3 days ago" (Intl.RelativeTimeFormat, in
 * the user's language), a duration ("3 days"), and the exact time for a
 * tooltip. Whole units are counted down, never rounded up: 90 minutes is
 * "1 hour ago" everywhere.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface TimeOptions {
  /** A BCP 47 language; the user's own when left out. */
  locale?: string | undefined;
  /** From this many days on, the date instead of "N days ago" (the library's list). */
  dateAfterDays?: number | undefined;
}

const formats = new Map<string, { relative: Intl.RelativeTimeFormat; date: Intl.DateTimeFormat; exact: Intl.DateTimeFormat }>();

function formatsFor(locale: string | undefined) {
  const key = locale ?? '';
  let f = formats.get(key);
  if (!f) {
    f = {
      relative: new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }),
      date: new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }),
      exact: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
    };
    formats.set(key, f);
  }
  return f;
}

/** How long ago an ISO time was; a time in the future (a clock ahead) reads "just now". Text that is not a time comes back as it is. */
export function timeAgo(iso: string, now: number = Date.now(), options: TimeOptions = {}): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const f = formatsFor(options.locale);
  const ms = Math.max(0, now - t);
  if (ms < MINUTE) return 'just now';
  if (ms < HOUR) return f.relative.format(-Math.floor(ms / MINUTE), 'minute');
  if (ms < DAY) return f.relative.format(-Math.floor(ms / HOUR), 'hour');
  const days = Math.floor(ms / DAY);
  if (options.dateAfterDays !== undefined && days >= options.dateAfterDays) return f.date.format(t);
  return f.relative.format(-days, 'day');
}

/** How long since an ISO time, as a duration: "12 minutes", "5 hours", "3 days" (at least one minute). */
export function durationSince(iso: string, now: number = Date.now(), options: Pick<TimeOptions, 'locale'> = {}): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const ms = Math.max(0, now - t);
  const [value, unit] = ms < HOUR ? [Math.max(1, Math.floor(ms / MINUTE)), 'minute'] : ms < DAY ? [Math.floor(ms / HOUR), 'hour'] : [Math.floor(ms / DAY), 'day'];
  return new Intl.NumberFormat(options.locale, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}

/** The exact local date and time, for a tooltip. */
export function exactTime(iso: string, options: Pick<TimeOptions, 'locale'> = {}): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : formatsFor(options.locale).exact.format(t);
}
