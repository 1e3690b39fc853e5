export interface Figure {
  scenario: string;
  database: string;
  figure: string;
  target: string;
  /** null when the figure has no target: it is there to explain the others. */
  met: boolean | null;
}

const verdict = (met: boolean | null) => (met === null ? '' : met ? 'pass' : 'MISS');

/** The figures of one run, printed as one table at the end. */
export class Results {
  readonly figures: Figure[] = [];

  add(figure: Figure): void {
    this.figures.push(figure);
    const mark = figure.met === null ? '' : ` [${verdict(figure.met)}]`;
    console.log(`  ${figure.scenario} (${figure.database}): ${figure.figure}${mark}`);
  }

  table(): string {
    const header = ['scenario', 'database', 'figure', 'target', 'pass/miss'];
    const rows = this.figures.map((figure) => [
      figure.scenario,
      figure.database,
      figure.figure,
      figure.target,
      verdict(figure.met),
    ]);
    const widths = header.map((title, column) =>
      Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
    );
    const line = (cells: string[]) =>
      `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;

    return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join(
      '\n',
    );
  }
}
