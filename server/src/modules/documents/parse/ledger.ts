import type { SourceLine } from './lines.ts';

/**
 * Line ownership of one parse. Lossless accounting: every non-blank source line is claimed by exactly
 * one owner — a header field ("number", "issuer", "motto" for the fixed Quốc hiệu/Tiêu ngữ form text …),
 * "legalBasis", "sections" (the body tree; the derived views contents/criteria/awards/milestones/
 * assignments/funding only reference section nodes and own no line), "signature", "recipients",
 * "truncated", or "unclassified". A header line split into cells (two columns flattened on one line,
 * or cells joined by "|") is owned by the combination of its cells' owners, e.g. "issuer+motto".
 */
export class LineLedger {
  private readonly owners = new Map<number, string>();

  constructor(readonly lines: SourceLine[]) {}

  /** Gives a line to an owner; a second claim is a parser bug and throws. */
  claim(n: number, owner: string): void {
    const current = this.owners.get(n);
    if (current !== undefined) throw new Error(`line ${n} claimed by ${current} and ${owner}`);
    this.owners.set(n, owner);
  }

  /** Adds an owner for one cell of a split header line. */
  claimCell(n: number, owner: string): void {
    const current = this.owners.get(n);
    if (current === undefined) this.owners.set(n, owner);
    else if (!current.split('+').includes(owner)) this.owners.set(n, `${current}+${owner}`);
  }

  /** True when a line has no owner yet. */
  isFree(n: number): boolean {
    return !this.owners.has(n);
  }

  /** Gives every non-blank unowned line to "unclassified" and returns them. */
  claimRemaining(): SourceLine[] {
    const rest = this.lines.filter((line) => !line.blank && this.isFree(line.n));
    for (const line of rest) this.owners.set(line.n, 'unclassified');
    return rest;
  }

  /** The owner of every claimed line. */
  snapshot(): ReadonlyMap<number, string> {
    return new Map(this.owners);
  }
}
