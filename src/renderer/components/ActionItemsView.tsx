/** Every action item across all postmortems (filled in by the postmortem work). */
export function ActionItemsView() {
  return <h1 className="page-title">Action items</h1>;
}
