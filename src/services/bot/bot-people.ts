import { randomBytes, randomUUID } from 'node:crypto'
import type { BindingGuard } from '../accounts/binding-guard.js'
import type { Clock } from '../../clock.js'
import { DEPUTY_LOAD_STATUSES, type CaseRecord, type CaseStatus } from '../../domain/case.js'
import { ConflictError, ForbiddenError, NotFoundError, UnprocessableError } from '../../errors.js'
import { bindDeputy, codeHash, codePool, issueCode, type CodePurpose } from '../accounts/mp-account.js'
import type { PersonRef } from '../../domain/meeting.js'
import type { MpUserRecord, StaffRecord, Store } from '../../store/ports.js'
import type { PiiCipher } from '../../security/pii.js'
import type { AuditTrail } from '../audit.js'
import type { MpPrincipal, MpSessions } from '../accounts/mp-sessions.js'
import type { DirectoryCache } from '../directory/directory-cache.js'
import { scopeHasStation } from '../../domain/staff-scope.js'
import { DEPUTY_IN_HAND_MAX, ticketRef, ticketsEndingIn } from '../../domain/ticket-refs.js'
import { notHisNowSaid } from '../cases/deputy-hand-ons.js'
import { localDate } from '../../domain/dates.js'
import { awayDeputyLine } from '../../domain/deputy-away.js'
import { deputyGist } from '../../domain/deputy-gist.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import type { ChatJoin } from '../accounts/chat-join.js'
import { refuseOfficialWhileJoined } from '../accounts/joined-officials.js'
import { StoreConflict } from '../../store/conflicts.js'

/** A person the bot talks to, with their record (the contact they are bound to). */
export type BotPrincipal = MpPrincipal & { user: MpUserRecord }

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

/** A deputy bound in the mini-program only is told where his chat's code is: his workbench there, not the station again. */
const notBound = () =>
  new ForbiddenError(
    '此功能仅限已绑定的人大代表使用，请先发送“绑定 六位绑定码”。已经在小程序里绑定的代表，请在小程序“代表工作台”里点“绑定微信聊天”，把给您的那句话发给我。',
    'not_a_deputy',
  )

/**
 * Her messages one number may name: at most one a day each (numbers start again daily), so this many is
 * years of a resident who writes every day; the chat lists five of them and asks for the whole number.
 */
const NAMED_MAX = 200
/** How far back a short number is looked for among messages taken from a deputy: a notice weeks old is rarely answered. */
const MOVED_LOOKBACK_DAYS = 30

const ALIAS_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'

/** What BotPeople is built from (one object: the parameters are many). */
export interface BotPeopleDeps {
  store: Pick<Store, 'bindingCodes' | 'bot' | 'cases' | 'deputies' | 'mpUsers' | 'outbox' | 'staff' | 'stations'>
  sessions: MpSessions
  cipher: PiiCipher
  audit: AuditTrail
  clock: Clock
  /** Counts binding-code tries in the store, per person and for everyone. */
  bindingGuard: BindingGuard
  /** Whose places an organizer looks after, for binding a station's group. */
  directory: Pick<DirectoryCache, 'scopeOf'>
  /** The office's zone: a message's number starts with the local date it was written on. */
  timeZone: string
  /** outbox.revivalDays: on 绑定, his notices 未能送达 of this many days back are sent after all. */
  revivalDays: number
  /** A resident's code from the mini-program, sent here: her chat joined to that account. */
  chatJoin: Pick<ChatJoin, 'request' | 'refuseChatErasure'>
}

/**
 * The people the bot talks to. A WeChat contact is bound to one person record; the bot
 * sets a remark (alias) on the contact so that, when a puppet hands out new contact ids
 * after a re-login, the person is known again and never mixed up with another.
 */
export class BotPeople {
  private readonly store: Pick<Store, 'bindingCodes' | 'bot' | 'cases' | 'deputies' | 'mpUsers' | 'outbox' | 'staff' | 'stations'>
  private readonly sessions: MpSessions
  private readonly cipher: PiiCipher
  private readonly audit: AuditTrail
  private readonly clock: Clock
  private readonly bindingGuard: BindingGuard
  private readonly directory: Pick<DirectoryCache, 'scopeOf'>
  private readonly timeZone: string
  private readonly revivalDays: number
  private readonly chatJoin: Pick<ChatJoin, 'request' | 'refuseChatErasure'>

  constructor(deps: BotPeopleDeps) {
    ;({
      store: this.store,
      sessions: this.sessions,
      cipher: this.cipher,
      audit: this.audit,
      clock: this.clock,
      bindingGuard: this.bindingGuard,
      directory: this.directory,
      timeZone: this.timeZone,
      revivalDays: this.revivalDays,
      chatJoin: this.chatJoin,
    } = deps)
  }

  async resolve(contactId: string, alias: string | null) {
    let user = await this.store.mpUsers.getByBotContact(contactId)
    let created = false
    if (!user && alias) {
      const known = await this.store.mpUsers.getByBotAlias(alias)
      if (known) user = await this.relink(known, contactId)
    }
    if (!user) {
      try {
        user = await this.store.mpUsers.create({
          id: `mu-${randomUUID()}`,
          openid: null,
          unionid: null,
          deputyId: null,
          phoneEnc: null,
          phoneIndex: null,
          consentVersion: null,
          consentAt: null,
          createdAt: this.clock.now(),
          botContactId: contactId,
          botAlias: newAlias(),
        })
        created = true
      } catch (err) {
        // A new contact's first messages, resolved at once: the other call created the person.
        user = err instanceof ConflictError ? await this.store.mpUsers.getByBotContact(contactId) : null
        if (!user) throw err
      }
    }
    if (!user.botAlias) user = await this.store.mpUsers.update(user.id, { botAlias: newAlias() })
    return { user, created, ...(await this.roles(user)) }
  }

  /**
   * The person is known again by their remark under a new contact id (a re-login): what
   * was kept under the old id (their staff binding, a half-written message) moves first,
   * so that a failure half-way leaves them still found by the remark and moved next time.
   */
  private async relink(user: MpUserRecord, contactId: string) {
    if (user.botContactId && user.botContactId !== contactId) await this.store.bot.moveContact(user.botContactId, contactId)
    return this.store.mpUsers.update(user.id, { botContactId: contactId })
  }

  async roles(user: MpUserRecord) {
    const linked = user.deputyId ? await this.store.deputies.get(user.deputyId) : null
    const deputy = linked?.active ? linked : null
    const staffId = user.botContactId ? await this.store.bot.staffByContact(user.botContactId) : null
    const staff = staffId ? await this.store.staff.get(staffId) : null
    return {
      deputy: deputy ? { code: deputy.code, name: deputy.name } : null,
      staff: staff?.active ? { id: staff.id, name: staff.name, role: staff.role } : null,
    }
  }

  async principal(personId: string): Promise<BotPrincipal> {
    const user = await this.store.mpUsers.get(personId)
    if (!user?.botContactId) throw new NotFoundError('未找到此人')
    // A deputy who has left office writes and reads as a resident, as in the mini-program.
    const inOffice = user.deputyId ? (await this.store.deputies.get(user.deputyId))?.active === true : false
    return { kind: 'mp_user', id: user.id, deputyId: inOffice ? user.deputyId : null, user }
  }

  /** The person, who must be bound to a deputy record ("绑定 六位绑定码" first otherwise). */
  async deputy(personId: string): Promise<BotPrincipal & { deputyId: string }> {
    const person = await this.principal(personId)
    if (!person.deputyId) throw notBound()
    return { ...person, deputyId: person.deputyId }
  }

  /**
   * A bound deputy's own 暂停接收留言 as the chat tells him of it: his stations' names (whom to ask to set or change
   * it: staff set it, he cannot), and the mark while it stands, now or ahead (its dates and his workbench's line).
   */
  async deputyAway(personId: string): Promise<{ stations: string[]; away: { from: string; until: string; text: string } | null }> {
    const { deputyId } = await this.deputy(personId)
    const deputy = await this.store.deputies.get(deputyId)
    const stations = await Promise.all((deputy?.stationIds ?? []).map((id) => this.store.stations.get(id)))
    const text = awayDeputyLine(deputy?.away, localDate(this.clock.now(), this.timeZone))
    return {
      stations: stations.flatMap((s) => (s ? [s.name] : [])),
      away: deputy?.away && text ? { from: deputy.away.from, until: deputy.away.until, text } : null,
    }
  }

  /** Meetings invite deputies and staff: whichever this WeChat contact is bound as. */
  async invitee(personId: string): Promise<PersonRef> {
    const person = await this.principal(personId)
    if (person.deputyId) return { kind: 'deputy', id: person.deputyId }
    const staffId = person.user.botContactId ? await this.store.bot.staffByContact(person.user.botContactId) : null
    if (staffId) return { kind: 'staff', id: staffId }
    throw notBound()
  }

  /** The resident's own case by the ticket they quote. */
  async residentCase(personId: string, ticket: string): Promise<CaseRecord> {
    const c = await this.store.cases.getByTicket(ticket)
    if (!c || c.residentId !== personId) throw new NotFoundError(`没有找到编号为 ${ticket} 的留言`)
    return c
  }

  /**
   * Her own cases that a number she typed names, however old: the whole number (one, if hers), or its
   * last four digits, which start again at 0001 each day and may name several; newest first. Another
   * person's number names none of hers.
   */
  async residentCasesNamed(personId: string, ref: string): Promise<CaseRecord[]> {
    if (!/^\d{4}$/.test(ref)) {
      const c = await this.store.cases.getByTicket(ref)
      return c && c.residentId === personId ? [c] : []
    }
    return this.store.cases.residentNumbered(personId, [ref], NAMED_MAX)
  }

  /**
   * How she writes each of these tickets of hers in the chat, among all her messages however old: its
   * last four digits, or the whole number when another of hers ends the same (ticketRef).
   */
  async residentRefs(personId: string, tickets: string[]): Promise<Map<string, string>> {
    const numbers = [...new Set(tickets.filter((t) => /-\d{4}$/.test(t)).map((t) => t.slice(-4)))]
    const alike = (await this.store.cases.residentNumbered(personId, numbers, NAMED_MAX)).map((c) => c.ticket)
    return new Map(tickets.map((t) => [t, ticketRef(t, alike)]))
  }

  /**
   * A deputy's open case by its ticket or the last four digits of it, among those of his in `statuses`: the
   * messages he works on (the default), or, for 电话, every one the mini-program's 打电话给群众 reads (OPEN_STATUSES).
   */
  async deputyCase(deputyId: string, ref: string, statuses: readonly CaseStatus[] = DEPUTY_LOAD_STATUSES): Promise<CaseRecord> {
    const named = (c: CaseRecord) => c.ticket === ref || c.ticket.endsWith(`-${ref.padStart(4, '0')}`)
    const page = await this.store.cases.search({ deputyId, statuses: [...statuses], limit: DEPUTY_IN_HAND_MAX, order: 'due' })
    const matches = page.items.filter(named)
    if (matches.length > 1) {
      // Each named in full with its words: the deputy copies the one he means. The words as his notices quote them
      // (deputyGist: phone and ID numbers masked, never cut inside one): this list is no audited phone read.
      const listed = matches.slice(0, 5).map((c) => `· ${c.ticket} ${deputyGist(c.text)}`.trimEnd())
      throw new ConflictError([`您有 ${matches.length} 条待办留言以 ${ref} 结尾：`, ...listed, '请发完整编号。'].join('\n'), [], 'ambiguous_ticket')
    }
    if (matches.length === 1) return matches[0]
    // Not open: one he had, answered or taken back since, is said as it is, not as a wrong number.
    const done = (await this.store.cases.search({ deputyId, limit: 100 })).items.find(named)
    if (done) throw new ConflictError(noLongerOpen(done), [], 'case_not_open')
    // Given to another deputy or handed back since the notice he is answering: told where it went, as his page tells
    // him (notHisNowSaid): handed on by himself, by the colleague's name ("您已转给王芳代表办理").
    const moved = await this.movedFrom(deputyId, ref)
    if (moved) {
      const why = await notHisNowSaid(this.store, deputyId, moved, await this.store.cases.events(moved.id), `留言 ${moved.ticket} `)
      throw new ConflictError(why, [], 'case_not_his')
    }
    throw new NotFoundError(`您的待办中没有编号 ${ref}。发送"待办"可以看到您的全部待办和编号。`)
  }

  /** The newest message the number names that was once placed with this deputy and is not his now. */
  private async movedFrom(deputyId: string, ref: string): Promise<CaseRecord | null> {
    const short = /^\d{1,4}$/.test(ref) ? ref.padStart(4, '0') : null
    // Newest first: the days' numbers from today back.
    const tickets = short ? ticketsEndingIn(short, localDate(this.clock.now(), this.timeZone), MOVED_LOOKBACK_DAYS) : [ref]
    const held = new Map((await this.store.cases.heldOnceBy(deputyId, tickets)).map((c) => [c.ticket, c]))
    for (const ticket of tickets) {
      const c = held.get(ticket)
      if (c && c.deputyId !== deputyId) return c
    }
    return null
  }

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

  /** The person, whose chat may erase their data: never a mini-program account joined to it (ChatJoin.refuseChatErasure). */
  async erasable(personId: string): Promise<BotPrincipal> {
    const person = await this.principal(personId)
    this.chatJoin.refuseChatErasure(person.user)
    return person
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

function newAlias() {
  return `LS${Array.from(randomBytes(6), (b) => ALIAS_ALPHABET[b % ALIAS_ALPHABET.length]).join('')}`
}

/** Why a deputy's message can no longer be acknowledged or answered, in words. */
function noLongerOpen(c: CaseRecord): string {
  // Merged is closed without his answer: said as the mini-program says it, not "您已经答复过了".
  if (c.mergedInto) return `留言 ${c.ticket} 已并入其他留言合并办理，不用再单独办理了。`
  switch (c.status) {
    case 'replied':
    case 'closed':
      return `留言 ${c.ticket} 您已经答复过了，群众已收到答复。如需补充，请联系联络站工作人员。`
    case 'withdrawn':
      return `留言 ${c.ticket} 已被群众撤回，不用再办理了。`
    case 'rejected':
      return `留言 ${c.ticket} 联络站已决定不予受理，不用再办理了。`
    default:
      return `留言 ${c.ticket} 目前不在您的待办中。`
  }
}
