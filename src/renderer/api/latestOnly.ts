// The stale-answer guard of ADR 0034, shared by useQuery and the editor's openDoc.

/** Hands out request numbers and says whether an answer is still the latest asked for. */
export class LatestOnly {
  private seq = 0;

  /** A new request: the answers of every earlier one become stale. */
  begin(): number {
    return ++this.seq;
  }

  /** Makes every request so far stale (the view is gone). */
  drop(): void {
    this.seq++;
  }

  isLatest(token: number): boolean {
    return token === this.seq;
  }
}
