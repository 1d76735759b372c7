import { safeStorage } from 'electron';
import { AppError } from '../../shared/errors';
import { FileSecretStore } from '../sync/secretStore';

/**
 * The desktop secret store: the remote's token or password encrypted with
 * Electron's safeStorage (the OS keychain: Keychain, DPAPI, libsecret) and
 * kept, encrypted, in a file beside the workspace database.
 */
export class SafeStorageSecretStore extends FileSecretStore {
  override readonly driver = 'safeStorage';

  /** Linux without a secret service falls back to a fixed key ("basic_text"): say so instead of implying safety. */
  override get warning(): string | null {
    if (!safeStorage.isEncryptionAvailable()) return 'This system offers no keychain: DesignDesk cannot keep a token or password here.';
    if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
      return 'No keyring (such as GNOME Keyring or KWallet) is running: the token is encrypted with a fixed key, which does not really protect it.';
    }
    return null;
  }

  constructor(file: string) {
    super(
      file,
      (plain) => {
        if (!safeStorage.isEncryptionAvailable()) {
          throw new AppError('UNSUPPORTED', 'This system has no keychain DesignDesk can use to keep the password safe.');
        }
        return safeStorage.encryptString(plain).toString('base64');
      },
      (stored) => safeStorage.decryptString(Buffer.from(stored, 'base64')),
    );
  }
}
