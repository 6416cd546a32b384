import type { PiiCipher } from '../../security/pii.js'

/**
 * A one-time activation code is stored only as a keyed hash (the blind-index key): a code
 * is long and random, so unlike a password it needs no slow hash, and the same code in the
 * next nightly sync file gives the same hash, so an unchanged file changes nothing.
 */
export const activationHashOf = (cipher: Pick<PiiCipher, 'blindIndex'>, code: string) => cipher.blindIndex(`staff-activation:${code.trim()}`)
