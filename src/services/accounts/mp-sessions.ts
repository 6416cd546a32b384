import { randomBytes, randomUUID } from 'node:crypto'
import type { Clock } from '../../clock.js'
import { ConflictError, UnauthorizedError } from '../../errors.js'
import type { MpUserRecord, Store } from '../../store/ports.js'
import { hashToken } from './auth.js'

/** A person of the mini-program (or the bot, on their behalf): always a resident, a deputy once bound. */
export interface MpPrincipal {
  kind: 'mp_user'
  id: string
  deputyId: string | null
  /**
   * The privacy notice version they agreed to, as read when they signed in to this request
   * (so a message does not read their row again); absent where a principal is made otherwise.
   */
  consentVersion?: string | null
}

const SESSION_DAYS = 30
const TOUCH_EVERY_MS = 60_000

/**
 * Mini-program sessions: an opaque bearer token stored hashed, expiring, revocable.
 * How a person proves who they are (wx.login → code2Session) arrives with the WeChat
 * client; this holds what comes after.
 */
export class MpSessions {
  constructor(
    private readonly store: Pick<Store, 'mpUsers' | 'sessions'>,
    private readonly clock: Clock,
    /** Whether a deputy is in office (from the directory's cache: every request asks). */
    private readonly inOffice: (deputyId: string) => Promise<boolean> = async () => true,
  ) {}

  /** The person behind an openid, created on first sight. */
  async userForOpenid(openid: string, unionid: string | null = null): Promise<MpUserRecord> {
    const existing = await this.store.mpUsers.getByOpenid(openid)
    if (existing) return existing
    try {
      return await this.store.mpUsers.create({
        id: `mu-${randomUUID()}`,
        openid,
        unionid,
        deputyId: null,
        phoneEnc: null,
        phoneIndex: null,
        consentVersion: null,
        consentAt: null,
        createdAt: this.clock.now(),
      })
    } catch (err) {
      // Two first logins at once: the other one created the person.
      const created = err instanceof ConflictError ? await this.store.mpUsers.getByOpenid(openid) : null
      if (created) return created
      throw err
    }
  }

  async issue(userId: string): Promise<{ token: string; expiresAt: Date }> {
    const now = this.clock.now()
    const token = randomBytes(32).toString('base64url')
    const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000)
    await this.store.sessions.create({
      id: randomUUID(),
      tokenHash: hashToken(token),
      subjectKind: 'mp_user',
      subjectId: userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
    })
    return { token, expiresAt }
  }

  async authenticate(authorization: string | undefined): Promise<MpPrincipal> {
    const token = authorization?.match(/^Bearer ([A-Za-z0-9_-]{20,100})$/)?.[1]
    if (!token) throw new UnauthorizedError()
    // The session and its person in one read: every request of the mini-program asks.
    const found = await this.store.sessions.findMpSession(hashToken(token))
    const now = this.clock.now()
    if (!found || found.session.subjectKind !== 'mp_user') throw new UnauthorizedError()
    const { session, person: user } = found
    if (session.expiresAt.getTime() <= now.getTime()) {
      await this.store.sessions.delete(session.id)
      throw new UnauthorizedError('登录已过期，请重新进入小程序', 'session_expired')
    }
    if (!user) throw new UnauthorizedError()
    if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) await this.store.sessions.touch(session.id, now)
    // A deputy who has left office signs in as the resident they are; the link stays, for a restoring.
    const deputyId = user.deputyId && (await this.inOffice(user.deputyId)) ? user.deputyId : null
    return { kind: 'mp_user', id: user.id, deputyId, consentVersion: user.consentVersion }
  }

  async revokeAll(userId: string) {
    await this.store.sessions.deleteForSubject('mp_user', userId)
  }
}
