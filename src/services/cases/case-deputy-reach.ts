/**
 * Whether the deputy holding a message hears about it, in the words the case page says beside
 * the deputy: the same reachability the outbox dispatcher uses (ChannelResolver), so that
 * 催办 and 分派 never promise a reminder that cannot arrive, and a notice about this message
 * that died (未能送达) is said where the clerk looks, with what to do: phone the deputy.
 */
import { urgeRound } from '../../domain/case-urging.js'
import { DEPUTY_LOAD_STATUSES, type CaseEvent, type CaseRecord } from '../../domain/case.js'
import { localDate } from '../../domain/dates.js'
import { PHONE_UNREADABLE } from '../../security/pii.js'
import type { OutboxMessage, Store } from '../../store/ports.js'
import { NO_OFFICE_GROUP, NO_STATION_GROUP, type ChannelResolver } from '../delivery/channels.js'
import { deliveryOf } from '../delivery/delivery-state.js'

/**
 * Whether the staff member reading the page may call the deputy, from the directory: null when his number is not hers to
 * read (he is outside her scope); `phone` his number as the page shows it (masked), null when none is on file.
 */
export type DeputyCall = { phone: string | null } | null

/** What the case page says of the deputy's reach; null when nothing is wrong. */
export interface DeputyNotice {
  /** False: no channel reaches the deputy at all (no mini-program reminders, no bot); true: one notice failed. */
  reachable: boolean
  text: string
}

/**
 * What became of a 逾期督办's report to the station's or the office's group (its outbox message), by the step's id:
 * sent, still on its way, or not delivered and why (no group robot nor bot room, or the channel refused it), or
 * dropped as outdated (the message moved on before it went). The timeline says the step as it is (case-steps.ts).
 */
export interface EscalationDelivery {
  state: 'sent' | 'pending' | 'undeliverable' | 'superseded'
  /** Why it did not arrive, in the console's words ("未能送达：该联络站未配置企业微信群机器人…"); null otherwise. */
  reason: string | null
  /** Undelivered because no group of the station or office receives notices at all (none configured or bound). */
  noGroup: boolean
}

/** What 分派's list says of reach: each unreachable deputy's own gap by id, and once above the list what to do. */
export interface ChoicesReach {
  own: Map<string, string>
  note: string | null
}

/** The states in which the message waits on its deputy: only then is there anything to remind him of. */
const WAITS_ON_DEPUTY: ReadonlySet<string> = new Set(DEPUTY_LOAD_STATUSES)

/** The kinds of notice a deputy gets about a message they hold; reach is judged for the 催办 one. */
const URGE_KIND = 'case.urged'
/** 分派's list judges each deputy by the notice 分派 sends. */
const ASSIGN_KIND = 'case.assigned'
const NOTICE_WORDS: Record<string, string> = {
  'case.assigned': '分派通知',
  'case.urged': '催办提醒',
  'case.reminder': '期限提醒',
  'case.overdue': '超期提醒',
}

export class CaseDeputyReach {
  constructor(
    private readonly resolver: Pick<ChannelResolver, 'reach' | 'reachOfMany'>,
    private readonly store: Pick<Store, 'outbox'>,
    private readonly timeZone: string,
  ) {}

  /** With `call`, the words end in whom to ring and his number (请打电话告诉刘淑华代表（电话 138****5678）); without one, 请电话联系. */
  async of(c: CaseRecord, events: readonly CaseEvent[], deputyName: string | null, call: DeputyCall = null): Promise<DeputyNotice | null> {
    // Answered, closed or out of his hands, nothing is left to remind him of: the box would only alarm.
    if (!c.deputyId || c.mergedInto || !WAITS_ON_DEPUTY.has(c.status)) return null
    const who = `${deputyName ?? ''}代表`
    const reach = await this.resolver.reach({ recipientKind: 'deputy', recipientId: c.deputyId, kind: URGE_KIND })
    if (!reach.routes.length) return { reachable: false, text: `${unreachableWords(reach, who)}，${callWords(call, deputyName)}` }
    const last = await this.lastNotice(c, events, c.deputyId)
    if (!last) return null
    const delivery = deliveryOf(last)
    if (delivery.state !== 'undeliverable') return null
    const what = NOTICE_WORDS[last.kind] ?? '通知'
    const why = (delivery.reason ?? '').replace(/^未能送达：/, '')
    return { reachable: true, text: `最近一次给${who}的${what}未能送达${why ? `（${why}）` : ''}，${callWords(call, deputyName)}` }
  }

  /**
   * Of the deputies 分派 lists, those its notice cannot reach at all (no mini-program reminders, no bot), each
   * with the deputy's own gap beside the name (没有绑定微信助手，提醒发不到), and what to do said once above the list
   * (`note`), with the system-wide part said as the system's (系统的小程序提醒还没开通) when that is why: one read for
   * the whole list. The row says 用 (the deputy does not use the mini-program), the note 开通 (a switch the admin turns on), so
   * that a clerk never reads the system's gap as the deputy's.
   */
  async choicesReach(deputyIds: readonly string[]): Promise<ChoicesReach> {
    const own = new Map<string, string>()
    if (!deputyIds.length) return { own, note: null }
    let appOff = false
    for (const [id, reach] of await this.resolver.reachOfMany('deputy', deputyIds, ASSIGN_KIND)) {
      if (reach.routes.length) continue
      // The deputy uses the mini-program, yet its reminders are not switched on for anyone: only the helper is theirs to lack.
      const usesApp = !(reach.unreachable ?? '').includes('未使用小程序')
      if (usesApp) appOff = true
      own.set(id, usesApp ? '没有绑定微信助手，提醒发不到' : '没有用小程序，也没有绑定微信助手，提醒发不到')
    }
    if (!own.size) return { own, note: null }
    // "代表" when none of the list is reached; else only those marked are meant, and the note says which.
    const everyone = own.size === new Set(deputyIds).size
    const todo = everyone ? '分派后请打电话告诉代表' : '分派给标着“提醒发不到”的代表后，请打电话告诉这位代表'
    return { own, note: appOff ? `${APP_OFF}，${todo}` : everyone ? `这些代表都收不到提醒：${todo}` : todo }
  }

  /** Of these deputies, those no 催办 notice reaches on any channel: 一起催办 names them before and after, to phone them. */
  async unreachedByUrge(deputyIds: readonly string[]): Promise<Set<string>> {
    if (!deputyIds.length) return new Set()
    const reach = await this.resolver.reachOfMany('deputy', deputyIds, URGE_KIND)
    return new Set([...reach].filter(([, r]) => !r.routes.length).map(([id]) => id))
  }

  /**
   * What became of each 逾期督办's report on this message (EscalationDelivery), by the step's id, found by the dedupe key
   * the step's message was written with (sla:<case>:escalate:<level>:<round>, then whom). One still waiting that no
   * channel can carry (the group has no robot and no bot room) is said undeliverable now, as the dispatcher will find
   * it: the clerk must not read "sent" for a report nobody will receive. One whose message is gone was withdrawn before
   * it went (the message was handed up or merged): superseded. A step naming nobody (written before whom was kept) has none.
   */
  async escalationsOf(c: CaseRecord, events: readonly CaseEvent[]): Promise<Map<string, EscalationDelivery>> {
    const wanted = new Map<string, string>()
    for (const e of events) {
      if (e.type !== 'escalated') continue
      const to = typeof e.data.toStation === 'string' ? `station:${e.data.toStation}` : typeof e.data.toOffice === 'string' ? `office:${e.data.toOffice}` : null
      if (to) wanted.set(`sla:${c.id}:escalate:${String(e.data.level)}:${String(e.data.round)}:${to}`, e.id)
    }
    const found = new Map<string, EscalationDelivery>()
    if (!wanted.size) return found
    for (const m of await this.store.outbox.byDedupeKeys([...wanted.keys()])) {
      const step = wanted.get(m.dedupeKey)
      if (!step) continue
      const delivery = deliveryOf(m)
      if (delivery.state === 'pending') {
        const reach = await this.resolver.reach(m)
        if (!reach.routes.length) {
          found.set(step, { state: 'undeliverable', reason: reach.unreachable, noGroup: true })
          continue
        }
      }
      // The dispatcher's words for a recipient with no channel at all (ChannelResolver.reach) are what it stores then.
      const noGroup = delivery.state === 'undeliverable' && !!delivery.reason && NO_GROUP_REASONS.has(delivery.reason)
      found.set(step, { state: delivery.state, reason: delivery.reason, noGroup })
    }
    // None kept: withdrawn before it went (the message was handed up or merged meanwhile), as superseded ones are.
    for (const step of wanted.values()) if (!found.has(step)) found.set(step, { state: 'superseded', reason: null, noGroup: false })
    return found
  }

  /**
   * The newest notice to this deputy about this message, found by the dedupe keys its steps wrote
   * (one per event and person; 催办 by its day and round, SLA reminders by clock round and level).
   */
  private async lastNotice(c: CaseRecord, events: readonly CaseEvent[], deputyId: string): Promise<OutboxMessage | null> {
    const to = `:deputy:${deputyId}`
    const keys = [`case:${c.id}:submitted${to}`]
    events.forEach((e, i) => {
      keys.push(`case:${c.id}:${e.id}${to}`)
      if (e.type === 'urged') {
        const round = urgeRound(events.slice(0, i))
        keys.push(`case:${c.id}:urge:${localDate(e.at, this.timeZone)}${round ? `:round:${round}` : ''}${to}`)
      }
      if (e.type === 'reminded') keys.push(`sla:${c.id}:remind:${String(e.data.round)}${to}`)
      if (e.type === 'escalated') keys.push(`sla:${c.id}:overdue:${String(e.data.level)}:${String(e.data.round)}${to}`)
    })
    const found = await this.store.outbox.byDedupeKeys(keys)
    return (
      found
        .filter((m) => m.kind !== 'case.reassigned')
        .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
        .at(-1) ?? null
    )
  }
}

/** The system-wide switch, said as the system's and whom to ask, never as the deputy's own gap. */
const APP_OFF = '系统的小程序提醒还没开通（请找系统管理员）'

/**
 * ChannelResolver.reach's words for a station or an office that no group channel reaches (the dispatcher stores them),
 * and a station's as stored before the chat account was called 微信助手.
 */
const NO_GROUP_REASONS: ReadonlySet<string> = new Set([NO_STATION_GROUP, NO_OFFICE_GROUP, '未能送达：该联络站未配置企业微信群机器人，也未绑定机器人工作群'])

/**
 * Why nothing reaches a deputy, in words: the two ways a deputy is reached, each named (which one is missing
 * is what the station can fix). `who` is "王芳代表"; what to do follows (callWords).
 */
function unreachableWords(reach: { unreachable: string | null }, who: string): string {
  const usesApp = !(reach.unreachable ?? '').includes('未使用小程序')
  if (usesApp) return `${APP_OFF}，${who}也没有绑定微信助手，提醒发不到`
  return `${who}没有用小程序，也没有绑定微信助手，提醒发不到`
}

/**
 * What to do when a notice cannot reach him: ring him, named and with the number in brackets when she may read it and
 * one is on file (the page shows his number under 办理代表 too); else 请电话联系. The name first, so that it never
 * reads as "tell the deputy this number"; 这位代表 when the name is unknown. 代表, never 他: the directory has no sex field.
 */
function callWords(call: DeputyCall, deputyName: string | null): string {
  if (!call?.phone || call.phone === PHONE_UNREADABLE) return '请电话联系'
  return `请打电话告诉${deputyName ? `${deputyName}代表` : '这位代表'}（电话 ${call.phone}）`
}
