import fs from 'node:fs';
import { AppError, isAppError } from '../../../shared/errors';
import { decodeText } from '../../importExport/readSource';
import { UsageError, str, type CliIo, type Command } from '../context';
import { resolveRef } from '../resolveRef';
import { terminalLine } from '../../../shared/format/printable';

/** The longest merged text sync:resolve takes (its contract); UTF-8 needs at most 4 bytes a character. */
export const MAX_MERGED_CHARS = 2_000_000;
const MAX_MERGED_BYTES = MAX_MERGED_CHARS * 4;

const TAKES = ['mine', 'theirs', 'merged'] as const;
type Take = (typeof TAKES)[number];

async function readStdin(io: CliIo): Promise<Buffer> {
  if (!io.stdin) throw new AppError('VALIDATION', 'There is no standard input to read the merged text from: give it with --file FILE.');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of io.stdin) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    size += b.length;
    if (size > MAX_MERGED_BYTES) throw new AppError('TOO_LARGE', `The merged text on standard input is larger than ${MAX_MERGED_BYTES} bytes; a document file holds at most ${MAX_MERGED_CHARS} characters.`);
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}

function readFile(file: string): Buffer {
  try {
    const size = fs.statSync(file).size;
    if (size > MAX_MERGED_BYTES) throw new AppError('TOO_LARGE', `${file} has ${size} bytes; a merged document file holds at most ${MAX_MERGED_CHARS} characters.`, { file });
    return fs.readFileSync(file);
  } catch (e) {
    if (isAppError(e)) throw e;
    throw new AppError('NOT_FOUND', `Cannot read ${file}: ${(e as { code?: string }).code ?? String(e)}. Check the path given to --file.`, { file });
  }
}

/** The merged text from a file or standard input ("-"), bounded and decoded as an import decodes (UTF-8, BOMs, UTF-16). */
export async function readMergedText(io: CliIo, file: string, source: string): Promise<string> {
  const r = decodeText(file === '-' ? await readStdin(io) : readFile(file));
  if (!r.ok) throw new AppError('VALIDATION', `${source}: ${r.reason}.`);
  if (r.text.length > MAX_MERGED_CHARS) throw new AppError('TOO_LARGE', `${source} has ${r.text.length} characters; a merged document file holds at most ${MAX_MERGED_CHARS}.`);
  return r.text;
}

const OUTCOME: Record<Take, string> = {
  mine: "kept this workspace's version",
  theirs: "took the team repository's version",
  merged: 'took the merged text',
};

/** `designdesk resolve REF --take mine|theirs|merged`: resolves one sync conflict as the app does (sync:resolve). */
export const resolveCommand: Command = {
  name: 'resolve',
  summary: 'resolve a sync conflict: take mine, theirs, or a merged text',
  usage: ['resolve REF --take mine|theirs [--json]', 'resolve REF --take merged --file FILE|- [--json]'],
  details: `REF is a document in conflict ("designdesk conflicts" lists them): a display
reference (RFC-12, ADR-3, ...) or a document id. The resolution follows the
app's rules: "mine" keeps this workspace's version, "theirs" takes the team
repository's (a file deleted there moves the document to the trash here),
"merged" takes a whole document file (front matter + Markdown), refused while
it still has conflict markers (<<<<<<<, =======, >>>>>>>) or does not read as
a document of the same kind. The next "designdesk sync" publishes the outcome.

Options:
  --take mine|theirs|merged   which version to keep
  --file FILE                 the merged text (with --take merged); "-" reads
                              standard input
  --json                      print {id, ref, take, trashed} as JSON

Examples:
  designdesk resolve RFC-12 --take theirs
  designdesk conflicts --json | jq -r '.[] | select(.ref == "RFC-12") | .suggestion' > merged.md
  $EDITOR merged.md && designdesk resolve RFC-12 --take merged --file merged.md
  designdesk resolve ADR-3 --take merged --file - < adr-3.md`,
  options: { take: { type: 'string' }, file: { type: 'string' }, json: { type: 'boolean' } },
  args: { min: 1, max: 1 },
  workspace: true,
  async run(ctx) {
    const takeArg = str(ctx.values, 'take');
    if (takeArg === undefined) throw new UsageError('say which version to keep: --take mine, --take theirs, or --take merged --file FILE.');
    const take = takeArg.trim().toLowerCase() as Take;
    if (!TAKES.includes(take)) throw new UsageError(`--take ${JSON.stringify(takeArg)} is not a choice: use mine, theirs or merged.`);
    const file = str(ctx.values, 'file');
    if (take === 'merged' && file === undefined) throw new UsageError('--take merged needs the merged text: --file FILE, or --file - to read standard input.');
    if (take !== 'merged' && file !== undefined) throw new UsageError(`--file gives a merged text; it does not go with --take ${take}.`);

    const doc = await resolveRef(ctx, ctx.args[0]!);
    const ref = (await ctx.call('sync:conflicts', {})).find((c) => c.id === doc.id)?.ref;
    if (ref === undefined) {
      throw new AppError('NOT_FOUND', `${terminalLine(ctx.args[0]!.toUpperCase())} has no sync conflict to resolve. "designdesk conflicts" lists the documents in conflict.`, { id: doc.id });
    }
    const source = file === undefined ? undefined : file === '-' ? 'standard input' : file;
    const text = file === undefined || source === undefined ? undefined : await readMergedText(ctx.io, file === '-' ? '-' : ctx.resolvePath(file), source);
    let result: { id: string; trashed: boolean };
    try {
      result = await ctx.call('sync:resolve', { id: doc.id, take, ...(text !== undefined ? { text } : {}) });
    } catch (e) {
      // The resolver's message says what is wrong with the text; say which text it was.
      if (isAppError(e) && e.code === 'VALIDATION' && source !== undefined) throw new AppError(e.code, `${terminalLine(source)}: ${e.message}`, e.data);
      throw e;
    }
    if (ctx.values.json) ctx.json({ id: result.id, ref, take, trashed: result.trashed });
    else {
      ctx.out(`Resolved ${ref}: ${result.trashed ? "took the team repository's deletion; the document is in the trash here (restorable)" : OUTCOME[take]}.`);
      ctx.out('Run "designdesk sync" to publish the resolution.');
    }
    return 0;
  },
};
