import fs from 'node:fs';
import path from 'node:path';
import {
  duplicateTemplateTitles,
  isTemplatePath,
  MAX_TEMPLATE_FILE_BYTES,
  MAX_TEMPLATES,
  readConfigTemplatesFolder,
  readTemplateFile,
  TEMPLATES_FOLDER,
  type TeamTemplate,
} from '../../shared/kinds/teamTemplates';
import { CONFIG_FILE } from '../../shared/sync/repoLayout';
import { decodeText } from './readSource';

type Add = (p: string, reason: string) => void;

/**
 * Checks the team's templates as a sync reads them (templateSync.ts): the
 * designdesk.yml key, then every templates/<name>.md: unreadable, too big,
 * unknown kind, no sections, two templates of a kind with one title, more
 * than a sync takes. Files a sync would not read at all are named too.
 */
export function checkTemplates(root: string, configText: string | null, add: Add): void {
  const dir = path.join(root, TEMPLATES_FOLDER);
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  } catch {
    entries = [];
  }
  const config = configText === null ? { ok: true as const, folder: null } : readConfigTemplatesFolder(configText);
  if (!config.ok) {
    if (config.reason !== 'not valid YAML') add(CONFIG_FILE, config.reason);
    return;
  }
  if (entries.length === 0) return;
  if (config.folder === null) {
    add(TEMPLATES_FOLDER, `${CONFIG_FILE} does not name this folder (templates: {folder: templates}), so a sync does not read these templates`);
    return;
  }
  const templates: TeamTemplate[] = [];
  let count = 0;
  for (const e of entries) {
    const rel = `${TEMPLATES_FOLDER}/${e.name}`;
    if (e.name.startsWith('.')) continue;
    if (!isTemplatePath(rel)) {
      if (!/^readme\.md$/i.test(e.name)) add(rel, 'not a template: a sync reads templates/<name>.md files only');
      continue;
    }
    if (++count > MAX_TEMPLATES) {
      add(rel, `more than ${MAX_TEMPLATES} templates: a sync leaves this one out`);
      continue;
    }
    const file = path.join(dir, e.name);
    const st = fs.lstatSync(file);
    if (!st.isFile()) {
      add(rel, 'is not a plain file: a template is a Markdown file');
      continue;
    }
    if (st.size > MAX_TEMPLATE_FILE_BYTES) {
      add(rel, `too big: ${st.size} bytes; a template is at most ${MAX_TEMPLATE_FILE_BYTES} bytes`);
      continue;
    }
    const decoded = decodeText(fs.readFileSync(file));
    if (!decoded.ok) {
      add(rel, decoded.reason);
      continue;
    }
    if (decoded.notes.length) add(rel, 'not valid UTF-8: save it as UTF-8');
    const r = readTemplateFile(rel, decoded.text);
    if (r.ok) templates.push(r.template);
    else add(rel, r.reason);
  }
  for (const d of duplicateTemplateTitles(templates)) add(`${TEMPLATES_FOLDER}/${d.name}.md`, d.reason);
}
