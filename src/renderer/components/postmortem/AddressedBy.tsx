import type { ResolvedRef } from '../../../shared/contract/links';
import { isAddressingRef } from '../../../shared/kinds/postmortem';
import { call } from '../../api/client';
import { useQuery } from '../../api/useQuery';
import { useAppStore } from '../../store';
import { CommitInput } from './CommitInput';

const parseRef = (text: string): string | null => {
  const t = text.trim();
  if (t === '') return '';
  return isAddressingRef(t) ? t.toUpperCase() : null;
};

/**
 * The RFC or ADR that addresses an action item, typed as its reference
 * ("ADR-7"). A reference that names a live document becomes a link to it;
 * one that names nothing (yet) says so.
 */
export function AddressedBy({ value, n, onCommit }: { value: string; n: number; onCommit: (link: string) => void }) {
  const navigate = useAppStore((s) => s.navigate);
  // A failed look-up shows no link and no warning, as before it answered.
  const resolved = useQuery<ResolvedRef | null>(value ? `links:resolve:${value}` : null, () => call('links:resolve', { refs: [value] }).then(([r]) => r ?? null)).data;
  return (
    <div className="pm-addressed">
      <span className="pm-addressed-label" aria-hidden="true">
        Addressed by
      </span>
      <CommitInput
        value={value}
        parse={parseRef}
        error="An RFC or ADR, e.g. RFC-12 or ADR-3"
        aria-label={`RFC or ADR addressing action item ${n}`}
        placeholder="RFC-12 or ADR-3"
        className="pm-cell-input pm-ref-input"
        maxLength={20}
        onCommit={onCommit}
      />
      {value && resolved?.id && (
        <button type="button" className="link-button pm-ref-link" title={resolved.title ?? undefined} onClick={() => navigate({ name: 'doc', id: resolved.id! })}>
          {value}: {resolved.title}
        </button>
      )}
      {value && resolved && !resolved.id && <span className="pm-hint pm-warning">No {value} in this workspace yet</span>}
    </div>
  );
}
