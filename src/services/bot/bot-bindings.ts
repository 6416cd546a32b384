import { ConflictError, ForbiddenError, NotFoundError, UnprocessableError } from '../../errors.js'
import { bindDeputy, codeHash, codePool, issueCode, type CodePurpose } from '../accounts/mp-account.js'
import type { StaffRecord } from '../../store/ports.js'
import { scopeHasStation } from '../../domain/staff-scope.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import { refuseOfficialWhileJoined } from '../accounts/joined-officials.js'
import { StoreConflict } from '../../store/conflicts.js'
import { BotContacts, type BotPrincipal } from './bot-contacts.js'

/**
 * A code that binds nothing: mistyped, used, expired or locked (nothing tells which). The chat takes everyone's codes,
 * so it says where each gets a new one: a resident in the mini-program, a deputy or staff member from the station.
 */
const WRONG_CODE = [
  '绑定码无效或已过期（每个码只能用一次）。',
  '· 想把在这里发的留言放到小程序里：请在小程序“我的”里再点一次“把聊天里的留言放到这里”，把新给的那句话发给我；',
  '· 代表和工作人员：请向联络站工作人员重新获取绑定码。',
].join('\n')

/**
 * A deputy's or staff member's code (six digits: the `official` pool) that binds nothing, in their words only: a
 * resident's instructions mixed in read as if meant for them. A deputy who used the station's code in the mini-program
 * (it binds once) takes the chat's own code from his workbench there, rather than phoning the station again.
 */
const WRONG_OFFICIAL_CODE = [
  '绑定码无效或已过期（每个码只能用一次）。',
  '· 代表：在小程序里用过的绑定码，在这里不能再用。请打开小程序“代表工作台”，点“绑定微信聊天”，把给您的那句话发给我；还没有绑定小程序的，请向联络站工作人员重新获取绑定码。',
  '· 工作人员：请在工作台“绑定码”页重新获取绑定码。',
].join('\n')

/** A staff code whose account was disabled after it was given: refused, spent (BotPeople.bind). */
const STAFF_DISABLED = '这个工作人员账号已经停用，不能绑定。如果您还在岗，请联系管理员恢复账号，再重新获取绑定码。'

/** Disabled as the binding was written (the store reads it there, after the look above): the same refusal, nothing bound. */
const disabledMeanwhile = (err: unknown): never => {
  throw err instanceof StoreConflict && err.conflict === 'account_disabled' ? new ForbiddenError(STAFF_DISABLED, 'account_disabled') : err
}

/** A code that was two purposes' at once: refused, both spent (BotPeople.bind). */
const TWO_PURPOSES = '这个绑定码不能用了（为了安全已经作废）。请向联络站工作人员重新获取绑定码。'

/**
 * What the bot binds: a person to a deputy record, a staff account or her mini-program account by the code they
 * send, and a group to a station; and a staff member's own WeChat binding, given and let go of in the console.
 */
export class BotBindings extends BotContacts {
  /** Staff get a code in the console and send it to the bot, which then knows their WeChat. */
  async issueStaffCode(staff: StaffPrincipal) {
    return issueCode(this.store, this.cipher, this.clock, 'staff', staff.id, staff.id)
  }

  /** Whether the bot can reach this staff member privately (they sent it their code). */
  async staffBotBound(staff: StaffPrincipal) {
    return (await this.store.bot.contactOfStaff(staff.id)) !== null
  }

  /**
   * 解除微信绑定, by the staff member herself in the console: her WeChat is no longer where work reminders go, nor known
   * to the bot as staff. The one way to let go of it while her account is in use (her erasure in the chat keeps it, and
   * says so: staffBindingOnErasure); disabling the account lets go of it too (StaffService.update).
   */
  async unbindStaff(staff: StaffPrincipal) {
    if (await this.store.bot.unbindStaffContact(staff.id)) await this.audit.record(staff, 'staff.bot_unbound', { kind: 'staff', id: staff.id })
    return { bound: false }
  }

  /**
   * The staff binding of the chat `person` erases (删除我的信息), settled before her erasure empties her person. While her
   * account is in use it stays — work reminders still reach that WeChat — and her role is returned, to tell her so and
   * where she lets go of it. An account not in use (disabled before disabling let go of it) could not sign in to let go
   * of it: it goes now, audited, so that her chat is told the truth that its WeChat is cleared (null then, as for none).
   */
  async staffBindingOnErasure(person: BotPrincipal): Promise<Pick<StaffRecord, 'role'> | null> {
    const staffId = person.user.botContactId ? await this.store.bot.staffByContact(person.user.botContactId) : null
    if (!staffId) return null
    const staff = await this.store.staff.get(staffId)
    if (staff?.active) return { role: staff.role }
    if (await this.store.bot.unbindStaffContact(staffId))
      await this.audit.record(null, 'staff.bot_unbound', { kind: 'staff', id: staffId }, { cause: 'chat_erased', personId: person.id })
    return null
  }

  /**
   * Binds the person to what the code names: a deputy record, a staff account, or (a resident's code from the
   * mini-program, its own eight-digit shape) her mini-program account, which her chat then asks to join (`joinAsked`:
   * nothing moves until she says in the mini-program that this WeChat, `chatName`, is hers).
   */
  async bind(personId: string, code: string, chatName: string | null = null) {
    const person = await this.principal(personId)
    // The code's shape says whose codes it can be: a try is counted, and a wrong one locks, only among those.
    const pool = codePool(code)
    // A chat joined to a mini-program account binds no deputy or staff member: 解除 first, the code untried and still good.
    if (pool === 'official') refuseOfficialWhileJoined(person.user, 'chat')
    // Every chat arrives from the bot's one address: the person's own count and everyone's apply,
    // both kept in the store (a restart gives a guesser no fresh tries).
    await this.bindingGuard.tryFrom(null, personId, pool)
    const now = this.clock.now()
    const purposes: CodePurpose[] = pool === 'resident' ? ['resident'] : ['deputy', 'staff']
    const hashes = new Map(purposes.map((p) => [codeHash(this.cipher, p, code), p]))
    const found = await this.store.bindingCodes.redeemAny([...hashes.keys()], personId, now)
    if (!found.length) {
      await this.bindingGuard.wrong(this.store.bindingCodes, now, pool)
      throw new UnprocessableError(pool === 'official' ? WRONG_OFFICIAL_CODE : WRONG_CODE, [{ path: 'body.code', message: '无效' }], 'invalid_binding_code')
    }
    // One code that was both a deputy's and a staff member's (codes from before they were held apart): binding either
    // could make a staff member a deputy, so neither binds; both are spent.
    if (found.length > 1) throw new ConflictError(TWO_PURPOSES, [], 'binding_code_ambiguous')
    const [{ codeHash: hash, subjectId, expiresAt }] = found
    const purpose = hashes.get(hash)!
    if (purpose === 'resident') {
      const joinAsked = await this.chatJoin.request(personId, subjectId, expiresAt, chatName)
      await this.bindingGuard.succeeded(null, personId, 'resident')
      return { ...(await this.roles(person.user)), joinAsked }
    }
    if (purpose === 'staff') {
      // A code given before her account was disabled binds nothing: a disabled account's WeChat is nobody's to reach.
      if (!(await this.store.staff.get(subjectId))?.active) throw new ForbiddenError(STAFF_DISABLED, 'account_disabled')
      await this.store.bot.bindStaffContact(subjectId, person.user.botContactId!, this.clock.now()).catch(disabledMeanwhile)
      await this.audit.record(null, 'staff.bot_bound', { kind: 'staff', id: subjectId }, { personId })
    } else {
      await bindDeputy(this.store, this.sessions, this.audit, personId, subjectId, 'bot', now, this.revivalDays)
    }
    // Counted as right only once what it binds is written: a refused binding leaves the try counted.
    await this.bindingGuard.succeeded(null, personId)
    return this.roles((await this.store.mpUsers.get(personId))!)
  }

  /**
   * "绑定站点 ST001" in a group: only that station's staff, or organizers and admins. The
   * group's topic is kept so the bot can find the group again when its id changes.
   */
  async bindRoom(personId: string, roomId: string, stationCode: string, topic: string | null = null) {
    const person = await this.principal(personId)
    const staffId = await this.store.bot.staffByContact(person.user.botContactId!)
    const staff = staffId ? await this.store.staff.get(staffId) : null
    if (!staff?.active) throw new ForbiddenError('只有联络站工作人员可以绑定站点群，请先用工作人员绑定码绑定', 'not_staff')
    const station = await this.store.stations.getByCode(stationCode)
    if (!station) throw new NotFoundError(`没有代码为 ${stationCode} 的联络站`)
    if (staff.role === 'station_staff' && !staff.stationIds.includes(station.id)) throw new ForbiddenError('只能绑定本站的群')
    // Binding takes the station's notices, residents' words among them, away from its own group: held to the same
    // places as everything else an organizer does; handling units' staff have no station.
    if (staff.role === 'unit_staff') throw new ForbiddenError('只有联络站工作人员可以绑定站点群', 'not_staff')
    if (staff.role === 'organizer' && !scopeHasStation(await this.directory.scopeOf(staff), station))
      throw new ForbiddenError(`${station.name}不在您负责的范围内，不能绑定`, 'out_of_scope')
    // A group already another station's would be taken from it (its notices would stop): only by one who may bind that station too.
    const taken = await this.store.bot.stationOfRoom(roomId)
    if (taken && taken !== station.id && !(await this.mayBind(staff, taken)))
      throw new ConflictError('这个群已绑定其他联络站，不能再绑定本站；请由该站工作人员先解除，或另建一个群', [], 'room_taken')
    await this.store.bot.bindRoom(station.id, roomId, staff.id, this.clock.now(), topic)
    await this.audit.record(null, 'station.room_bound', { kind: 'station', id: station.id }, { staffId: staff.id })
    return { code: station.code, name: station.name }
  }

  private async mayBind(staff: StaffRecord, stationId: string) {
    if (staff.role === 'admin') return true
    if (staff.role === 'station_staff') return staff.stationIds.includes(stationId)
    if (staff.role !== 'organizer') return false
    const station = await this.store.stations.get(stationId)
    return scopeHasStation(await this.directory.scopeOf(staff), station)
  }
}
