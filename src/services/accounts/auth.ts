import { createHash, hash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto'
import type { Clock } from '../../clock.js'
import { UnauthorizedError, UnprocessableError, ValidationError } from '../../errors.js'
import { BUILT_IN_ADMIN_ID } from '../../domain/directory-import.js'
import type { PasswordHasher } from '../../security/passwords.js'
import type { PiiCipher } from '../../security/pii.js'
import { activationHashOf, legacyActivationHashesOf } from './activation.js'
import { PASSWORD_ADVICE, passwordWeakness } from '../../security/password-strength.js'
import type { StaffRecord, Store } from '../../store/ports.js'
import type { AuditTrail } from '../audit.js'
import { officeToAsk } from '../../domain/office-name.js'
import type { DirectoryCache } from '../directory/directory-cache.js'
import type { StaffPrincipal } from './principal.js'
import { LoginThrottle, normalizeUsername, type LoginThrottleSettings } from './login-throttle.js'

export interface AuthSettings extends LoginThrottleSettings {
  sessionTtlHours: number
  sessionIdleMinutes: number
  /** An activation code works this many days after it first appeared in a sync file. */
  activationValidDays: number
  /** LIAISON_ADMIN_PASSWORD: when set, the built-in admin's password is the deployment's, set again at every start. */
  adminPassword?: string | null
}

/**
 * SHA-256 of a session token, base64url: the form stored in `sessions.token_hash`, so it must never
 * change. One-shot `hash` (Node ≥ 20.12): every signed-in request hashes its token, and a Hash
 * object per call cost ~1 µs more (in-process, 200,000 tokens: ~1.1 → ~0.4 µs).
 */
export const hashToken = (token: string) => hash('sha256', token, 'base64url')

export interface StaffSession {
  token: string
  staff: StaffPrincipal
  expiresAt: Date
}

const WRONG_ACTIVATION = '账号或激活码不对，请核对后再输入（激活码不分大小写）；已经激活过的账号，请直接用密码登录'

/** A password a person chooses (activation, a change) must not be easy to guess: 422 password_too_weak, saying why and what is needed. */
async function requireStrongPassword(password: string, about: string[]) {
  const weakness = await passwordWeakness(password, about)
  if (!weakness) return
  throw new UnprocessableError(
    `这个密码太简单，容易被人猜到：${weakness}。${PASSWORD_ADVICE}`,
    [{ path: 'body.newPassword', message: weakness }],
    'password_too_weak',
  )
}

/** Sessions are touched at most this often, so reading a page is not a write each time. */
const TOUCH_EVERY_MS = 60_000

/**
 * Console logins: scrypt passwords, opaque session tokens stored hashed, absolute and
 * idle expiry, and throttling of repeated failures (LoginThrottle).
 */
export class AuthService {
  /** Shared with StaffService, whose admins lift locks. */
  readonly throttle: LoginThrottle
  private readonly store: Pick<Store, 'sessions' | 'staff'>
  private readonly passwords: PasswordHasher
  private readonly audit: AuditTrail
  private readonly clock: Clock
  private readonly settings: AuthSettings
  private readonly cipher: Pick<PiiCipher, 'blindIndex'>
  private readonly directory: Pick<DirectoryCache, 'prepared'> | null

  constructor(deps: {
    store: Pick<Store, 'sessions' | 'staff' | 'loginFailures'>
    passwords: PasswordHasher
    audit: AuditTrail
    clock: Clock
    settings: AuthSettings
    cipher: Pick<PiiCipher, 'blindIndex'>
    /** The directory that names the office a console user turns to (officeToAsk); none: 人大办公室 unnamed. */
    directory?: Pick<DirectoryCache, 'prepared'>
  }) {
    ;({ store: this.store, passwords: this.passwords, audit: this.audit, clock: this.clock, settings: this.settings, cipher: this.cipher } = deps)
    this.directory = deps.directory ?? null
    this.throttle = new LoginThrottle(deps.store.loginFailures, deps.clock, deps.settings)
  }

  async login(username: string, password: string, client: string): Promise<StaffSession> {
    const user = normalizeUsername(username)
    await this.throttle.count(user, client)
    const staff = await this.store.staff.getByUsername(user)
    const passwordOk = await this.passwords.verify(password, staff?.passwordHash ?? null)
    // Said only to whoever has the right password: she did not forget it, the office switched the account off.
    if (passwordOk && staff && !staff.active) {
      await this.audit.record(null, 'login.failed', { kind: 'staff', id: staff.id }, { username: user, client, reason: 'disabled' })
      throw new UnauthorizedError(`这个账号已停用，如需使用，请联系${await this.officeToAsk(staff)}`, 'account_disabled')
    }
    const ok = passwordOk && staff?.active === true
    if (!ok || !staff) {
      await this.audit.record(null, 'login.failed', staff ? { kind: 'staff', id: staff.id } : null, { username: user, client })
      // One answer for every failure: it must not tell which part was wrong.
      throw new UnauthorizedError('账号或密码不对，请再输一次；忘了密码请找管理员重置。', 'invalid_credentials')
    }
    await this.throttle.succeeded(user, client)
    if (this.passwords.needsRehash(staff.passwordHash)) await this.store.staff.update(staff.id, { passwordHash: await this.passwords.hash(password) })
    return this.startSession(staff, client)
  }

  /**
   * First login with the one-time activation code from the sync file: the staff member sets
   * their own password, the code stops working, and they are signed in. Throttled and
   * answered like a login, so it tells nothing about which part was wrong.
   */
  async activate(username: string, code: string, newPassword: string, client: string) {
    const user = normalizeUsername(username)
    await this.throttle.count(user, client)
    const staff = await this.store.staff.getByUsername(user)
    const stored = Buffer.from(staff?.activationHash ?? '')
    // Today's hash (case, spaces and hyphens do not count), or one a code stored before that had.
    const matches = [activationHashOf(this.cipher, code), ...legacyActivationHashesOf(this.cipher, code)].some((hash) => {
      const given = Buffer.from(hash)
      return stored.length === given.length && timingSafeEqual(stored, given)
    })
    const ok = staff?.active === true && !staff.passwordHash && matches
    if (!ok || !staff) {
      await this.audit.record(null, 'activation.failed', staff ? { kind: 'staff', id: staff.id } : null, { username: user, client })
      // One answer for every failure, as at a login; it says what to check, and where an activated account goes instead.
      throw new UnauthorizedError(WRONG_ACTIVATION, 'invalid_activation')
    }
    // Said only to whoever holds the right code: an old code in an old sync file must not open the account.
    const issuedAt = staff.activationIssuedAt
    if (issuedAt && this.clock.now().getTime() - issuedAt.getTime() > this.settings.activationValidDays * 86_400_000) {
      await this.audit.record(null, 'activation.expired', { kind: 'staff', id: staff.id }, { username: user, client })
      throw new UnauthorizedError(
        `这个激活码已过期（有效期 ${this.settings.activationValidDays} 天），请联系${await this.officeToAsk(staff)}重新获取激活码`,
        'activation_expired',
      )
    }
    await this.throttle.succeeded(user, client)
    // The right code: the password is judged now (a weak one keeps the code unused, to try another).
    await requireStrongPassword(newPassword, [staff.username, staff.name])
    const activated = await this.store.staff.update(staff.id, {
      passwordHash: await this.passwords.hash(newPassword),
      activationHash: null,
      activationIssuedAt: null,
      // They chose it themselves: nothing to change.
      mustChangePassword: false,
    })
    await this.audit.record(this.principalOf(activated), 'account.activated', { kind: 'staff', id: staff.id }, { client })
    return this.startSession(activated, client)
  }

  /**
   * A signed-in staff member changes their own password. A wrong current password counts as a
   * failed login (someone at an unlocked desk must not guess it freely). Every session of theirs
   * ends, elsewhere too, and this one is replaced by a new one.
   */
  async changePassword(actor: StaffPrincipal, currentPassword: string, newPassword: string, client: string): Promise<StaffSession> {
    await this.throttle.count(actor.username, client)
    const staff = await this.store.staff.get(actor.id)
    if (!staff?.active) throw new UnauthorizedError()
    // Changed here, it would come back at the next start (ensureAdmin): say where it is changed instead.
    if (staff.id === BUILT_IN_ADMIN_ID && this.settings.adminPassword) {
      const words = '系统内置管理员的密码由服务器的部署设置（LIAISON_ADMIN_PASSWORD）决定，请在服务器上修改后重启'
      throw new UnprocessableError(words, [{ path: 'body.newPassword', message: words }], 'password_set_by_deployment')
    }
    if (!(await this.passwords.verify(currentPassword, staff.passwordHash))) {
      await this.audit.record(actor, 'staff.password.change_failed', { kind: 'staff', id: staff.id }, { client })
      throw new ValidationError('当前密码不正确', [{ path: 'body.currentPassword', message: '当前密码不正确' }], 'wrong_password')
    }
    await this.throttle.succeeded(actor.username, client)
    await requireStrongPassword(newPassword, [staff.username, staff.name])
    const changed = await this.store.staff.update(staff.id, { passwordHash: await this.passwords.hash(newPassword), mustChangePassword: false })
    await this.store.sessions.deleteForSubject('staff', staff.id)
    await this.audit.record(actor, 'staff.password.changed', { kind: 'staff', id: staff.id }, { client })
    return this.startSession(changed, client, false)
  }

  private async startSession(staff: StaffRecord, client: string, isLogin = true): Promise<StaffSession> {
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
    const principal = this.principalOf(staff)
    if (isLogin) await this.audit.record(principal, 'login.succeeded', { kind: 'staff', id: staff.id }, { client })
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
    return this.principalOf(staff)
  }

  /**
   * The built-in admin whose password the deployment sets is never held to change it: it cannot be
   * changed here (changePassword), so after an admin's reset of it they would be shut out until a restart.
   */
  private principalOf(staff: StaffRecord): StaffPrincipal {
    const setByDeployment = staff.id === BUILT_IN_ADMIN_ID && !!this.settings.adminPassword
    return { ...toPrincipal(staff), mustChangePassword: staff.mustChangePassword && !setByDeployment }
  }

  /**
   * The office a console user turns to, by its name (office-name.ts officeToAsk): the district office of her stations or
   * streets, else the whole installation's (a district's organizer asks the city's). Told with her session, and in the
   * refusals of her own login.
   */
  async officeToAsk(staff: Pick<StaffRecord, 'role' | 'stationIds' | 'regionIds'>): Promise<string> {
    return this.directory ? officeToAsk(staff, await this.directory.prepared()) : '人大办公室'
  }

  async logout(token: string | undefined) {
    if (!token) return
    const session = await this.store.sessions.findByTokenHash(hashToken(token))
    if (session) await this.store.sessions.delete(session.id)
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
    mustChangePassword: staff.mustChangePassword,
  }
}
