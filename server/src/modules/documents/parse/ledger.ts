import type { SourceLine } from './lines.ts';

/**
 * Line ownership of one parse. Lossless accounting: every non-blank physical line of the source is
 * claimed by exactly one owner — a header field ("number", "issuer", "motto" for the fixed Quốc
 * hiệu/Tiêu ngữ form text …), "legalBasis", "preamble", "enacting", "sections" (the body tree; the
 * derived views own no line), "signature", "recipients", "attachments", "truncated", or
 * "unclassified". The parser claims logical lines (a hard-wrapped line joined back from several
 * physical lines); a claim gives every physical line of the logical line to the owner. A header line
 * split into cells (two columns flattened on one line, or cells joined by "|") is owned by the
 * combination of its cells' owners, e.g. "issuer+motto".
 */
export class LineLedger {
  private readonly owners = new Map<number, string>();
  private readonly spans = new Map<number, number>();

  constructor(
    /** The physical lines of the source. */
    readonly physical: SourceLine[],
    /** The logical lines the parser reads. */
    readonly lines: SourceLine[],
  ) {
    for (const line of lines) this.spans.set(line.n, line.end);
  }

  private physicalOf(n: number): number[] {
    const end = this.spans.get(n) ?? n;
    const numbers: number[] = [];
    for (let line = n; line <= end; line += 1) if (!this.physical[line - 1]?.blank) numbers.push(line);
    return numbers;
  }

  /** Gives a logical line (by its first number) to an owner; a second claim is a parser bug and throws. */
  claim(n: number, owner: string): void {
    for (const line of this.physicalOf(n)) {
      const current = this.owners.get(line);
      if (current !== undefined) throw new Error(`line ${line} claimed by ${current} and ${owner}`);
      this.owners.set(line, owner);
    }
  }

  /** Adds an owner for one cell of a split header line. */
  claimCell(n: number, owner: string): void {
    for (const line of this.physicalOf(n)) {
      const current = this.owners.get(line);
      if (current === undefined) this.owners.set(line, owner);
      else if (!current.split('+').includes(owner)) this.owners.set(line, `${current}+${owner}`);
    }
  }

  /** True when a logical line has no owner yet. */
  isFree(n: number): boolean {
    return !this.owners.has(n);
  }

  /** Gives every non-blank unowned logical line to "unclassified" and returns them. */
  claimRemaining(): SourceLine[] {
    const rest = this.lines.filter((line) => !line.blank && this.isFree(line.n));
    for (const line of rest) this.claim(line.n, 'unclassified');
    return rest;
  }

  /** The owner of every claimed physical line. */
  snapshot(): ReadonlyMap<number, string> {
    return new Map(this.owners);
  }
}
