import type { Document } from '../../../shared/document';
import { useAppStore } from '../../store';
import { NamesInput } from './NamesInput';

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** Writes one field onto the latest edited fields (not a stale render's copy). */
function setField(key: string, value: unknown): void {
  const { doc, edit } = useAppStore.getState();
  if (doc) edit({ fields: { ...doc.fields, [key]: value } });
}

const PEOPLE = [
  { key: 'decisionMakers', label: 'Decision-makers', placeholder: 'Who decides, e.g. Ada, Grace' },
  { key: 'consulted', label: 'Consulted', placeholder: 'Experts asked, two-way' },
  { key: 'informed', label: 'Informed', placeholder: 'Kept up to date, one-way' },
] as const;

/** MADR 4 front matter: date, decision-makers, consulted, informed (plus author and tags). The status is the document's. */
export function AdrMetadataForm({ doc }: { doc: Document }) {
  const date = typeof doc.fields.date === 'string' ? doc.fields.date : '';
  const author = typeof doc.fields.author === 'string' ? doc.fields.author : '';
  return (
    <dl className="metadata adr-metadata">
      <div>
        <dt>
          <label htmlFor="adr-date">Date</label>
        </dt>
        <dd>
          <input id="adr-date" type="date" value={date} onChange={(e) => setField('date', e.target.value)} />
        </dd>
      </div>
      <div>
        <dt>
          <label htmlFor="adr-author">Author</label>
        </dt>
        <dd>
          <input id="adr-author" value={author} maxLength={200} onChange={(e) => setField('author', e.target.value)} />
        </dd>
      </div>
      <div>
        <dt>
          <label htmlFor="adr-tags">Tags</label>
        </dt>
        <dd>
          <NamesInput id="adr-tags" label="Tags" values={strings(doc.fields.tags)} maxLength={60} placeholder="e.g. storage, api" onChange={(v) => setField('tags', v)} />
        </dd>
      </div>
      {PEOPLE.map((p) => (
        <div key={p.key}>
          <dt>
            <label htmlFor={`adr-${p.key}`}>{p.label}</label>
          </dt>
          <dd>
            <NamesInput id={`adr-${p.key}`} label={p.label} values={strings(doc.fields[p.key])} placeholder={p.placeholder} onChange={(v) => setField(p.key, v)} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
