import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The config runs in Node; the screens' no-Node-imports rule is why this avoids node:path.
const here = (path: string): string => (path === '.' ? import.meta.dirname : `${import.meta.dirname}/${path}`);
const hub = process.env.BRIGADE_HUB_URL ?? 'http://127.0.0.1:3000';

/**
 * One multi-page build for the three store screens. `base: './'` keeps every asset URL
 * relative, so the hub can serve `ui/dist` under any prefix and the Electron shell can load
 * the files directly. Output: dist/pos/index.html, dist/kiosk/index.html, dist/kds/index.html
 * sharing dist/assets/.
 */
export default defineConfig({
  root: here('.'),
  base: './',
  plugins: [react()],
  build: {
    outDir: here('dist'),
    emptyOutDir: true,
    // Budget: a kiosk on a slow LAN must start in a blink; no UI kit, plain CSS.
    chunkSizeWarningLimit: 400,
    rollupOptions: {
      input: {
        pos: here('pos/index.html'),
        kiosk: here('kiosk/index.html'),
        kds: here('kds/index.html'),
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: hub, changeOrigin: true },
      '/healthz': { target: hub, changeOrigin: true },
      '/ws': { target: hub, ws: true, changeOrigin: true },
    },
  },
});
