import { useEffect, useState } from 'react';
import { createPortal, flushSync } from 'react-dom';
import type { Document } from '../../shared/document';
import { documentToMarkdown } from '../../shared/format/documentMarkdown';
import { call, errorMessage } from '../api/client';
import { diagramsSettled } from '../markdown/mermaidDiagrams';
import { useAppStore } from '../store';

type PrintViewComponent = (typeof import('./PrintView'))['PrintView'];
let printViewLoad: Promise<PrintViewComponent> | null = null;
/**
 * The print view renders with the Markdown renderer, a chunk of its own; it
 * is fetched when a document's actions first show, so that the browser's own
 * print (Ctrl+P: `beforeprint` is synchronous) finds it ready.
 */
const loadPrintView = (): Promise<PrintViewComponent> => (printViewLoad ??= import('./PrintView').then((m) => m.PrintView));

async function copyText(text: string): Promise<void> {
  if (navigator.clipboard?.writeText) return navigator.clipboard.writeText(text);
  // Older engines or a denied permission: the selection route still works.
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  const ok = document.execCommand('copy');
  area.remove();
  if (!ok) throw new Error('the clipboard is not available');
}

/** Copy as Markdown (the same text the team repo file holds) and Print / Save as PDF. */
export function DocumentActions({ doc }: { doc: Document }) {
  const toast = useAppStore((s) => s.toast);
  const bridge = useAppStore((s) => s.bridge);
  const [printing, setPrinting] = useState(false);
  const [PrintView, setPrintView] = useState<PrintViewComponent | null>(null);
  useEffect(() => {
    let live = true;
    void loadPrintView().then((view) => live && setPrintView(() => view));
    return () => {
      live = false;
    };
  }, []);
  useEffect(() => {
    // Ctrl+P or the browser menu print too: render the print view for them as well.
    const before = (): void => flushSync(() => setPrinting(true));
    const after = (): void => setPrinting(false);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
  const copy = async (): Promise<void> => {
    try {
      await copyText(documentToMarkdown(doc));
      toast('info', 'Copied as Markdown.');
    } catch (e) {
      toast('error', `Could not copy: ${errorMessage(e)}`);
    }
  };
  const print = async (): Promise<void> => {
    await useAppStore.getState().saveNow();
    const view = await loadPrintView();
    flushSync(() => {
      setPrintView(() => view);
      setPrinting(true);
    });
    // Diagrams draw asynchronously; the page is printed once each is drawn or shows its problem.
    await diagramsSettled(document.querySelector('.print-view') ?? document);
    if (bridge !== 'electron') {
      window.print();
      return;
    }
    try {
      const r = await call('app:printToPdf', { title: doc.title });
      if (r.saved) toast('info', `Saved ${r.path ?? 'the PDF'}.`);
    } catch (e) {
      toast('error', `Could not save the PDF: ${errorMessage(e)}`);
    } finally {
      setPrinting(false);
    }
  };
  return (
    <div className="document-actions">
      {printing && PrintView && createPortal(<PrintView doc={doc} />, document.body)}
      <button type="button" className="button button-quiet" onClick={() => void copy()}>
        Copy as Markdown
      </button>
      <button type="button" className="button button-quiet" onClick={() => void print()}>
        {bridge === 'electron' ? 'Save as PDF' : 'Print / PDF'}
      </button>
    </div>
  );
}
