import { timingSafeEqual } from 'node:crypto'

/**
 * Links that open a stored file for a while without a session: `expires` (unix seconds) and
 * `sig`, a keyed digest of what the link names and until when. A link handed to someone who may
 * see the file works minutes; changing what it names or pushing its end breaks the signature.
 * Each kind of file signs with its own `purpose`, so that one kind's link never opens another's.
 */
export class SignedLinks {
  constructor(
    /** A keyed digest (HMAC) of a text. */
    private readonly sign: (text: string) => string,
    /** How long a link opens its file. */
    readonly seconds: number,
    private readonly purpose: string,
  ) {}

  /** The query (`expires=…&sig=…`) that opens `subject` until `seconds` from now. */
  query(subject: string, now: Date): string {
    const expires = Math.floor(now.getTime() / 1000) + this.seconds
    return `expires=${expires}&sig=${this.signature(subject, expires)}`
  }

  /** Whether a link's `expires` and `sig` (as they came in the query) open `subject` now. */
  opens(subject: string, expires: unknown, sig: unknown, now: Date): boolean {
    if (typeof expires !== 'string' || typeof sig !== 'string' || !/^\d{1,12}$/.test(expires)) return false
    if (Number(expires) * 1000 <= now.getTime()) return false
    const want = Buffer.from(this.signature(subject, Number(expires)))
    const got = Buffer.from(sig)
    return want.length === got.length && timingSafeEqual(want, got)
  }

  private signature(subject: string, expires: number) {
    return this.sign(`${this.purpose}:${subject}:${expires}`).slice(0, 32)
  }
}
