import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Builds the renderer once; the Electron shell (app:// protocol) and the web
// host serve the same files from dist/renderer.
export default defineConfig({
  root: 'src/renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
  },
});
