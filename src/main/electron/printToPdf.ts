import { BrowserWindow, dialog } from 'electron';
import fs from 'node:fs/promises';

/** A file name from a document title: no path separators, no reserved characters. */
export function pdfFileName(title: string): string {
  const base = title.replace(/[\\/:*?"<>|\x00-\x1f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 120);
  return `${base || 'document'}.pdf`;
}

/** Renders the focused window with the print stylesheet and saves it where the user chooses. */
export async function printFocusedToPdf(title: string): Promise<{ saved: boolean; path: string | null }> {
  const win = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  if (!win) return { saved: false, path: null };
  const data = await win.webContents.printToPDF({ printBackground: false, pageSize: 'A4' });
  const choice = await dialog.showSaveDialog(win, { title: 'Save as PDF', defaultPath: pdfFileName(title), filters: [{ name: 'PDF', extensions: ['pdf'] }] });
  if (choice.canceled || !choice.filePath) return { saved: false, path: null };
  await fs.writeFile(choice.filePath, data);
  return { saved: true, path: choice.filePath };
}
