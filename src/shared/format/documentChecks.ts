import { z } from 'zod';
import { BodySchema, TitleSchema } from '../document';
import { AppError } from '../errors';
import { normalizeFields } from '../kinds/fields';
import { parseDocument, type ParseResult, type RepoDocument } from './parseDocument';

/**
 * The highest document number: six digits, as a ref (`RFC-123456`) and a
 * file name (`123456-slug.md`) are read. A larger one (`number: 1e308`)
 * would make every next number collide.
 */
export const MAX_DOC_NUMBER = 999_999;
// The bound first: it is the issue a person reads (an int check would name the largest safe integer instead).
export const DocNumberSchema = z.number().max(MAX_DOC_NUMBER, `a document number is at most ${MAX_DOC_NUMBER}`).int().positive();

/** A status as a file may write it: one of the kind's, or a word kept from another tool. */
export const MAX_STATUS_CHARS = 40;

/**
 * The largest document file read from the team repository, checked before
 * it is parsed: a body of MAX_BODY_CHARS characters is at most 4 MB of
 * UTF-8, and the front matter of a matrix at its limits well under 1 MB.
 */
export const MAX_DOCUMENT_FILE_BYTES = 5 * 1024 * 1024;

function zodReason(what: string, r: z.ZodSafeParseResult<unknown>): string | null {
  return r.success ? null : `${what}: ${r.error.issues[0]?.message ?? 'not valid'}`;
}

/**
 * Why a document read from a file would be refused by the API or an import,
 * or null when it would not: the same title, body, number and fields checks
 * (the contract's schemas and normalizeFields, not copies of them). Extra
 * front-matter keys are allowed, as docs/format.md promises.
 */
export function repoDocumentProblem(doc: RepoDocument): string | null {
  const reason =
    zodReason('title', TitleSchema.safeParse(doc.title)) ??
    zodReason('body', BodySchema.safeParse(doc.body)) ??
    (doc.number === null ? null : zodReason('number', DocNumberSchema.safeParse(doc.number))) ??
    (doc.status.length > MAX_STATUS_CHARS ? `status: at most ${MAX_STATUS_CHARS} characters` : null);
  if (reason) return reason;
  try {
    normalizeFields(doc.kind, doc.fields, { extraKeys: 'any' });
  } catch (e) {
    if (e instanceof AppError) return `front matter: ${e.message.replace(/^Invalid fields: /, '')}`;
    throw e;
  }
  return null;
}

/**
 * Reads a document file that someone else wrote (the team repository, a
 * teammate's push): refused unread past MAX_DOCUMENT_FILE_BYTES, parsed,
 * then checked as the API would check it. A reason names what is wrong.
 */
export function readDocumentFile(path: string, text: string): ParseResult {
  const bytes = utf8Length(text);
  if (bytes > MAX_DOCUMENT_FILE_BYTES) return { ok: false, reason: `the file is ${bytes} bytes; a document file is at most ${MAX_DOCUMENT_FILE_BYTES} bytes` };
  const r = parseDocument(path, text);
  if (!r.ok) return r;
  const problem = repoDocumentProblem(r.doc);
  return problem ? { ok: false, reason: problem } : r;
}

/** UTF-8 length without encoding (src/shared has no Buffer). */
function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
