import { describe, expect, it } from 'vitest';
import type { Document } from '../../../../src/shared/document';
import { Autosaver, type SaveFields, type Scheduler } from '../../../../src/renderer/store/autosave';
import type { Draft } from '../../../../src/renderer/store/drafts';

/** A clock the test moves by hand: timers fire only in `advance`. */
class FakeClock implements Scheduler {
  now = 0;
  private seq = 0;
  private timers = new Map<number, { at: number; fn: () => void }>();
  setTimeout(fn: () => void, ms: number): unknown {
    const id = ++this.seq;
    this.timers.set(id, { at: this.now + ms, fn });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }
  get pending(): number {
    return this.timers.size;
  }
  advance(ms: number): void {
    const until = this.now + ms;
    for (;;) {
      const due = [...this.timers.entries()].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.now = due[1].at;
      due[1].fn();
    }
    this.now = until;
  }
}

class Conflict extends Error {
  code = 'CONFLICT' as const;
}

/** A server holding one document, answering saves only when the test releases them. */
class FakeServer {
  stored: Document;
  saves: Array<{ doc: Document; keepalive: boolean | undefined }> = [];
  private waiting: Array<() => void> = [];
  hold = false;
  constructor(doc: Document) {
    this.stored = doc;
  }
  update = async (doc: Document, opts?: { keepalive?: boolean }): Promise<Document> => {
    this.saves.push({ doc, keepalive: opts?.keepalive });
    if (this.hold) await new Promise<void>((r) => this.waiting.push(r));
    if (doc.revision !== this.stored.revision) throw new Conflict(`Changed elsewhere (revision ${this.stored.revision}).`);
    this.stored = { ...doc, revision: doc.revision + 1, updatedAt: `t${doc.revision + 1}` };
    return this.stored;
  };
  load = async (id: string): Promise<Document> => {
    if (id !== this.stored.id) throw new Error('not found');
    return this.stored;
  };
  release(): void {
    this.waiting.shift()?.();
  }
}

const flush = async (): Promise<void> => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};

function setup(opts: { hold?: boolean } = {}) {
  const base = { id: 'RFC-0001', kind: 'RFC', title: 'T', body: 'b0', fields: {}, status: 'draft', revision: 1, updatedAt: 't1' } as unknown as Document;
  const server = new FakeServer(base);
  server.hold = opts.hold ?? false;
  const clock = new FakeClock();
  let state: SaveFields = { doc: base, saveState: 'saved', saveError: null };
  const drafts = new Map<string, Draft>();
  const draftWrites: Draft[] = [];
  const saver = new Autosaver({
    get: () => state,
    set: (patch) => {
      state = { ...state, ...patch };
    },
    update: (doc, o) => server.update(doc, o),
    load: server.load,
    writeDraft: (id, d) => {
      drafts.set(id, d);
      draftWrites.push(d);
    },
    clearDraft: (id) => drafts.delete(id),
    describe: (e) => (e instanceof Error ? e.message : String(e)),
    isConflict: (e): e is Conflict => e instanceof Conflict,
    scheduler: clock,
    delayMs: 500,
    now: () => clock.now,
  });
  return { saver, server, clock, drafts, draftWrites, state: () => state };
}

describe('Autosaver', () => {
  it('debounces many edits into one save of the latest text, after the delay', async () => {
    const t = setup();
    for (let i = 1; i <= 10; i++) {
      t.saver.edit({ body: `b${i}` });
      t.clock.advance(100);
    }
    expect(t.server.saves).toHaveLength(0);
    expect(t.state().saveState).toBe('dirty');
    expect(t.draftWrites.map((d) => d.body)).toEqual(['b1', 'b2', 'b3', 'b4', 'b5', 'b6', 'b7', 'b8', 'b9', 'b10']);
    t.clock.advance(399);
    expect(t.server.saves).toHaveLength(0);
    t.clock.advance(1);
    await flush();
    expect(t.server.saves.map((s) => s.doc.body)).toEqual(['b10']);
    expect(t.state()).toMatchObject({ saveState: 'saved', doc: { body: 'b10', revision: 2 } });
    expect(t.drafts.size).toBe(0);
    expect(t.clock.pending).toBe(0);
  });

  it('keeps one save in flight; an edit during it is saved exactly once more, with the latest text', async () => {
    const t = setup({ hold: true });
    t.saver.edit({ body: 'first' });
    t.clock.advance(500);
    await flush();
    expect(t.server.saves).toHaveLength(1);
    expect(t.state().saveState).toBe('saving');
    t.saver.edit({ body: 'second' });
    t.saver.edit({ body: 'third' });
    // Ctrl+S while a save is in flight waits for it rather than sending a second one at once.
    const pressed = t.saver.saveNow();
    t.clock.advance(500);
    await flush();
    expect(t.server.saves).toHaveLength(1);
    t.server.release();
    await flush();
    expect(t.server.saves.map((s) => s.doc.body)).toEqual(['first', 'third']);
    // The second save is based on the revision the first one returned.
    expect(t.server.saves[1]!.doc.revision).toBe(2);
    expect(t.drafts.get('RFC-0001')?.body).toBe('third');
    t.server.release();
    await pressed;
    await flush();
    t.clock.advance(5_000);
    await flush();
    expect(t.server.saves).toHaveLength(2);
    expect(t.state()).toMatchObject({ saveState: 'saved', doc: { body: 'third', revision: 3 } });
    expect(t.drafts.size).toBe(0);
  });

  it('takes the stored document on a conflict when it already holds exactly this text (our own earlier save)', async () => {
    const t = setup();
    t.saver.edit({ body: 'mine' });
    // A page-hide save from a closed tab already stored the same text at revision 2.
    t.server.stored = { ...t.server.stored, body: 'mine', revision: 2, updatedAt: 't2' };
    await t.saver.saveNow();
    expect(t.state()).toMatchObject({ saveState: 'saved', saveError: null, doc: { body: 'mine', revision: 2 } });
    expect(t.drafts.size).toBe(0);
  });

  it('reports a real conflict and keeps the draft', async () => {
    const t = setup();
    t.saver.edit({ body: 'mine' });
    t.server.stored = { ...t.server.stored, body: 'theirs', revision: 2, updatedAt: 't2' };
    await t.saver.saveNow();
    expect(t.state()).toMatchObject({ saveState: 'error', saveError: 'Changed elsewhere (revision 2).', doc: { body: 'mine', revision: 1 } });
    expect(t.drafts.get('RFC-0001')?.body).toBe('mine');
  });

  it('saveNow flushes a pending edit at once, passes keepalive, and cancels the timer', async () => {
    const t = setup();
    t.saver.edit({ title: 'New title' });
    expect(t.clock.pending).toBe(1);
    await t.saver.saveNow({ keepalive: true });
    expect(t.server.saves).toEqual([{ doc: expect.objectContaining({ title: 'New title' }), keepalive: true }]);
    expect(t.clock.pending).toBe(0);
    t.clock.advance(1_000);
    await flush();
    expect(t.server.saves).toHaveLength(1);
    // Nothing to save: no request.
    await t.saver.saveNow();
    expect(t.server.saves).toHaveLength(1);
  });

  it('names the cause of a failed save and retries on the next edit', async () => {
    const t = setup();
    const failing = t.server.update;
    t.server.update = async () => {
      throw new Error('disk full');
    };
    t.saver.edit({ body: 'x' });
    t.clock.advance(500);
    await flush();
    expect(t.state()).toMatchObject({ saveState: 'error', saveError: 'Not saved: disk full' });
    t.server.update = failing;
    t.saver.edit({ body: 'xy' });
    t.clock.advance(500);
    await flush();
    expect(t.state()).toMatchObject({ saveState: 'saved', doc: { body: 'xy' } });
  });
});
