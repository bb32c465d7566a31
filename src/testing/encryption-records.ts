// The master passphrase and the volume passphrases of the simulated controller. Passphrases are kept
// only to compare with what later requests give; no reply ever carries one.
import type { SimulatorState } from './state';

export type PassphraseStatusValue = 'unset' | 'locked' | 'unlocked';

export interface EncryptionRecord {
  /** the master passphrase; undefined until it is created */
  master?: string;
  /** whether the master passphrase was given since the (simulated) controller start */
  unlocked: boolean;
  /** LUKS passphrases set through the volume definition endpoint, by volume definition uuid */
  volumePassphrases: Map<string, string>;
}

export function passphraseStatus(e: EncryptionRecord): PassphraseStatusValue {
  if (e.master === undefined) return 'unset';
  return e.unlocked ? 'unlocked' : 'locked';
}

/** What a controller restart does to encryption: the master passphrase must be entered again. */
export function lockMasterPassphrase(state: SimulatorState): void {
  state.encryption.unlocked = false;
}
