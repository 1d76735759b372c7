/** Escapes text for one cell of a GitHub-flavoured Markdown table. */
export function cell(text: string | number | null | undefined): string {
  if (text === null || text === undefined || text === '') return ' ';
  return String(text).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** A Markdown table with a header row; every row is padded to the header's width. */
export function table(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  const line = (cells: readonly (string | number | null | undefined)[]): string =>
    `| ${header.map((_, i) => cell(cells[i])).join(' | ')} |`;
  return [line(header), `|${header.map(() => ' --- ').join('|')}|`, ...rows.map(line)].join('\n');
}
