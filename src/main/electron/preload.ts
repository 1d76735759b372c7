// The preload of every DesignDesk window. It runs sandboxed and isolated:
// it may only require 'electron' (contextBridge, ipcRenderer), so esbuild
// bundles everything else into dist/main/preload.cjs.
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS } from '../../shared/contract';
import { MENU_COMMAND_EVENT } from '../../shared/menuCommands';
import { BRIDGE_GLOBAL, bufferedSubscription, buildBridgeApi } from './bridgeApi';

contextBridge.exposeInMainWorld(
  BRIDGE_GLOBAL,
  buildBridgeApi(
    CHANNELS,
    (channel, input) => ipcRenderer.invoke(channel, input),
    // One-way, main -> renderer: the menu's actions and designdesk:// links,
    // held until the page subscribes (a link can launch the app).
    bufferedSubscription((handler) => ipcRenderer.on(MENU_COMMAND_EVENT, (_event, payload: unknown) => handler(payload))),
  ),
);
