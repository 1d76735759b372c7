import { GitTransportError } from './gitErrors';
import { lineText, PktReader, PktStream, type Packet } from './pktLine';
import { throwIfErr } from './refAdvertisement';
import { sanitizeRemoteText, SideBandDemux } from './sideBand';

/** Whether a line before the pack is an acknowledgement (ACK/NAK); an ERR line is the server's error. */
function isAck(p: Packet): boolean {
  if (p.kind !== 'data') return false;
  const text = lineText(p.data);
  throwIfErr(text);
  return /^(ACK|NAK)\b/.test(text);
}

/**
 * Reads an upload-pack answer with side-band-64k as it arrives: the ACK/NAK
 * lines, then band 1 (the pack), band 2 (messages), band 3 (a fatal error),
 * up to the closing flush. An answer that stops before it is truncated.
 */
export class UploadPackAnswer {
  private readonly stream = new PktStream();
  private readonly demux: SideBandDemux;
  private inPack = false;
  private ended = false;

  constructor(onMessage?: (line: string) => void) {
    this.demux = new SideBandDemux(onMessage);
  }

  push(chunk: Buffer): void {
    for (const p of this.stream.push(chunk)) {
      if (this.ended) throw new GitTransportError('malformed', 'data after the end of the fetched pack');
      if (!this.inPack && isAck(p)) continue;
      this.inPack = true;
      if (p.kind === 'flush') this.ended = true;
      else this.demux.packet(p);
    }
  }

  /** The pack; throws when the answer stopped early. */
  end(): Buffer {
    this.stream.end();
    this.demux.flushPartial();
    if (!this.ended) throw new GitTransportError('truncated', `the fetched pack stops after ${this.demux.dataBytes} bytes, before its closing flush`);
    return Buffer.concat(this.demux.data, this.demux.dataBytes);
  }
}

/** The pack out of an answer without side-band: after the ACK/NAK lines, the rest of the bytes. */
export function rawPackOf(answer: Buffer): Buffer {
  const reader = new PktReader(answer);
  for (;;) {
    const at = reader.offset;
    // The pack starts with "PACK", which is not a pkt-line length.
    if (answer.toString('latin1', at, at + 4) === 'PACK') return answer.subarray(at);
    const p = reader.next();
    if (!p) throw new GitTransportError('truncated', 'the answer ends before the pack');
    if (!isAck(p)) throw new GitTransportError('malformed', `"${sanitizeRemoteText(lineText(p.kind === 'data' ? p.data : Buffer.alloc(0)).slice(0, 60))}" where an ACK, a NAK or the pack belongs`);
  }
}
