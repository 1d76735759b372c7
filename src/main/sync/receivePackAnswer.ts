import { GitTransportError } from './gitErrors';
import { lineText, PktReader, PktStream } from './pktLine';
import { throwIfErr } from './refAdvertisement';
import { SideBandDemux } from './sideBand';

/** The report-status lines (up to their flush), from band 1 of the side-band or the answer itself. */
export function reportLines(report: Buffer): string[] {
  const reader = new PktReader(report);
  const lines: string[] = [];
  for (;;) {
    const p = reader.next();
    if (!p) throw new GitTransportError('truncated', `the push's status report stops after ${lines.length} lines, before its flush`);
    if (p.kind === 'flush') return lines;
    if (p.kind !== 'data') throw new GitTransportError('malformed', 'a delimiter packet in the push status report');
    const text = lineText(p.data);
    throwIfErr(text);
    lines.push(text);
  }
}

/** The answer of receive-pack with side-band-64k, demultiplexed as it arrives. */
export class ReceivePackAnswer {
  private readonly stream = new PktStream();
  readonly demux: SideBandDemux;
  private ended = false;

  constructor(onMessage?: (line: string) => void) {
    this.demux = new SideBandDemux(onMessage);
  }

  push(chunk: Buffer): void {
    for (const p of this.stream.push(chunk)) {
      if (this.ended) continue;
      if (p.kind === 'flush') this.ended = true;
      else this.demux.packet(p);
    }
  }

  lines(): string[] {
    this.stream.end();
    this.demux.flushPartial();
    if (!this.ended) throw new GitTransportError('truncated', this.demux.withMessages('the answer to the push stops before its closing flush'));
    return reportLines(Buffer.concat(this.demux.data, this.demux.dataBytes));
  }
}
