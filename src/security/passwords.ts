import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'

const scryptAsync = (password: string, salt: Buffer, keylen: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) => scrypt(password, salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key))))

const KEY_LENGTH = 32

/**
 * scrypt password hashes, stored as `scrypt$N$r$p$salt$hash` (base64url) so that the
 * cost can be raised later without invalidating existing hashes.
 */
export class PasswordHasher {
  constructor(private readonly cost: number) {}

  async hash(password: string, cost = this.cost): Promise<string> {
    const salt = randomBytes(16)
    const key = await scryptAsync(password, salt, KEY_LENGTH, this.options(cost, 8, 1))
    return ['scrypt', cost, 8, 1, salt.toString('base64url'), key.toString('base64url')].join('$')
  }

  /** A hash made with a lower cost than today's, to be replaced after a successful login. */
  needsRehash(stored: string | null): boolean {
    const cost = Number(stored?.split('$')[1])
    return stored?.startsWith('scrypt$') === true && cost < this.cost
  }

  async verify(password: string, stored: string | null): Promise<boolean> {
    // Hash even when there is nothing to compare with, so timing does not reveal unknown users.
    const parts = stored?.split('$') ?? []
    if (parts.length !== 6 || parts[0] !== 'scrypt') {
      await this.hash(password)
      return false
    }
    const [, n, r, p, salt, expected] = parts
    const key = await scryptAsync(password, Buffer.from(salt, 'base64url'), KEY_LENGTH, this.options(Number(n), Number(r), Number(p)))
    const want = Buffer.from(expected, 'base64url')
    return want.length === key.length && timingSafeEqual(want, key)
  }

  private options(N: number, r: number, p: number): ScryptOptions {
    return { N, r, p, maxmem: 256 * N * r + 1024 * 1024 }
  }
}

/** A password people can type from a printout: no look-alike characters. */
export function generatePassword(length = 12): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'
  const bytes = randomBytes(length)
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('')
}
