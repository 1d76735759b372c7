import type { SyncChange, SyncFileError } from '../../shared/contract/sync';
import { KINDS } from '../../shared/kinds/kinds';
import { duplicateTemplateTitles, isTemplatePath, MAX_TEMPLATES, readConfigTemplatesFolder, readTemplateFile, TEMPLATES_FOLDER, type TeamTemplate } from '../../shared/kinds/teamTemplates';
import { stableJson } from '../../shared/sync/mergeDocument';
import { CONFIG_FILE } from '../../shared/sync/repoLayout';
import { readTeamTemplates, writeTeamTemplates } from '../services/teamTemplateStore';
import type { SettingsStore } from '../store/settingsStore';
import type { RecordSet, RemoteSnapshot } from './syncEngine';

interface TemplatesRead {
  templates: TeamTemplate[];
  errors: SyncFileError[];
  /** Names whose file could not be read: the workspace keeps its last good copy. */
  unreadable: Set<string>;
}

/** Every template file of the snapshot, each read as the API would check it; at most MAX_TEMPLATES. */
async function readTemplates(snapshot: RemoteSnapshot): Promise<TemplatesRead> {
  const out: TemplatesRead = { templates: [], errors: [], unreadable: new Set() };
  const paths = [...snapshot.files.keys()].filter(isTemplatePath).sort();
  for (const [i, path] of paths.entries()) {
    const name = path.slice(TEMPLATES_FOLDER.length + 1, -3);
    if (i >= MAX_TEMPLATES) {
      out.errors.push({ path, reason: `more than ${MAX_TEMPLATES} templates; this one and those after it (by name) are not read` });
      continue;
    }
    const r = readTemplateFile(path, await snapshot.read(snapshot.files.get(path)!));
    if (r.ok) out.templates.push(r.template);
    else {
      out.errors.push({ path, reason: r.reason });
      out.unreadable.add(name);
    }
  }
  // Two templates of one kind with one title: the later one by name is left out, and named.
  const twins = duplicateTemplateTitles(out.templates);
  for (const t of twins) {
    out.errors.push({ path: `${TEMPLATES_FOLDER}/${t.name}.md`, reason: t.reason });
    out.unreadable.add(t.name);
  }
  const left = new Set(twins.map((t) => t.name));
  out.templates = out.templates.filter((t) => !left.has(t.name));
  return out;
}

/**
 * The team's templates (templates/<name>.md, named by designdesk.yml's
 * `templates: {folder: templates}`) as a record set: the repository
 * decides, so every sync reads them into the workspace, and new documents
 * are offered them. A file that cannot be read is named as a sync error and
 * its last good copy stays here; a file removed from the repository goes
 * away here. Nothing is written to the repository.
 */
export function templatesRecordSet(settings: SettingsStore): RecordSet {
  return {
    name: 'templates',
    folders: [TEMPLATES_FOLDER],
    async plan(snapshot) {
      const none = { changes: [] as SyncChange[], conflicts: 0, errors: [] as SyncFileError[], apply: () => undefined };
      const configOid = snapshot.files.get(CONFIG_FILE);
      if (!configOid) return none;
      const config = readConfigTemplatesFolder(await snapshot.read(configOid));
      if (!config.ok) return { ...none, errors: [{ path: CONFIG_FILE, reason: config.reason }] };
      const here = readTeamTemplates(settings);
      const read: TemplatesRead = config.folder === null ? { templates: [], errors: [], unreadable: new Set() } : await readTemplates(snapshot);
      const kept = here.filter((t) => read.unreadable.has(t.name));
      const next = [...read.templates, ...kept].sort((a, b) => a.name.localeCompare(b.name));
      const byName = new Map(here.map((t) => [t.name, t]));
      const changes: SyncChange[] = [];
      for (const t of next) {
        const before = byName.get(t.name);
        if (!before || stableJson(before) !== stableJson(t)) {
          changes.push({ direction: 'in', action: before ? 'updated' : 'added', ref: `${TEMPLATES_FOLDER}/${t.name}.md`, title: `${KINDS[t.kind].label} template “${t.title}”`, path: `${TEMPLATES_FOLDER}/${t.name}.md` });
        }
      }
      const nextNames = new Set(next.map((t) => t.name));
      for (const t of here) {
        if (!nextNames.has(t.name)) changes.push({ direction: 'in', action: 'deleted', ref: `${TEMPLATES_FOLDER}/${t.name}.md`, title: `${KINDS[t.kind].label} template “${t.title}”`, path: `${TEMPLATES_FOLDER}/${t.name}.md` });
      }
      return { ...none, changes, errors: read.errors, apply: changes.length ? () => writeTeamTemplates(settings, next) : () => undefined };
    },
  };
}
