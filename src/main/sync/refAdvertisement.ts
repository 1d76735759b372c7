import { Errors } from 'isomorphic-git';
import { GitTransportError } from './gitErrors';
import { lineText, PktReader, type Packet } from './pktLine';
import { sanitizeRemoteText } from './sideBand';

export type GitService = 'git-upload-pack' | 'git-receive-pack';

export interface RefAdvertisement {
  /** Ref name -> object id. */
  refs: Map<string, string>;
  capabilities: Set<string>;
}

const OID = /^[0-9a-f]{40}$/;
const ZERO = '0000000000000000000000000000000000000000';

/** Turns an `ERR <text>` line into the server's error; any other line passes. */
export function throwIfErr(text: string): void {
  if (text.startsWith('ERR ') || text === 'ERR') throw new GitTransportError('server-error', sanitizeRemoteText(text.slice(4)).trim() || 'an error without a message', { errLine: true });
}

function isV2(text: string): boolean {
  return text === 'version 2';
}

/**
 * Reads the answer to `GET info/refs?service=...` (smart HTTP, protocol v0/v1)
 * and asserts the shape of every line, as isomorphic-git's
 * parseRefsAdResponse does: `# service=...`, a flush, then
 * `<id> SP <name>` lines (capabilities after a NUL on the first) up to a
 * closing flush. An `ERR` line anywhere is the server's own error (never an
 * empty repository); a `version 2` answer says the server speaks only
 * protocol v2; an answer that stops before its flush is truncated.
 * Anything that is not pkt-lines at all is isomorphic-git's SmartHttpError
 * ("does not answer like a git server").
 */
export function parseRefAdvertisement(body: Buffer, service: GitService): RefAdvertisement {
  const reader = new PktReader(body);
  let first: Packet | null;
  try {
    first = reader.next();
    while (first && first.kind !== 'data') first = reader.next();
  } catch (e) {
    if (e instanceof GitTransportError && e.reason === 'malformed') throw new Errors.SmartHttpError(`# service=${service}`, body.subarray(0, 200).toString('latin1'));
    throw e;
  }
  if (!first) throw new GitTransportError('truncated', 'the list of branches is empty (not even its header arrived)');
  const head = lineText(first.data);
  throwIfErr(head);
  if (isV2(head)) throw new GitTransportError('protocol-v2', 'the server answered with "version 2"');
  if (head !== `# service=${service}`) throw new Errors.SmartHttpError(`# service=${service}`, sanitizeRemoteText(head.slice(0, 200)));
  const flush = reader.next();
  if (!flush) throw new GitTransportError('truncated', 'the list of branches stops after its header');
  if (flush.kind !== 'flush') throw new GitTransportError('malformed', 'no flush after the "# service" line');

  const refs = new Map<string, string>();
  const capabilities = new Set<string>();
  for (let index = 0; ; index++) {
    const p = reader.next();
    if (!p) throw new GitTransportError('truncated', `the list of branches stops after ${refs.size} of them, before its closing flush`);
    if (p.kind === 'flush') break;
    if (p.kind !== 'data') throw new GitTransportError('malformed', 'a delimiter packet in a protocol v1 list of branches');
    let text = lineText(p.data);
    throwIfErr(text);
    if (index === 0 && isV2(text)) throw new GitTransportError('protocol-v2', 'the server answered with "version 2"');
    const nul = text.indexOf('\0');
    if (nul >= 0) {
      if (index !== 0) throw new GitTransportError('malformed', 'capabilities after the first line of the list of branches');
      for (const c of text.slice(nul + 1).split(' ')) if (c) capabilities.add(c);
      text = text.slice(0, nul);
    }
    const space = text.indexOf(' ');
    const oid = text.slice(0, space);
    const name = text.slice(space + 1);
    if (space < 0 || !OID.test(oid) || !name || /[\s\0]/.test(name)) throw new GitTransportError('malformed', `a branch line "${sanitizeRemoteText(text.slice(0, 80))}" is not "<id> <name>"`);
    // The no-refs form of an empty repository (git 2.41+): capabilities only.
    if (name === 'capabilities^{}' && oid === ZERO && index === 0) continue;
    refs.set(name, oid);
  }
  return { refs, capabilities };
}
