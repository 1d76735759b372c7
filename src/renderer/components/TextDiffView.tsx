import type { InlineBlock, Seg, SideCell, SideRow } from './versionDiff';

function Segs({ segs }: { segs: Seg[] }) {
  return (
    <>
      {segs.map((s, i) =>
        s.change === 'added' ? (
          <ins key={i} className="diff-added">
            {s.text}
          </ins>
        ) : s.change === 'removed' ? (
          <del key={i} className="diff-removed">
            {s.text}
          </del>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </>
  );
}

function Skip({ lines }: { lines: number }) {
  return (
    <div className="diff-skip" role="note">
      ⋯ {lines} unchanged {lines === 1 ? 'line' : 'lines'}
    </div>
  );
}

/** The inline diff: one text, removed words struck through in red, added words in green. */
export function InlineDiff({ blocks }: { blocks: InlineBlock[] }) {
  return (
    <div className="diff-inline" data-testid="diff-inline">
      {blocks.map((b, i) =>
        b.type === 'skip' ? (
          <Skip key={i} lines={b.lines} />
        ) : (
          <div key={i} className="diff-text">
            <Segs segs={b.segs} />
          </div>
        ),
      )}
    </div>
  );
}

function Cell({ cell, side }: { cell: SideCell | null; side: 'left' | 'right' }) {
  if (!cell) {
    return (
      <>
        <td className="diff-num" />
        <td className={`diff-line diff-empty diff-${side}`} />
      </>
    );
  }
  return (
    <>
      <td className="diff-num">{cell.n}</td>
      <td className={`diff-line diff-${side} diff-line-${cell.change}`}>
        <Segs segs={cell.segs} />
      </td>
    </>
  );
}

/** The side-by-side diff: the version on the left, the current text on the right, line by line. */
export function SideBySideDiff({ rows, leftLabel, rightLabel }: { rows: SideRow[]; leftLabel: string; rightLabel: string }) {
  return (
    <table className="diff-side" data-testid="diff-side">
      <colgroup>
        <col className="diff-num-col" />
        <col />
        <col className="diff-num-col" />
        <col />
      </colgroup>
      <thead>
        <tr>
          <th scope="col" colSpan={2}>
            {leftLabel}
          </th>
          <th scope="col" colSpan={2}>
            {rightLabel}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) =>
          r.type === 'skip' ? (
            <tr key={i}>
              <td colSpan={4}>
                <Skip lines={r.lines} />
              </td>
            </tr>
          ) : (
            <tr key={i}>
              <Cell cell={r.left} side="left" />
              <Cell cell={r.right} side="right" />
            </tr>
          ),
        )}
      </tbody>
    </table>
  );
}
