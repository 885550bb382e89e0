/**
 * The IPC channels between the Electron main process and the POS window, declared once so
 * neither side repeats a bare string.
 */
export const IPC = {
  /** invoke → AppInfo */
  appInfo: 'brigade:app-info',
  /** invoke → void: reload the POS window (after a screen update). */
  reloadScreen: 'brigade:reload-screen',
} as const;

export type IpcChannel = (typeof IPC)[keyof typeof IPC];

export interface AppInfo {
  readonly version: string;
  /** The hub the POS window talks to (this process). */
  readonly hubUrl: string;
  /** Screens on the LAN reach the hub here. */
  readonly lanUrl: string;
}

/** What the preload exposes to the page as `window.brigade`. */
export interface BrigadeBridge {
  appInfo(): Promise<AppInfo>;
  reloadScreen(): Promise<void>;
}
