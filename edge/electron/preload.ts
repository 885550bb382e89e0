/**
 * The POS window's preload: the page gets two calls and nothing else of Node or Electron
 * (context isolation on, sandboxed renderer).
 */
import { contextBridge, ipcRenderer } from 'electron';
import { type AppInfo, type BrigadeBridge, IPC } from './ipc-channels';

const bridge: BrigadeBridge = {
  appInfo: () => ipcRenderer.invoke(IPC.appInfo) as Promise<AppInfo>,
  reloadScreen: () => ipcRenderer.invoke(IPC.reloadScreen) as Promise<void>,
};

contextBridge.exposeInMainWorld('brigade', bridge);
