import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';

/** Names Windows reserves for devices, with or without an extension (CON, nul.md, COM1.txt...). */
const DEVICE_RE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(\..*)?$/i;
const BAD_CHARS_RE = /[<>:"|?*\u0000-\u001f]/;

/**
 * Why a relative path may not be written below an export folder, or null
 * when it is safe: it must be relative, stay inside ('..' and '.' refused),
 * and every segment must be a name every OS accepts (no device names such as
 * CON or NUL, no reserved characters, no trailing dot or blank).
 */
export function unsafePathReason(rel: string): string | null {
  if (!rel) return 'an empty path';
  if (rel.startsWith('/') || rel.startsWith('\\') || /^[a-z]:/i.test(rel)) return 'an absolute path';
  for (const seg of rel.split(/[\\/]/)) {
    if (seg === '' || seg === '.' || seg === '..') return `a path that leaves the export folder or has an empty part ("${rel}")`;
    if (DEVICE_RE.test(seg)) return `"${seg}" is a device name on Windows`;
    if (BAD_CHARS_RE.test(seg)) return `"${seg}" has a character file systems refuse`;
    if (/[. ]$/.test(seg)) return `"${seg}" ends with a dot or a blank`;
    if (seg.length > 200) return `"${seg.slice(0, 40)}…" is too long a file name`;
  }
  return null;
}

/** Joins a relative path below `root`, refusing anything unsafePathReason refuses. */
export function safeJoin(root: string, rel: string): string {
  const reason = unsafePathReason(rel);
  if (reason) throw new AppError('VALIDATION', `Refused to write ${reason}.`, { path: rel });
  const full = path.join(root, ...rel.split(/[\\/]/));
  const back = path.relative(root, full);
  if (back.startsWith('..') || path.isAbsolute(back)) throw new AppError('VALIDATION', `Refused to write outside the export folder: ${rel}.`, { path: rel });
  return full;
}

/**
 * Writes a file below `root` without ever following a symbolic link inside
 * it: each folder on the way and the file itself are checked, folders are
 * created as needed, and the file is replaced atomically (temp file + rename).
 */
export function writeFileSafely(root: string, rel: string, content: string): void {
  const full = safeJoin(root, rel);
  const segments = path.relative(root, full).split(path.sep);
  let at = root;
  for (const seg of segments.slice(0, -1)) {
    at = path.join(at, seg);
    const st = lstatOrNull(at);
    if (st?.isSymbolicLink()) throw new AppError('FORBIDDEN', `Refused to write through the symbolic link ${path.relative(root, at)}.`, { path: rel });
    if (st && !st.isDirectory()) throw new AppError('CONFLICT', `${path.relative(root, at)} is a file where a folder is needed.`, { path: rel });
    if (!st) fs.mkdirSync(at);
  }
  const st = lstatOrNull(full);
  if (st?.isSymbolicLink()) throw new AppError('FORBIDDEN', `Refused to overwrite the symbolic link ${rel}.`, { path: rel });
  if (st && !st.isFile()) throw new AppError('CONFLICT', `${rel} exists and is not a file.`, { path: rel });
  const tmp = `${full}.designdesk-${process.pid}.tmp`;
  fs.writeFileSync(tmp, content, { flag: 'wx' });
  try {
    fs.renameSync(tmp, full);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

function lstatOrNull(p: string): fs.Stats | null {
  try {
    return fs.lstatSync(p);
  } catch {
    return null;
  }
}
