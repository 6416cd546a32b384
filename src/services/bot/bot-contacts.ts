import { randomBytes, randomUUID } from 'node:crypto'
import type { BindingGuard } from '../accounts/binding-guard.js'
import type { Clock } from '../../clock.js'
import { ConflictError, ForbiddenError, NotFoundError } from '../../errors.js'
import type { PersonRef } from '../../domain/meeting.js'
import type { MpUserRecord, Store } from '../../store/ports.js'
import type { PiiCipher } from '../../security/pii.js'
import type { AuditTrail } from '../audit.js'
import type { MpPrincipal, MpSessions } from '../accounts/mp-sessions.js'
import type { DirectoryCache } from '../directory/directory-cache.js'
import type { ChatJoin } from '../accounts/chat-join.js'

/** A person the bot talks to, with their record (the contact they are bound to). */
export type BotPrincipal = MpPrincipal & { user: MpUserRecord }

/** A deputy bound in the mini-program only is told where his chat's code is: his workbench there, not the station again. */
const notBound = () =>
  new ForbiddenError(
    '此功能仅限已绑定的人大代表使用，请先发送“绑定 六位绑定码”。已经在小程序里绑定的代表，请在小程序“代表工作台”里点“绑定微信聊天”，把给您的那句话发给我。',
    'not_a_deputy',
  )

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
  /** Whose places an organizer looks after, for binding a station's group; offices by name, for a message moved to one. */
  directory: Pick<DirectoryCache, 'scopeOf' | 'prepared'>
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
export class BotContacts {
  protected readonly store: Pick<Store, 'bindingCodes' | 'bot' | 'cases' | 'deputies' | 'mpUsers' | 'outbox' | 'staff' | 'stations'>
  protected readonly sessions: MpSessions
  protected readonly cipher: PiiCipher
  protected readonly audit: AuditTrail
  protected readonly clock: Clock
  protected readonly bindingGuard: BindingGuard
  protected readonly directory: Pick<DirectoryCache, 'scopeOf' | 'prepared'>
  protected readonly timeZone: string
  protected readonly revivalDays: number
  protected readonly chatJoin: Pick<ChatJoin, 'request' | 'refuseChatErasure'>

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

  /** Meetings invite deputies and staff: whichever this WeChat contact is bound as. */
  async invitee(personId: string): Promise<PersonRef> {
    const person = await this.principal(personId)
    if (person.deputyId) return { kind: 'deputy', id: person.deputyId }
    const staffId = person.user.botContactId ? await this.store.bot.staffByContact(person.user.botContactId) : null
    if (staffId) return { kind: 'staff', id: staffId }
    throw notBound()
  }

  /** The person, whose chat may erase their data: never a mini-program account joined to it (ChatJoin.refuseChatErasure). */
  async erasable(personId: string): Promise<BotPrincipal> {
    const person = await this.principal(personId)
    this.chatJoin.refuseChatErasure(person.user)
    return person
  }
}

function newAlias() {
  return `LS${Array.from(randomBytes(6), (b) => ALIAS_ALPHABET[b % ALIAS_ALPHABET.length]).join('')}`
}
