import type { DocKind } from '../../shared/kinds/kinds';
import { DocumentList } from './DocumentList';

/** The library: every document of every kind. */
export function LibraryView({ onCreate }: { onCreate: (kind: DocKind) => void }) {
  return (
    <>
      <h1 className="page-title">Library</h1>
      <DocumentList onCreate={() => onCreate('rfc')} />
    </>
  );
}
