// The preload of every DesignDesk window. It runs sandboxed and isolated:
// it may only require 'electron' (contextBridge, ipcRenderer), so esbuild
// bundles everything else into dist/main/preload.cjs.
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS } from '../../shared/contract';
import { BRIDGE_GLOBAL, buildBridgeApi } from './bridgeApi';

contextBridge.exposeInMainWorld(
  BRIDGE_GLOBAL,
  buildBridgeApi(CHANNELS, (channel, input) => ipcRenderer.invoke(channel, input)),
);
