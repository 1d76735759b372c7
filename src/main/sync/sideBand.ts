import { GitTransportError } from './gitErrors';
import type { Packet } from './pktLine';

/**
 * Text a server sent (side-band messages, ERR lines) made safe to show in a
 * terminal or the app: escape sequences removed, other control characters
 * (C0 but tab and line feed, DEL, C1) and bidirectional overrides shown as
 * "?", so a server cannot rewrite the screen or reorder what a user reads.
 */
export function sanitizeRemoteText(text: string): string {
  return text
    .replace(/\x1b\[[0-?]*[ -/]*[@-~]/g, '')
    .replace(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g, '?');
}

/** Lines kept for an error message (the newest), and how long each may be. */
const KEPT_LINES = 40;
const LINE_CHARS = 400;
/** A band-2 line longer than this is shown in pieces (a server cannot grow one line forever). */
const PARTIAL_LIMIT = 4096;

/**
 * Demultiplexes git's side-band-64k: band 1 carries the data (the pack, or
 * a nested report-status), band 2 the server's messages (`remote:` lines:
 * progress and hook output), band 3 a fatal error just before it hangs up.
 * Messages are sanitised and passed on line by line as they arrive; the
 * newest complete lines are kept for an error message.
 */
export class SideBandDemux {
  readonly data: Buffer[] = [];
  dataBytes = 0;
  /** Complete band-2 lines (the newest KEPT_LINES), sanitised. */
  readonly messages: string[] = [];
  private partial = '';

  constructor(private readonly onMessage?: (line: string) => void) {}

  /** Takes one packet of a side-band stream; throws GitTransportError for band 3 or an unknown band. */
  packet(p: Packet): void {
    if (p.kind !== 'data' || p.data.length === 0) return; // flushes end the stream; an empty line is a keep-alive
    // An ERR packet may stand in for any line (band "E" does not exist, so it cannot be data).
    if (p.data.toString('latin1', 0, 4) === 'ERR ') throw new GitTransportError('server-error', this.withMessages(sanitizeRemoteText(p.data.toString('utf8', 4)).trim()), { errLine: true });
    const band = p.data[0]!;
    const payload = p.data.subarray(1);
    if (band === 1) {
      this.data.push(payload);
      this.dataBytes += payload.length;
    } else if (band === 2) this.text(payload.toString('utf8'));
    else if (band === 3) {
      this.flushPartial();
      const fatal = sanitizeRemoteText(payload.toString('utf8')).trim() || 'a fatal error without a message';
      throw new GitTransportError('server-error', this.withMessages(fatal), { messages: [...this.messages] });
    } else throw new GitTransportError('malformed', `side-band channel ${band} (only 1, 2 and 3 exist)`);
  }

  private text(chunk: string): void {
    let rest = this.partial + chunk;
    for (let cut = rest.search(/[\r\n]/); cut >= 0; cut = rest.search(/[\r\n]/)) {
      this.line(rest.slice(0, cut), rest[cut] === '\n');
      rest = rest.slice(cut + 1);
    }
    this.partial = rest;
    if (this.partial.length > PARTIAL_LIMIT) this.flushPartial();
  }

  /** A line ended by LF is kept for the error; one ended by CR is progress, shown but not kept. */
  private line(raw: string, keep: boolean): void {
    const line = sanitizeRemoteText(raw).slice(0, LINE_CHARS);
    if (!line.trim()) return;
    this.onMessage?.(line);
    if (!keep) return;
    this.messages.push(line);
    if (this.messages.length > KEPT_LINES) this.messages.shift();
  }

  /** Ends the stream: a last line without its line feed still counts. */
  flushPartial(): void {
    if (this.partial) this.line(this.partial, true);
    this.partial = '';
  }

  /** A text followed by the server's messages, as `remote:` lines the way git shows them. */
  withMessages(text: string): string {
    return this.messages.length ? `${text}\n${this.messages.map((m) => `remote: ${m}`).join('\n')}` : text;
  }
}
