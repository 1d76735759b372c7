import { corpusDoc } from '../corpus';
import { documentToMarkdown } from '../../src/shared/format/documentMarkdown';
import { normalizeFields } from '../../src/shared/kinds/fields';
import { median } from '../measure';
const by: Record<string, number[]> = {};
for (let i = 0; i < 3000; i++) { const c = corpusDoc(1, i); const t = documentToMarkdown({ id: '01ARZ3NDEKTSV4RRFFQ69G5FAV', kind: c.kind, number: i+1, title: c.title, status: 'draft', body: c.body, fields: normalizeFields(c.kind, c.fields), createdAt: '2024-01-01T00:00:00.000Z', updatedAt: '2024-01-01T00:00:00.000Z', revision: 1, createdBy: { name: 'a', email: '' } }); (by[c.kind] ??= []).push(t.length); (by.all ??= []).push(t.length); }
for (const [k, v] of Object.entries(by)) console.log(k, v.length, 'median', median(v), 'max', Math.max(...v), 'p99', [...v].sort((a,b)=>a-b)[Math.floor(v.length*0.99)]);
