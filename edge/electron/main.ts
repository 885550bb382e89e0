/**
 * The Electron shell of the edge node: starts the same edge node as the headless service
 * (store, hub, print runner) in this process, then opens the POS window on it. Everything
 * that matters runs in plain Node code under edge/src; this file only wires the desktop.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BrowserWindow, app, ipcMain } from 'electron';
import { pino } from 'pino';
import { loadConfig } from '../src/config';
import { type EdgeNode, hubUrl, startEdgeNode } from '../src/hub/index';
import { type AppInfo, IPC } from './ipc-channels';
import { openPosWindow } from './windows';

// build-shell.ts writes the compiled preload here, beside the compiled main.
const preloadPath = fileURLToPath(new URL('./dist/preload.cjs', import.meta.url));
const config = loadConfig({ ...process.env, BRIGADE_DATA_DIR: process.env.BRIGADE_DATA_DIR || join(app.getPath('userData'), 'edge') });
const logger = pino({ level: config.logLevel, base: { service: 'brigade-edge-app' } });
let node: EdgeNode | null = null;

/** The appliance pairs its own POS with the setup code made when its database was created. */
function posSetupCode(edge: EdgeNode): string | null {
  return edge.store.bootSetupCode ?? edge.store.auth.activeSetupCodes().find((code) => code.role === 'pos' && !code.reusable)?.code ?? null;
}

async function start(): Promise<void> {
  node = await startEdgeNode({ config, logger });
  const local = `http://127.0.0.1:${node.port}`;
  const info: AppInfo = { version: app.getVersion(), hubUrl: local, lanUrl: hubUrl(config.hub.host, node.port) };
  ipcMain.handle(IPC.appInfo, () => info);
  ipcMain.handle(IPC.reloadScreen, (event) => BrowserWindow.fromWebContents(event.sender)?.reload());
  const code = posSetupCode(node);
  openPosWindow({
    url: `${local}/pos/${code ? `#setup=${code}` : ''}`,
    preloadPath,
    kiosk: app.isPackaged,
  });
}

app.whenReady().then(start, (error: unknown) => {
  logger.fatal({ err: error }, 'could not start the edge node');
  app.exit(1);
});

// The store keeps serving the LAN while the window is closed; only quitting stops it.
app.on('window-all-closed', () => undefined);

let quitting = false;
app.on('before-quit', (event) => {
  if (quitting || node === null) return;
  event.preventDefault();
  quitting = true;
  node.close().then(
    () => app.quit(),
    (error: unknown) => {
      logger.error({ err: error }, 'shutdown failed');
      app.exit(1);
    },
  );
});
