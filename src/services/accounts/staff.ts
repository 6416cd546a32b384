import { randomUUID } from 'node:crypto'
import { GONE } from '../../domain/choice-words.js'
import type { StaffRole } from '../../domain/directory.js'
import { BUILT_IN_ADMIN_ID } from '../../domain/directory-import.js'
// The word the import's 负责地区 cell takes for the whole city: the console offers the same.
import { WHOLE_CITY } from '../../domain/directory-sheet-specs.js'
import { ConflictError, ValidationError, NotFoundError, UnprocessableError } from '../../errors.js'
import { generatePassword, type PasswordHasher } from '../../security/passwords.js'
import type { StaffQuery, StaffRecord, Store } from '../../store/ports.js'
import type { AuditTrail } from '../audit.js'
import { normalizeUsername, type LoginThrottle } from './login-throttle.js'
import { requireRole, type StaffPrincipal } from './principal.js'

export interface StaffInput {
  name: string
  username: string
  role: StaffRole
  stationIds: string[]
  regionIds: string[]
  /** Only for unit_staff: the handling units they answer for. */
  unitIds: string[]
  /** An organizer who looks after the whole city, chosen in so many words (organizerRegions). */
  wholeCity?: boolean
}
export type StaffEdit = Partial<Omit<StaffInput, 'username' | 'regionIds'>> & { active?: boolean; regionIds?: string[] | null }

/** checkAssignments' fields, as the staff form names them. */
const FIELD_NAMES: Record<string, string> = { stationIds: '所属联络站：', regionIds: '负责地区：', unitIds: '所属承办单位：' }

/**
 * The regions an organizer is written with, or undefined to keep the stored ones. The whole city is stored as no
 * regions, as the import stores its 全市; so no regions are written only with `wholeCity` said: a form left blank,
 * or a clerk made an organizer without saying where, must not widen what she sees to every district (422).
 * An organizer stored before with no regions keeps the whole city while other fields change.
 */
export function organizerRegions(
  role: StaffRole,
  current: Pick<StaffRecord, 'role' | 'regionIds'> | undefined,
  asked: Pick<StaffEdit, 'regionIds' | 'wholeCity'>,
) {
  const refuse = (path: string, message: string) => {
    throw new UnprocessableError(message, [{ path, message }], 'organizer_regions_required')
  }
  if (asked.wholeCity) {
    if (role !== 'organizer') refuse('body.wholeCity', `只有人大办工作人员可以负责${WHOLE_CITY}`)
    if (asked.regionIds?.length) refuse('body.regionIds', `“${WHOLE_CITY}”已包含所有地区，请只选“${WHOLE_CITY}”，或只选具体的地区`)
    return []
  }
  const unsaid = `请选择负责的地区，负责${WHOLE_CITY}的请选“${WHOLE_CITY}”`
  if (role !== 'organizer') return asked.regionIds
  if (asked.regionIds) return asked.regionIds.length ? asked.regionIds : refuse('body.regionIds', unsaid)
  // A new organizer, or one made from another role: a clerk's extra regions are not an organizer's choice.
  if (!current || current.role !== 'organizer') return refuse('body.regionIds', unsaid)
  // "Not the whole city" with no regions named says nowhere.
  if (asked.wholeCity === false && !current.regionIds.length) return refuse('body.regionIds', unsaid)
  return undefined
}

/**
 * Console accounts, managed by admins. New and reset passwords are shown once, and the admin who
 * read them knows them: the person must change such a password before doing anything else.
 */
export class StaffService {
  constructor(
    private readonly store: Pick<Store, 'regions' | 'sessions' | 'staff' | 'stations' | 'units'>,
    private readonly passwords: PasswordHasher,
    private readonly audit: AuditTrail,
    /** The console's count of failed logins, whose locks an admin lifts. */
    private readonly logins: Pick<LoginThrottle, 'forget' | 'locked'>,
    /** Told after an account is added or changed: the shared directory cache names staff in audiences. */
    private readonly onChange: () => void = () => {},
    /** LIAISON_ADMIN_PASSWORD is set: the built-in admin's password is the server's to set, and comes back at each start. */
    private readonly adminPasswordFromDeployment = false,
  ) {}

  search(actor: StaffPrincipal, query: StaffQuery) {
    requireRole(actor, 'admin')
    return this.store.staff.search(query)
  }

  async get(actor: StaffPrincipal, id: string) {
    requireRole(actor, 'admin')
    const staff = await this.store.staff.get(id)
    if (!staff) throw new NotFoundError('工作人员不存在')
    return staff
  }

  async create(actor: StaffPrincipal, input: StaffInput): Promise<{ staff: StaffRecord; password: string }> {
    requireRole(actor, 'admin')
    await this.checkAssignments(input)
    if (await this.store.staff.getByUsername(input.username)) {
      throw new ConflictError(`登录账号“${input.username}”已经有人在用，请换一个`, [{ path: 'body.username', message: '已经有人在用' }])
    }
    const { wholeCity, ...account } = input
    const regionIds = organizerRegions(input.role, undefined, { regionIds: input.regionIds, wholeCity }) ?? input.regionIds
    const password = generatePassword()
    const staff = await this.store.staff.create({
      id: `sf-${randomUUID().slice(0, 8)}`,
      ...account,
      regionIds,
      activationHash: null,
      activationIssuedAt: null,
      active: true,
      passwordHash: await this.passwords.hash(password),
      mustChangePassword: true,
    })
    this.onChange()
    await this.audit.record(actor, 'staff.create', { kind: 'staff', id: staff.id }, { role: staff.role })
    return { staff, password }
  }

  async update(actor: StaffPrincipal, id: string, asked: StaffEdit) {
    // No regions sent as null are no regions: an organizer is then asked for hers (organizerRegions), in words.
    const { regionIds: askedRegions, ...rest } = asked
    const edit: Omit<StaffEdit, 'regionIds'> & { regionIds?: string[] } = askedRegions === undefined ? rest : { ...rest, regionIds: askedRegions ?? [] }
    const current = await this.get(actor, id)
    if (current.id === actor.id && (edit.active === false || (edit.role && edit.role !== 'admin'))) {
      throw new ConflictError('不能停用自己或取消自己的管理员身份')
    }
    await this.checkAssignments({ ...current, ...edit })
    const { wholeCity, ...fields } = edit
    const regionIds = organizerRegions(edit.role ?? current.role, current, edit)
    if (regionIds) fields.regionIds = regionIds
    // A clerk made an organizer belongs to no station: her scope is her regions, and a station's staff (the audit's
    // reach of a district office, the station's clerks) must not keep counting her.
    if (fields.role === 'organizer' && current.role !== 'organizer' && current.stationIds.length) fields.stationIds = []
    // Disabled: her WeChat binding goes in the same write, audited (she could not sign in to let go of it, and her
    // chat's erasure tells her that WeChat is cleared).
    const unbound = edit.active === false ? this.audit.entry(actor, 'staff.bot_unbound', { kind: 'staff', id }, { cause: 'account_disabled' }) : undefined
    const updated = await this.store.staff.update(id, fields, unbound)
    this.onChange()
    // A deactivated account or a changed role must not keep old sessions.
    if (edit.active === false || (edit.role && edit.role !== current.role)) await this.store.sessions.deleteForSubject('staff', id)
    await this.audit.record(actor, 'staff.update', { kind: 'staff', id }, { fields: Object.keys(fields), ...(wholeCity ? { wholeCity: true } : {}) })
    return updated
  }

  async resetPassword(actor: StaffPrincipal, id: string) {
    const staff = await this.get(actor, id)
    // A reset would leave a password the resetting admin read, which its owner could not change
    // (AuthService.changePassword refuses: it comes from the deployment) until the next start.
    if (staff.id === BUILT_IN_ADMIN_ID && this.adminPasswordFromDeployment) {
      const words = '系统内置管理员的密码由服务器的部署设置（LIAISON_ADMIN_PASSWORD）决定，请在服务器上修改后重启，不能在这里重置'
      throw new UnprocessableError(words, [{ path: 'params.id', message: words }], 'password_set_by_deployment')
    }
    const password = generatePassword()
    await this.store.staff.update(id, { passwordHash: await this.passwords.hash(password), mustChangePassword: true })
    await this.store.sessions.deleteForSubject('staff', id)
    // The person is about to log in with the new password: a lock from earlier guesses must not stop them.
    await this.logins.forget(staff.username)
    await this.audit.record(actor, 'staff.password.reset', { kind: 'staff', id })
    return password
  }

  /** Which of these accounts failed logins have locked now (at some address or everywhere), by id: 解除锁定 lifts it. */
  async lockedIds(actor: StaffPrincipal, accounts: StaffRecord[]): Promise<Set<string>> {
    requireRole(actor, 'admin')
    const names = await this.logins.locked(accounts.map((s) => s.username))
    return new Set(accounts.filter((s) => names.has(normalizeUsername(s.username))).map((s) => s.id))
  }

  /** Lifts the lock that failed logins put on an account, at every address. */
  async unlock(actor: StaffPrincipal, id: string) {
    const staff = await this.get(actor, id)
    await this.logins.forget(staff.username)
    await this.audit.record(actor, 'staff.login.unlocked', { kind: 'staff', id })
  }

  /** Signs a person out everywhere now (a lost phone, a shared computer); their password stays. */
  async endSessions(actor: StaffPrincipal, id: string) {
    await this.get(actor, id)
    const ended = await this.store.sessions.deleteForSubject('staff', id)
    await this.audit.record(actor, 'staff.sessions.ended', { kind: 'staff', id }, { ended })
    return ended
  }

  private async checkAssignments(s: Pick<StaffInput, 'role' | 'stationIds' | 'regionIds'> & { unitIds?: string[] }) {
    const unitIds = s.unitIds ?? []
    const details = []
    for (const [i, id] of s.stationIds.entries()) {
      if (!(await this.store.stations.get(id))) details.push({ path: `body.stationIds[${i}]`, message: GONE.station })
    }
    for (const [i, id] of s.regionIds.entries()) {
      if (!(await this.store.regions.get(id))) details.push({ path: `body.regionIds[${i}]`, message: GONE.region })
    }
    for (const [i, id] of unitIds.entries()) {
      if (!(await this.store.units.get(id))) details.push({ path: `body.unitIds[${i}]`, message: GONE.unit })
    }
    if (s.role === 'station_staff' && s.stationIds.length === 0) details.push({ path: 'body.stationIds', message: '联络站工作人员至少属于一个联络站' })
    if (s.role === 'unit_staff' && unitIds.length === 0) details.push({ path: 'body.unitIds', message: '承办单位工作人员至少属于一个承办单位' })
    if (s.role !== 'unit_staff' && unitIds.length > 0) details.push({ path: 'body.unitIds', message: '只有承办单位工作人员属于承办单位' })
    // Said in the message too: a bare 输入有误 names neither the field nor what is wrong.
    if (details.length)
      throw new ValidationError(details.map((d) => `${FIELD_NAMES[d.path.replace(/^body\.|\[\d+\]$/g, '')] ?? ''}${d.message}`).join('；'), details)
  }
}
