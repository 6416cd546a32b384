import { createHash, hash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto'
import { RateLimiterMemory, RateLimiterRes } from '../../security/rate-limiter.js'
import type { Clock } from '../../clock.js'
import { RateLimitError, UnauthorizedError } from '../../errors.js'
import type { PasswordHasher } from '../../security/passwords.js'
import type { PiiCipher } from '../../security/pii.js'
import { activationHashOf } from './activation.js'
import type { StaffRecord, Store } from '../../store/ports.js'
import type { AuditTrail } from '../audit.js'
import type { StaffPrincipal } from './principal.js'

export interface AuthSettings {
  sessionTtlHours: number
  sessionIdleMinutes: number
  loginMaxFailures: number
  loginWindowMinutes: number
}

/**
 * SHA-256 of a session token, base64url: the form stored in `sessions.token_hash`, so it must never
 * change. One-shot `hash` (Node ≥ 20.12): every signed-in request hashes its token, and a Hash
 * object per call cost ~1 µs more (in-process, 200,000 tokens: ~1.1 → ~0.4 µs).
 */
export const hashToken = (token: string) => hash('sha256', token, 'base64url')

/** Sessions are touched at most this often, so reading a page is not a write each time. */
const TOUCH_EVERY_MS = 60_000

/**
 * Console logins: scrypt passwords, opaque session tokens stored hashed, absolute and
 * idle expiry, and throttling of repeated failures per user name and per client address.
 */
export class AuthService {
  private readonly failuresByUser: RateLimiterMemory
  private readonly failuresByClient: RateLimiterMemory
  private readonly store: Pick<Store, 'sessions' | 'staff'>
  private readonly passwords: PasswordHasher
  private readonly audit: AuditTrail
  private readonly clock: Clock
  private readonly settings: AuthSettings
  private readonly cipher: Pick<PiiCipher, 'blindIndex'>

  constructor(deps: {
    store: Pick<Store, 'sessions' | 'staff'>
    passwords: PasswordHasher
    audit: AuditTrail
    clock: Clock
    settings: AuthSettings
    cipher: Pick<PiiCipher, 'blindIndex'>
  }) {
    ;({ store: this.store, passwords: this.passwords, audit: this.audit, clock: this.clock, settings: this.settings, cipher: this.cipher } = deps)
    const { settings } = deps
    const duration = Math.round(settings.loginWindowMinutes * 60)
    this.failuresByUser = new RateLimiterMemory({ keyPrefix: 'login_user', points: settings.loginMaxFailures, duration })
    // One office shares an address: allow more before the address as a whole is slowed down.
    this.failuresByClient = new RateLimiterMemory({ keyPrefix: 'login_client', points: settings.loginMaxFailures * 5, duration })
  }

  async login(username: string, password: string, client: string): Promise<{ token: string; staff: StaffPrincipal; expiresAt: Date }> {
    const user = username.trim().toLowerCase()
    // Counted before the password is checked, so that many tries at once cannot slip past the limit.
    await this.countAttempt(user, client)
    const staff = await this.store.staff.getByUsername(user)
    const ok = (await this.passwords.verify(password, staff?.passwordHash ?? null)) && staff?.active === true
    if (!ok || !staff) {
      await this.audit.record(null, 'login.failed', staff ? { kind: 'staff', id: staff.id } : null, { username: user, client })
      // One answer for every failure: it must not tell which part was wrong.
      throw new UnauthorizedError('用户名或密码错误', 'invalid_credentials')
    }
    await Promise.all([this.failuresByUser.delete(user), this.failuresByClient.reward(client)])
    if (this.passwords.needsRehash(staff.passwordHash)) await this.store.staff.update(staff.id, { passwordHash: await this.passwords.hash(password) })
    return this.startSession(staff, client)
  }

  /**
   * First login with the one-time activation code from the sync file: the staff member sets
   * their own password, the code stops working, and they are signed in. Throttled and
   * answered like a login, so it tells nothing about which part was wrong.
   */
  async activate(username: string, code: string, newPassword: string, client: string) {
    const user = username.trim().toLowerCase()
    await this.countAttempt(user, client)
    const staff = await this.store.staff.getByUsername(user)
    const given = Buffer.from(activationHashOf(this.cipher, code))
    const stored = Buffer.from(staff?.activationHash ?? '')
    const ok = staff?.active === true && !staff.passwordHash && stored.length === given.length && timingSafeEqual(stored, given)
    if (!ok || !staff) {
      await this.audit.record(null, 'activation.failed', staff ? { kind: 'staff', id: staff.id } : null, { username: user, client })
      throw new UnauthorizedError('用户名或激活码错误，激活码只能使用一次', 'invalid_activation')
    }
    await Promise.all([this.failuresByUser.delete(user), this.failuresByClient.reward(client)])
    const activated = await this.store.staff.update(staff.id, { passwordHash: await this.passwords.hash(newPassword), activationHash: null })
    await this.audit.record(toPrincipal(activated), 'account.activated', { kind: 'staff', id: staff.id }, { client })
    return this.startSession(activated, client)
  }

  private async startSession(staff: StaffRecord, client: string): Promise<{ token: string; staff: StaffPrincipal; expiresAt: Date }> {
    const now = this.clock.now()
    const token = randomBytes(32).toString('base64url')
    const expiresAt = new Date(now.getTime() + this.settings.sessionTtlHours * 3_600_000)
    await this.store.sessions.create({
      id: randomUUID(),
      tokenHash: hashToken(token),
      subjectKind: 'staff',
      subjectId: staff.id,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
    })
    const principal = toPrincipal(staff)
    await this.audit.record(principal, 'login.succeeded', { kind: 'staff', id: staff.id }, { client })
    return { token, staff: principal, expiresAt }
  }

  /** The staff member behind a session token, or UnauthorizedError when it is unknown, expired or idle too long. */
  async authenticate(token: string | undefined): Promise<StaffPrincipal> {
    if (!token) throw new UnauthorizedError()
    const session = await this.store.sessions.findByTokenHash(hashToken(token))
    if (!session || session.subjectKind !== 'staff') throw new UnauthorizedError()
    const now = this.clock.now()
    const idleLimit = session.lastSeenAt.getTime() + this.settings.sessionIdleMinutes * 60_000
    if (session.expiresAt <= now || idleLimit <= now.getTime()) {
      await this.store.sessions.delete(session.id)
      throw new UnauthorizedError('登录已过期，请重新登录', 'session_expired')
    }
    const staff = await this.store.staff.get(session.subjectId)
    if (!staff?.active) throw new UnauthorizedError()
    if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) await this.store.sessions.touch(session.id, now)
    return toPrincipal(staff)
  }

  async logout(token: string | undefined) {
    if (!token) return
    const session = await this.store.sessions.findByTokenHash(hashToken(token))
    if (session) await this.store.sessions.delete(session.id)
  }

  private async countAttempt(user: string, client: string) {
    const results = await Promise.allSettled([this.failuresByUser.consume(user), this.failuresByClient.consume(client)])
    const refused = results.flatMap((r) => (r.status === 'rejected' && r.reason instanceof RateLimiterRes ? [r.reason] : []))
    const broken = results.find((r) => r.status === 'rejected' && !(r.reason instanceof RateLimiterRes))
    if (broken?.status === 'rejected') throw broken.reason
    if (refused.length) {
      const wait = Math.max(...refused.map((res) => Math.ceil(res.msBeforeNext / 1000)))
      throw new RateLimitError(`登录失败次数过多，请 ${Math.ceil(wait / 60)} 分钟后再试`, wait)
    }
  }
}

export function toPrincipal(staff: StaffRecord): StaffPrincipal {
  return {
    kind: 'staff',
    id: staff.id,
    name: staff.name,
    username: staff.username,
    role: staff.role,
    stationIds: staff.stationIds,
    regionIds: staff.regionIds,
    unitIds: staff.unitIds ?? [],
  }
}
