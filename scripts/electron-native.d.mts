// Types of scripts/electron-native.mjs, for the tests that import it.
export declare const ROOT: string;
export declare const NATIVE_BINDING_FILE: string;
export declare const NATIVE_BUILD_INFO_FILE: string;
export declare const NATIVE_CACHE_DIR: string;
export declare const ELECTRON_HEADERS_URL: string;

export interface WantedBuild {
  electron: string;
  abi: string | null;
  betterSqlite3: string;
}

export declare function nativeCacheDir(root: string, platform?: string, arch?: string): string;
export declare function abiOfBinary(file: string): string | null;
export declare function buildEnv(env: Record<string, string | undefined>): Record<string, string | undefined>;
export declare function wantedBuild(root?: string): WantedBuild;
export declare function isUpToDate(dir: string, wanted: WantedBuild): boolean;
export declare function ensureElectronNative(options?: {
  root?: string;
  force?: boolean;
  fromSource?: boolean;
  log?: (line: string) => void;
}): string;
