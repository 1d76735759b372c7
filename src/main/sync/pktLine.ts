import { GitTransportError } from './gitErrors';

/**
 * git's pkt-line framing (gitprotocol-common): four hex digits giving the
 * length of the line including themselves, then the data; `0000` is a
 * flush, `0001` a delimiter and `0002` a response end (protocol v2). A
 * data line is at most 65520 bytes. Every reader here checks the length
 * before it slices, advances on every packet and names what broke.
 */
export const MAX_PKT_LENGTH = 65520;

export const FLUSH = Buffer.from('0000', 'latin1');

export function pktLine(data: string | Buffer): Buffer {
  const body = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  if (body.length + 4 > MAX_PKT_LENGTH) throw new RangeError(`a pkt-line holds at most ${MAX_PKT_LENGTH - 4} bytes`);
  return Buffer.concat([Buffer.from((body.length + 4).toString(16).padStart(4, '0'), 'latin1'), body]);
}

/** One packet: its data, or a flush / delimiter / response-end marker. */
export type Packet = { kind: 'data'; data: Buffer } | { kind: 'flush' } | { kind: 'delim' } | { kind: 'response-end' };

function hexDigit(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  return -1;
}

/** The length in the four bytes at `at` (the caller checked they exist); throws on anything but a valid length. */
function lengthAt(data: Buffer, at: number): number {
  let len = 0;
  for (let i = 0; i < 4; i++) {
    const d = hexDigit(data[at + i]!);
    if (d < 0) throw new GitTransportError('malformed', `a pkt-line length "${printable(data.subarray(at, at + 4))}" is not four hex digits`);
    len = len * 16 + d;
  }
  if (len === 3 || len > MAX_PKT_LENGTH) throw new GitTransportError('malformed', `a pkt-line length of ${len}`);
  return len;
}

/** Shows a few raw bytes in a message without letting control characters through. */
function printable(bytes: Buffer): string {
  return bytes.toString('latin1').replace(/[^\x20-\x7e]/g, '?');
}

function packetOf(data: Buffer, at: number, len: number): Packet {
  if (len === 0) return { kind: 'flush' };
  if (len === 1) return { kind: 'delim' };
  if (len === 2) return { kind: 'response-end' };
  return { kind: 'data', data: data.subarray(at + 4, at + len) };
}

/** Reads the packets of a whole answer, one at a time; `offset` is where the next one starts. */
export class PktReader {
  offset = 0;
  constructor(private readonly data: Buffer) {}

  /** The next packet, or null at the end of the data; throws when the data ends inside a packet. */
  next(): Packet | null {
    const { data } = this;
    if (this.offset >= data.length) return null;
    if (this.offset + 4 > data.length) throw new GitTransportError('truncated', `the answer ends inside a pkt-line length (${data.length - this.offset} of 4 bytes)`);
    const len = lengthAt(data, this.offset);
    const size = len < 4 ? 4 : len;
    if (this.offset + size > data.length) throw new GitTransportError('truncated', `a pkt-line of ${len} bytes is cut after ${data.length - this.offset}`);
    const p = packetOf(data, this.offset, len);
    this.offset += size;
    return p;
  }

  /** The bytes not read yet. */
  rest(): Buffer {
    return this.data.subarray(this.offset);
  }
}

/**
 * Splits an answer that arrives in chunks into packets as they complete.
 * It holds at most one unfinished packet (65520 bytes) between chunks.
 */
export class PktStream {
  private pending: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): Packet[] {
    const data = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    const out: Packet[] = [];
    let at = 0;
    while (at + 4 <= data.length) {
      const len = lengthAt(data, at);
      const size = len < 4 ? 4 : len;
      if (at + size > data.length) break;
      out.push(packetOf(data, at, len));
      at += size;
    }
    // A copy: the rest must not keep the whole chunk alive.
    this.pending = Buffer.from(data.subarray(at));
    return out;
  }

  /** Throws when the answer ended inside a packet. */
  end(): void {
    if (this.pending.length) throw new GitTransportError('truncated', `the answer ends inside a pkt-line (${this.pending.length} bytes left over)`);
  }
}

/** Every packet of a whole answer: a Buffer per data line, null for a flush (or delimiter). */
export function parsePktLines(data: Buffer): (Buffer | null)[] {
  const out: (Buffer | null)[] = [];
  const reader = new PktReader(data);
  for (let p = reader.next(); p; p = reader.next()) out.push(p.kind === 'data' ? p.data : null);
  return out;
}

/** A line's text without its trailing LF (clients must ignore one). */
export function lineText(data: Buffer): string {
  return data.toString('utf8').replace(/\n$/, '');
}
