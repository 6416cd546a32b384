import { randomInt } from 'node:crypto'
import type { BindingGuard } from './binding-guard.js'
import type { Clock } from '../../clock.js'
import { noticesOn } from '../../domain/notices-on.js'
import { normalizePhone } from '../../domain/phone.js'
import { DEPUTY_BINDING_MOVED_KIND } from '../../domain/notice-kinds.js'
import { ConflictError, NotFoundError, ServiceUnavailableError, UnprocessableError } from '../../errors.js'
import type { PiiCipher } from '../../security/pii.js'
import type { BindingCodePool, BindingCodePurpose, MpUserRecord, Store } from '../../store/ports.js'
import type { AuditTrail } from '../audit.js'
import type { MpPrincipal, MpSessions } from './mp-sessions.js'
import type { StaffPrincipal } from './principal.js'
import { outboxMessage } from '../delivery/outbox-message.js'
import { reviveUnreachable } from '../delivery/unreachable-revival.js'
import { refuseOfficialWhileJoined } from './joined-officials.js'

const BINDING_CODE_HOURS = 24

/** What signing in needs of WeChat (the client in src/wechat/client.ts is one); null when no AppID is configured. */
export interface WeChatLogin {
  code2Session(code: string): Promise<{ openid: string; unionid: string | null }>
  phoneNumber(code: string): Promise<{ purePhoneNumber: string }>
}

/** Binds a person's account to a deputy record; a new phone replaces the old binding. */
export async function bindDeputy(
  store: Pick<Store, 'mpUsers' | 'outbox'>,
  sessions: MpSessions,
  audit: AuditTrail,
  personId: string,
  deputyId: string,
  via: 'mini-program' | 'bot',
  now: Date,
  /** outbox.revivalDays: how far back his notices 未能送达 for want of a channel are sent now. */
  revivalDays: number,
) {
  // One deputy may work from both the mini-program and the bot: a new binding replaces only
  // an earlier one of the same kind (a new phone, a new WeChat), never the other channel.
  const sameKind = (u: MpUserRecord) => (via === 'bot' ? u.botContactId !== null : u.openid !== null)
  // Any station's staff may issue a deputy's code, and the code binds whoever types it: the
  // WeChat that was the deputy's until now is told, so a binding they did not ask for does not
  // go unnoticed (they lose their workbench without a word otherwise). Told in the binding's own
  // write: a crash between the two would let them go without a word.
  const replaced = await store.mpUsers.bindDeputy(personId, deputyId, sameKind, (gone) => gone.map((previous) => bindingMovedNotice(previous.id, via, now)))
  // Their sessions carry the deputy no longer (a session reads its person's binding), so revoking them after is tidy-up, not safety.
  for (const previous of replaced) await sessions.revokeAll(previous.id)
  await audit.record(null, 'deputy.bound', { kind: 'deputy', id: deputyId }, { mpUserId: personId, via })
  // Notices that found no way to him before he had one are sent now, if still true (the dispatcher checks).
  // He is bound whatever happens here: a failed read leaves them 未能送达 in the console, where staff see them.
  await reviveUnreachable(store, deputyId, now, revivalDays).catch(() => 0)
}

function bindingMovedNotice(mpUserId: string, via: 'mini-program' | 'bot', now: Date) {
  const where = via === 'bot' ? '另一个微信（通过机器人）' : '另一个微信的小程序'
  return outboxMessage({
    to: { kind: 'mp_user', id: mpUserId },
    kind: DEPUTY_BINDING_MOVED_KIND,
    payload: {
      text: `您的人大代表身份刚刚绑定到了${where}，这个微信不再以代表身份使用。如果不是您本人要求的，请马上联系您所在的代表联络站或人大办公室。`,
    },
    dedupeKey: `${DEPUTY_BINDING_MOVED_KIND}:${mpUserId}:${now.toISOString()}`,
    at: now,
  })
}

/**
 * What a one-time code binds: a deputy record, a staff account, or (`resident`) a resident's mini-program account that
 * her chat asks to join (chat-join.ts).
 */
export type CodePurpose = BindingCodePurpose

/**
 * A resident's own code is eight digits, deputies' and staff's six: the chat takes all three, and the shape alone says
 * which kind was meant, so that her code can never be a deputy's (it would bind her chat as him), and a wrong try
 * counts only against the codes of its kind (residents' typos never lock a deputy's code, binding-guard.ts). Eight
 * digits also make a code anyone can ask for a hundred times harder to guess. She copies it; nobody reads it out.
 */
export const RESIDENT_CODE_DIGITS = 8
const OFFICIAL_CODE_DIGITS = 6

/** Whose codes a code of this shape can be: a resident's, or a deputy's or staff member's. */
export const codePool = (code: string): BindingCodePool => (code.length === RESIDENT_CODE_DIGITS ? 'resident' : 'official')

/** Codes of each purpose are hashed apart, so one can never be redeemed as another. */
export const codeHash = (cipher: PiiCipher, purpose: CodePurpose, code: string) => cipher.blindIndex(`bind:${purpose}:${code}`)
/** The code's own hash, whatever its purpose: held unique by the store, so one code is never two purposes' at once. */
const codeKey = (cipher: PiiCipher, code: string) => cipher.blindIndex(`bind:${code}`)

/** How long a deputy's own chat code works: enough to switch to the chat and send it (as a resident's, chat-join.ts). */
export const DEPUTY_CHAT_CODE_MINUTES = 30

/**
 * A fresh code (digits a person can type or copy), drawn again in the rare case it is taken (by any purpose: the store
 * holds `codeKey` unique); `lifeMs`: how long it works. A resident's account keeps one live code: a new one replaces the
 * earlier (in the same write), so codes anyone can ask for never pile up.
 */
export async function issueCode(
  store: Pick<Store, 'bindingCodes'>,
  cipher: PiiCipher,
  clock: Clock,
  purpose: CodePurpose,
  subjectId: string,
  createdBy: string,
  lifeMs = BINDING_CODE_HOURS * 3_600_000,
) {
  const now = clock.now()
  const expiresAt = new Date(now.getTime() + lifeMs)
  const digits = purpose === 'resident' ? RESIDENT_CODE_DIGITS : OFFICIAL_CODE_DIGITS
  for (let attempt = 0; ; attempt++) {
    const code = String(randomInt(0, 10 ** digits)).padStart(digits, '0')
    try {
      await store.bindingCodes.create({
        codeHash: codeHash(cipher, purpose, code),
        codeKey: codeKey(cipher, code),
        purpose,
        deputyId: subjectId,
        createdBy,
        createdAt: now,
        expiresAt,
        replacing: purpose === 'resident',
      })
      return { code, expiresAt }
    } catch (err) {
      if (!(err instanceof ConflictError) || attempt >= 5) throw err
    }
  }
}

export type SubscribeResult = 'accept' | 'reject' | 'ban' | 'filter'

/** What MpAccounts is built from (one object: the parameters are many). */
export interface MpAccountsDeps {
  store: Pick<Store, 'bindingCodes' | 'chatJoins' | 'deputies' | 'mpUsers' | 'outbox' | 'privacy' | 'subscriptions'>
  sessions: MpSessions
  wechat: WeChatLogin | null
  cipher: PiiCipher
  audit: AuditTrail
  clock: Clock
  /**
   * `longTerm`: whether a template is a long-term one (null: not one of ours); `answer`: the template the answer to her
   * message is sent with (null while none is set up), the notice 我的 says is on or not.
   */
  templates: { longTerm(templateId: string): boolean | null; answer: string | null }
  /** Counts the tries of binding codes (per account, per address, everyone's) in the store. */
  bindingGuard: BindingGuard
  /** outbox.revivalDays: on binding, his notices 未能送达 of this many days back are sent after all. */
  revivalDays: number
  /** The privacy notice in force (PrivacyService.notice.version): one who agreed to an earlier one is asked to read it. */
  noticeVersion: string
}

/**
 * A person's mini-program account: logging in with wx.login's code, a deputy binding
 * their account once with a code staff give them, a phone number from the phone button,
 * and the subscribe-message choices the mini-program reports.
 */
export class MpAccounts {
  private readonly store: Pick<Store, 'bindingCodes' | 'chatJoins' | 'deputies' | 'mpUsers' | 'outbox' | 'privacy' | 'subscriptions'>
  private readonly sessions: MpSessions
  private readonly wechat: WeChatLogin | null
  private readonly cipher: PiiCipher
  private readonly audit: AuditTrail
  private readonly clock: Clock
  private readonly templates: MpAccountsDeps['templates']
  private readonly bindingGuard: BindingGuard
  private readonly revivalDays: number
  private readonly noticeVersion: string

  constructor(deps: MpAccountsDeps) {
    ;({
      store: this.store,
      sessions: this.sessions,
      wechat: this.wechat,
      cipher: this.cipher,
      audit: this.audit,
      clock: this.clock,
      templates: this.templates,
      bindingGuard: this.bindingGuard,
      revivalDays: this.revivalDays,
      noticeVersion: this.noticeVersion,
    } = deps)
  }

  async login(code: string) {
    const { openid, unionid } = await this.client().code2Session(code)
    return this.signIn(await this.sessions.userForOpenid(openid, unionid), unionid)
  }

  /**
   * As login, but only for a person who already has an account: null for anyone else, and
   * nothing is created. The home page asks this of every new phone, and merely looking at the
   * mini-program must not make anyone an account.
   */
  async loginIfKnown(code: string) {
    const { openid, unionid } = await this.client().code2Session(code)
    const user = await this.store.mpUsers.getByOpenid(openid)
    return user ? this.signIn(user, unionid) : null
  }

  private async signIn(user: MpUserRecord, unionid: string | null) {
    if (unionid && !user.unionid) await this.store.mpUsers.update(user.id, { unionid })
    const session = await this.sessions.issue(user.id)
    return { ...session, profile: await this.profile({ kind: 'mp_user', id: user.id, deputyId: user.deputyId }) }
  }

  /** Who the mini-program's user is; a bound deputy's record id lets pages tell their own suggestions from others'. */
  async profile(principal: MpPrincipal) {
    const user = await this.store.mpUsers.get(principal.id)
    if (!user) throw new NotFoundError('用户不存在')
    const linked = user.deputyId ? await this.store.deputies.get(user.deputyId) : null
    // One who has left office is a resident here: their deputy's pages would offer work no longer theirs.
    const deputy = linked?.active ? linked : null
    const { longTerm, left, ever } = noticesOn(await this.store.privacy.subscriptionsOf(user.id), this.templates.answer)
    return {
      id: user.id,
      roles: deputy ? ['resident', 'deputy'] : ['resident'],
      deputy: deputy ? { id: deputy.id, code: deputy.code, name: deputy.name, level: deputy.level } : null,
      // Said, so the workbench thanks them instead of asking them to bind again.
      leftOffice: linked !== null && !linked.active,
      consentVersion: user.consentVersion,
      // She agreed to an earlier privacy notice: 我的 says it changed and offers it to read and agree.
      consentUpdated: user.consentVersion !== null && user.consentVersion !== this.noticeVersion,
      hasPhone: user.phoneEnc !== null,
      // Her chat joined to this account (chat-join.ts): what she wrote in the chat is in 我的留言, and the offer to
      // bring it here is not made. A deputy's two accounts are never joined (his notices say where he is reached).
      chatJoined: user.openid !== null && user.botContactId !== null,
      // Whether the answer to her message comes as a WeChat notice (long-term, sends left) and whether she ever turned any
      // on: 我的 says it in words, never the count.
      notices: { longTerm, left, ever },
    }
  }

  /** A one-time code staff read out to a deputy, who types it into the mini-program. */
  async issueBindingCode(staff: StaffPrincipal, deputyId: string) {
    const deputy = await this.store.deputies.get(deputyId)
    if (!deputy) throw new NotFoundError('代表不存在')
    if (!deputy.active)
      throw new UnprocessableError('该代表已离任，不能再绑定代表身份', [{ path: 'deputyId', message: `${deputy.name}代表已离任` }], 'deputy_inactive')
    const issued = await issueCode(this.store, this.cipher, this.clock, 'deputy', deputyId, staff.id)
    await this.audit.record(staff, 'deputy.binding_code.issue', { kind: 'deputy', id: deputyId })
    return issued
  }

  /**
   * A deputy's own code for his WeChat chat: "绑定 123456" sent to the bot binds that chat as him (BotPeople.bind). The
   * station's code binds one place once; a deputy bound here takes the chat's from his workbench instead of phoning the
   * station for a second one. Only he, signed in as that deputy, gets it, and only for himself; short-lived, as a
   * resident's chat code is. A new chat bound with it replaces his earlier one, which is told (bindDeputy).
   */
  async issueChatCode(principal: MpPrincipal) {
    const deputy = principal.deputyId ? await this.store.deputies.get(principal.deputyId) : null
    if (!deputy?.active) throw new UnprocessableError('只有在任的人大代表可以绑定联络助手', [], 'not_a_deputy')
    const issued = await issueCode(this.store, this.cipher, this.clock, 'deputy', deputy.id, principal.id, DEPUTY_CHAT_CODE_MINUTES * 60_000)
    await this.audit.record(null, 'deputy.binding_code.issue', { kind: 'deputy', id: deputy.id }, { mpUserId: principal.id, via: 'mini-program' })
    return { ...issued, words: `绑定 ${issued.code}`, minutes: DEPUTY_CHAT_CODE_MINUTES }
  }

  /** `address`: the client's, so many accounts from one place cannot share out the guessing. */
  async bind(principal: MpPrincipal, bindCode: string, address: string | null = null) {
    const user = await this.store.mpUsers.get(principal.id)
    // Her chat joined to this account: 解除 first (refuseOfficialWhileJoined), the code untried and still good.
    if (user?.openid && user.botContactId) refuseOfficialWhileJoined(user, 'mini-program', (await this.store.chatJoins.joined(user.id))?.chatName ?? null)
    await this.bindingGuard.tryFrom(address, principal.id)
    const now = this.clock.now()
    const deputyId = await this.store.bindingCodes.redeem(codeHash(this.cipher, 'deputy', bindCode), principal.id, now)
    if (!deputyId) {
      await this.bindingGuard.wrong(this.store.bindingCodes, now)
      throw new UnprocessableError('绑定码无效或已过期，请向联络站工作人员重新获取', [{ path: 'body.bindCode', message: '无效' }], 'invalid_binding_code')
    }
    await bindDeputy(this.store, this.sessions, this.audit, principal.id, deputyId, 'mini-program', now, this.revivalDays)
    // Counted as right only once the binding is written: one refused (the deputy bound elsewhere) leaves the try counted.
    await this.bindingGuard.succeeded(address, principal.id)
    return this.profile({ ...principal, deputyId })
  }

  async addPhone(principal: MpPrincipal, code: string) {
    const { purePhoneNumber } = await this.client().phoneNumber(code)
    const phone = normalizePhone(purePhoneNumber) ?? purePhoneNumber
    await this.store.mpUsers.update(principal.id, { phoneEnc: this.cipher.encrypt(phone, principal.id), phoneIndex: this.cipher.blindIndex(phone) })
    return this.profile(principal)
  }

  /** What wx.requestSubscribeMessage answered: one send per one-time acceptance; long-term ones until turned off. */
  async recordSubscriptions(principal: MpPrincipal, results: Record<string, SubscribeResult>) {
    const now = this.clock.now()
    const recorded: Record<string, SubscribeResult> = {}
    for (const [templateId, result] of Object.entries(results)) {
      const longTerm = this.templates.longTerm(templateId)
      if (longTerm === null) continue // not one of ours: ignore rather than count
      if (result === 'accept') await this.store.subscriptions.record(principal.id, templateId, longTerm ? 'long_term_on' : 'accept_once', now)
      else if (longTerm) await this.store.subscriptions.record(principal.id, templateId, 'off', now)
      recorded[templateId] = result
    }
    return recorded
  }

  private client(): WeChatLogin {
    // A resident reads this on the phone; whoever runs the server finds the cause by its code.
    if (!this.wechat) throw new ServiceUnavailableError('小程序登录暂未开通，请联系人大办公室', 'wechat_not_configured')
    return this.wechat
  }
}
