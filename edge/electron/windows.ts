/** The appliance's own POS window: full screen, locked down, pointed at the local hub. */
import { BrowserWindow, shell } from 'electron';

export interface PosWindowOptions {
  /** The POS URL, with `#setup=CODE` the first time so the window pairs itself. */
  readonly url: string;
  readonly preloadPath: string;
  /** Kiosk mode on the appliance; off while developing. */
  readonly kiosk: boolean;
}

export function openPosWindow(options: PosWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    fullscreen: true,
    kiosk: options.kiosk,
    autoHideMenuBar: true,
    backgroundColor: '#111111',
    show: false,
    webPreferences: { preload: options.preloadPath, contextIsolation: true, sandbox: true, nodeIntegration: false },
  });
  const hubOrigin = new URL(options.url).origin;
  // The POS only ever shows the hub's own pages; anything else opens outside the app.
  window.webContents.setWindowOpenHandler(({ url }) => {
    void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.webContents.on('will-navigate', (event, url) => {
    if (new URL(url).origin !== hubOrigin) event.preventDefault();
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(options.url);
  return window;
}
