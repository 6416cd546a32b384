import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto'

/**
 * Personal data (phone numbers, addresses) at rest: AES-256-GCM with a random 12-byte IV
 * and the record id as associated data (a value copied onto another record won't
 * decrypt), stored as `v1:<keyId>:<iv>:<ciphertext>:<tag>` so keys can rotate. Lookups
 * use a separate HMAC blind index, keyed apart from the encryption key.
 */
export class PiiCipher {
  private readonly encKeys = new Map<string, Buffer>()
  private readonly indexKey: Buffer
  /** Records already reported unreadable: a list viewed every minute must not flood the log. */
  private readonly reported = new Set<string>()

  constructor(
    private readonly currentKeyId: string,
    currentKeyHex: string,
    previousKeys: Record<string, string> = {},
    /** Told once per record whose value will not open (its key retired, its row damaged): the operator's log line. */
    private readonly onUnreadable: (recordId: string, reason: string) => void = () => {},
  ) {
    for (const [id, hex] of Object.entries({ ...previousKeys, [currentKeyId]: currentKeyHex })) {
      this.encKeys.set(id, derive(hex, 'liaison pii encryption'))
    }
    // Rotating the current key changes the blind index too: a rotation re-imports or re-indexes.
    this.indexKey = derive(currentKeyHex, 'liaison pii blind index')
  }

  encrypt(plaintext: string, recordId: string): string {
    const iv = randomBytes(12)
    const cipher = createCipheriv('aes-256-gcm', this.encKeys.get(this.currentKeyId)!, iv)
    cipher.setAAD(Buffer.from(recordId, 'utf8'))
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
    return ['v1', this.currentKeyId, iv.toString('base64url'), ciphertext.toString('base64url'), cipher.getAuthTag().toString('base64url')].join(':')
  }

  decrypt(envelope: string, recordId: string): string {
    const [version, keyId, iv, ciphertext, tag] = envelope.split(':')
    const key = this.encKeys.get(keyId)
    if (version !== 'v1' || !key || !tag) throw new Error(`cannot decrypt a value sealed with key "${keyId}"`)
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'))
    decipher.setAAD(Buffer.from(recordId, 'utf8'))
    decipher.setAuthTag(Buffer.from(tag, 'base64url'))
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8')
  }

  /**
   * The value, or null when it will not open. A number sealed under a key no longer configured,
   * or a damaged row, must not make the page that shows it fail: callers say so in words.
   */
  tryDecrypt(envelope: string, recordId: string): string | null {
    try {
      return this.decrypt(envelope, recordId)
    } catch (e) {
      if (!this.reported.has(recordId)) {
        if (this.reported.size >= 10_000) this.reported.clear()
        this.reported.add(recordId)
        this.onUnreadable(recordId, e instanceof Error ? e.message : String(e))
      }
      return null
    }
  }

  blindIndex(value: string): string {
    return createHmac('sha256', this.indexKey).update(value, 'utf8').digest('base64url')
  }
}

function derive(hex: string, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(hex, 'hex'), Buffer.alloc(0), info, 32))
}

/** Shown where a stored number will not open, in place of the masked number. */
export const PHONE_UNREADABLE = '电话无法读取'

/** 13800001234 → 138****1234: enough to recognise a number, not to call it. */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return null
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****'
}
