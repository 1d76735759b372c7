import fs from 'node:fs';
import { MAX_BODY_CHARS } from '../../shared/document';
import { AppError } from '../../shared/errors';
import { decodeText } from '../importExport/readSource';

/** Reads a Markdown file given with --body-file, with the body size limit and a clear error. */
export function readBodyFile(file: string): string {
  let bytes: Buffer;
  try {
    if (fs.statSync(file).size > MAX_BODY_CHARS * 4) throw new AppError('TOO_LARGE', `${file} is too large for a document body (at most ${MAX_BODY_CHARS} characters).`);
    bytes = fs.readFileSync(file);
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('NOT_FOUND', `Cannot read ${file}: ${(e as { code?: string }).code ?? String(e)}. Check the path given to --body-file.`, { file });
  }
  const r = decodeText(bytes);
  if (!r.ok) throw new AppError('VALIDATION', `${file}: ${r.reason}.`, { file });
  if (r.text.length > MAX_BODY_CHARS) throw new AppError('TOO_LARGE', `${file} has ${r.text.length} characters; a document body holds at most ${MAX_BODY_CHARS}.`, { file });
  return r.text;
}
