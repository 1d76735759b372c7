/** Deleted documents, restorable until the trash is emptied (filled in by the trash work). */
export function TrashView() {
  return <h1 className="page-title">Trash</h1>;
}
