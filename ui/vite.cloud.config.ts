import react from '@vitejs/plugin-react';
import { type Plugin, build, defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { pngIcon } from './cloud-shared/png-icon';

// The config runs in Node; the screens' no-Node-imports rule is why this avoids node:path.
const here = (path: string): string => `${import.meta.dirname}/${path}`;
const cloud = process.env.BRIGADE_CLOUD_URL ?? 'http://127.0.0.1:8080';
const BRAND = '#1f5fbf';

/**
 * The cloud's two apps, each under its own URL prefix so the cloud can serve them at
 * `/order/` and `/dashboard/`: `ui/dist-cloud/order/` (the PWA, with its service worker
 * scoped to `/order/`) and `ui/dist-cloud/dashboard/`. They are two builds rather than one
 * multi-page build so the PWA's precache never holds the dashboard's chart code. The
 * dashboard is built when the PWA's build closes.
 */
function buildDashboardToo(): Plugin {
  let done = false;
  return {
    name: 'brigade-build-dashboard',
    apply: 'build',
    async closeBundle() {
      if (done) return;
      done = true;
      await build({
        configFile: false,
        root: here('dashboard'),
        base: '/dashboard/',
        logLevel: 'warn',
        plugins: [react()],
        build: { outDir: here('dist-cloud/dashboard'), emptyOutDir: true, chunkSizeWarningLimit: 600 },
      });
    },
  };
}

/** Icons drawn at build time, so no binary lives in the repository. */
function emitIcons(): Plugin {
  return {
    name: 'brigade-pwa-icons',
    apply: 'build',
    generateBundle() {
      for (const size of [192, 512]) this.emitFile({ type: 'asset', fileName: `icon-${size}.png`, source: pngIcon(size, BRAND) });
    },
  };
}

export default defineConfig({
  root: here('order'),
  base: '/order/',
  plugins: [
    react(),
    emitIcons(),
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: 'script-defer',
      manifest: {
        name: 'Brigade online ordering',
        short_name: 'Order',
        description: 'Order for pickup or from your table, pay online and follow your order live.',
        start_url: '/order/',
        scope: '/order/',
        display: 'standalone',
        theme_color: BRAND,
        background_color: '#ffffff',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any maskable' },
        ],
      },
      workbox: {
        // A new build takes over open pages at once, so the first visit's menu is cached too.
        clientsClaim: true,
        skipWaiting: true,
        navigateFallback: '/order/index.html',
        navigateFallbackAllowlist: [/^\/order\//],
        globPatterns: ['**/*.{js,css,html,png,svg}'],
        runtimeCaching: [
          {
            // The store's menu stays browsable offline; a fresh copy wins whenever the network answers.
            urlPattern: ({ url }) => url.pathname.startsWith('/api/public/stores/') && !url.pathname.includes('/orders'),
            handler: 'NetworkFirst',
            method: 'GET',
            options: { cacheName: 'store-menus', networkTimeoutSeconds: 4, expiration: { maxEntries: 20, maxAgeSeconds: 7 * 24 * 3600 } },
          },
        ],
      },
    }),
    buildDashboardToo(),
  ],
  build: {
    outDir: here('dist-cloud/order'),
    emptyOutDir: true,
    // Budget enforced by order/bundle-size.test.ts: 120 KB gzip of first-load JS.
    chunkSizeWarningLimit: 400,
  },
  server: {
    port: 5174,
    proxy: { '/api': { target: cloud, changeOrigin: true } },
  },
});
