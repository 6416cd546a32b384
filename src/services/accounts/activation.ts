import { normalizeActivationCode } from '../../domain/activation-code.js'
import type { PiiCipher } from '../../security/pii.js'

/**
 * A one-time activation code is stored only as a keyed hash (the blind-index key): a code
 * is long and random, so unlike a password it needs no slow hash, and the same code in the
 * next nightly sync file gives the same hash, so an unchanged file changes nothing.
 *
 * Hashed as printed and read out, not as typed: a clerk copies "K7P2-Q9XM-4TVB" from a phone
 * message as "k7p2 q9xm 4tvb", so case, spaces and hyphens do not count.
 */
export const activationHashOf = (cipher: Pick<PiiCipher, 'blindIndex'>, code: string) => cipher.blindIndex(`staff-activation:${normalizeActivationCode(code)}`)

/**
 * The hashes a code had before codes were normalized (the code exactly as the file wrote it), for
 * the accounts still waiting with one: the code as typed, and in upper and lower case.
 */
export const legacyActivationHashesOf = (cipher: Pick<PiiCipher, 'blindIndex'>, code: string) =>
  [...new Set([code.trim(), code.trim().toUpperCase(), code.trim().toLowerCase()])].map((c) => cipher.blindIndex(`staff-activation:${c}`))
