import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sectionHint } from '../../../../src/shared/kinds/templates';
import {
  duplicateTemplateTitles,
  MAX_TEMPLATE_FILE_BYTES,
  readTemplateFile,
  teamTemplateBody,
  TeamTemplateSchema,
  templateOf,
  type TeamTemplate,
} from '../../../../src/shared/kinds/teamTemplates';

const LIGHTWEIGHT = `---
kind: rfc
title: Lightweight RFC
description: For a change one team ships in a sprint.
---

# Lightweight RFC

## Summary

What you propose, in one paragraph.

## Design

How it works.
Enough for a reviewer.

### Risks

What could go wrong.

## Rollout
`;

function read(path: string, text: string): TeamTemplate {
  const r = readTemplateFile(path, text);
  if (!r.ok) throw new Error(r.reason);
  return r.template;
}

function reason(path: string, text: string): string {
  const r = readTemplateFile(path, text);
  if (r.ok) throw new Error('expected a refusal');
  return r.reason;
}

describe('readTemplateFile', () => {
  it('reads kind, title, description and each heading with the text under it as its hint', () => {
    expect(read('templates/rfc-lightweight.md', LIGHTWEIGHT)).toEqual({
      name: 'rfc-lightweight',
      kind: 'rfc',
      title: 'Lightweight RFC',
      description: 'For a change one team ships in a sprint.',
      sections: [
        { heading: 'Summary', depth: 2, hint: 'What you propose, in one paragraph.' },
        { heading: 'Design', depth: 2, hint: 'How it works. Enough for a reviewer.' },
        { heading: 'Risks', depth: 3, hint: 'What could go wrong.' },
        { heading: 'Rollout', depth: 2, hint: '' },
      ],
    });
  });

  it('takes the kind from a file named after it, front matter optional', () => {
    const t = read('templates/adr.md', '## Context\n\nWhy.\n\n## Decision\n');
    expect([t.kind, t.title, t.sections.map((s) => s.heading)]).toEqual(['adr', 'Team ADR', ['Context', 'Decision']]);
  });

  it('names what is wrong', () => {
    expect(reason('templates/x.md', '## A\n')).toMatch(/^no kind: the front matter says which/);
    expect(reason('templates/x.md', '---\nkind: memo\n---\n## A\n')).toMatch(/^unknown kind "memo"/);
    expect(reason('templates/rfc.md', '---\nkind: adr\n---\n## A\n')).toMatch(/is the RFC template, but its front matter says kind: adr/);
    expect(reason('templates/x.md', '---\nkind: rfc\n---\nJust text, no heading.\n')).toMatch(/at least one section/);
    expect(reason('templates/x.md', '---\nkind: rfc\ntitle: [\n---\n## A\n')).toMatch(/front matter is not valid YAML/);
    expect(reason('templates/x.md', '---\nkind: rfc\nowner: me\n---\n## A\n')).toMatch(/unknown front-matter key "owner"/);
    expect(reason('templates/x.md', '---\nkind: rfc\n---\n## A\n\n## a\n')).toMatch(/"a" is there twice/);
    expect(reason('templates/Big Name.md', '## A\n')).toMatch(/not a template name/);
    expect(reason('templates/x.md', `---\nkind: rfc\n---\n## A\n\n${'x'.repeat(600)}\n`)).toMatch(/sections #1 hint: a hint is at most 500 characters \(under "A"\)/);
    expect(reason('templates/x.md', `---\nkind: rfc\n---\n## A\u0007\n`)).toMatch(/control character/);
    expect(reason('templates/x.md', 'x'.repeat(MAX_TEMPLATE_FILE_BYTES + 1))).toMatch(/a template is at most 65536 bytes/);
  });

  it('keeps hostile text as text: headings and hints are plain strings, markup and all', () => {
    const t = read('templates/x.md', '---\nkind: rfc\ntitle: "<img src=x onerror=alert(1)>"\n---\n## <script>alert(1)</script>\n\n<iframe src="https://evil.invalid"></iframe>\n');
    expect(t.title).toBe('<img src=x onerror=alert(1)>');
    expect(t.sections[0]).toEqual({ heading: '<script>alert(1)</script>', depth: 2, hint: '<iframe src="https://evil.invalid"></iframe>' });
  });

  // The parser reads bytes a teammate controls: whatever they are, it ends with a template the schema accepts or a reason.
  it('ends on any input with a valid template or a reason (fuzz)', () => {
    const chunk = fc.oneof(
      fc.string(),
      fc.constantFrom('---\n', '## ', '### ', '\n', 'kind: rfc\n', 'title: T\n', '```\n', '# ', '\r\n', '\u0000', 'kind: [\n', '~~~\n'),
    );
    fc.assert(
      fc.property(fc.array(chunk, { maxLength: 40 }), fc.constantFrom('templates/x.md', 'templates/rfc.md', 'templates/a b.md'), (parts, path) => {
        const r = readTemplateFile(path, parts.join(''));
        if (r.ok) expect(TeamTemplateSchema.safeParse(r.template).success).toBe(true);
        else expect(r.reason.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });

  it('ends on every truncation of a valid template (fuzz)', () => {
    fc.assert(
      fc.property(fc.nat({ max: LIGHTWEIGHT.length }), (n) => {
        const r = readTemplateFile('templates/rfc-lightweight.md', LIGHTWEIGHT.slice(0, n));
        expect(typeof r.ok).toBe('boolean');
      }),
    );
  });
});

describe('team templates in use', () => {
  const light = read('templates/rfc-lightweight.md', LIGHTWEIGHT);
  const teamRfc = read('templates/rfc.md', '## Summary\n\nTeam summary hint.\n\n## Plan\n');

  it('a new document gets the headings with empty paragraphs', () => {
    expect(teamTemplateBody(light)).toBe('## Summary\n\n## Design\n\n### Risks\n\n## Rollout\n\n');
  });

  it('a document follows the template it names, else its kind’s team template, else the playbook', () => {
    expect(templateOf({ kind: 'rfc', fields: { template: 'rfc-lightweight' } }, [light, teamRfc])).toBe(light);
    expect(templateOf({ kind: 'rfc', fields: {} }, [light, teamRfc])).toBe(teamRfc);
    expect(templateOf({ kind: 'rfc', fields: { template: 'gone' } }, [light])).toBeNull();
    expect(templateOf({ kind: 'adr', fields: { template: 'rfc-lightweight' } }, [light])).toBeNull();
  });

  it('hints come from the template now: a heading it no longer has shows none, others still do', () => {
    const changed = read('templates/rfc-lightweight.md', LIGHTWEIGHT.replace('## Design\n\nHow it works.\nEnough for a reviewer.\n', '## Approach\n\nThe new name.\n'));
    expect(sectionHint('rfc', 'Design', light)).toBe('How it works. Enough for a reviewer.');
    expect(sectionHint('rfc', 'Design', changed)).toBeUndefined();
    expect(sectionHint('rfc', 'Summary', changed)).toBe('What you propose, in one paragraph.');
    expect(sectionHint('rfc', 'Rollout', changed)).toBeUndefined();
    // Without a team template: the playbook's, as before.
    expect(sectionHint('rfc', 'Summary')).toMatch(/One paragraph/);
  });

  it('finds two templates of one kind with the same title', () => {
    const twin = { ...light, name: 'rfc-small' };
    expect(duplicateTemplateTitles([light, twin, teamRfc])).toEqual([{ name: 'rfc-small', reason: 'the same title as templates/rfc-lightweight.md ("Lightweight RFC") for RFCs' }]);
  });
});
