import type { Clock } from '../clock.js'
import { localDate } from '../domain/dates.js'
import { startOfLocalDate, addDays } from '../domain/local-days.js'
import { quietHold, type QuietPolicy } from '../domain/quiet-hours.js'
import { planReminders, reminderRefusal, reminderResultWords, reminderStateWords, type ReminderCandidate, type ReminderPlan } from '../domain/reminders.js'
import { ConflictError, RateLimitError } from '../errors.js'
import type { OutboxMessage, Store } from '../store/ports.js'
import { noWayWords, type ChannelResolver, type PersonRecipientKind } from './delivery/channels.js'

/** A deputy who has not taken part yet, with how their first notice fared (none for a campaign). */
export interface NotYet {
  /** The person's id: a deputy's, or (with `kind`) a staff member's or a mini-program user's. */
  deputyId: string
  /** Who they are (absent: a deputy); 提醒未读 reminds a campaign's staff and followers too. */
  kind?: PersonRecipientKind
  name: string
  noticeSentAt: Date | null
  noticeWaiting: boolean
  /** Why the notice waits, as the outbox says it: one waiting on a subscription does not go by itself. */
  noticeWaitingReason?: string | null
}

export interface ReminderRoundSettings {
  timeZone: string
  quietHours: QuietPolicy
  /** How long a sent notice is given to be read before its person may be reminded (as meetings' 提醒未回复). */
  noticeReadMinutes: number
}

/**
 * Whether a press of 提醒 (未参与, 未读) would remind anyone now, for the console's panel, which
 * reads it at every load: after today's round the button is gone and the note says why, also
 * after a reload, instead of inviting a second press that can only be refused.
 */
export interface ReminderState {
  /** Null when reminders may be sent; else why not, in words (草稿, 未开始, 已截止, 已结束). */
  closed: string | null
  /** Those the organizer follows who have not taken part yet. */
  waiting: number
  /** Of them, those reminded today already (once a day is enough). */
  remindedToday: number
  /** Those a press would remind now: the N of the button; none, and there is no button. */
  ready: number
  /** Those a press leaves out, in words ("今天已提醒 2 人，明天可以再提醒；4 人没有绑定微信…"), or null. */
  note: string | null
}

/** What a press did, for the organizer: how many were reminded, whom to phone, and all of it in words. */
export interface ReminderOutcome {
  reminded: number
  remindedToday: number
  unreachable: Array<{ deputyId: string; name: string }>
  /** "已提醒 8 人；2 人没有绑定微信，收不到，请电话联系：张三、李四". */
  words: string
}

/**
 * One press of 提醒 (a survey's 提醒未参与, a campaign's 提醒未读): a message to each deputy who has
 * not taken part, through the outbox, on the channels they have (the dispatcher picks, as for the
 * first notice; quiet hours hold it till morning). At most one a day per person and subject: each
 * message's dedupe key names the business day, so a second press that day — or two at once —
 * writes nothing twice. People with no channel are not written to but named, to be phoned.
 */
export class ReminderRound {
  constructor(
    private readonly store: Pick<Store, 'outbox'>,
    private readonly channels: Pick<ChannelResolver, 'reachOfMany'>,
    private readonly clock: Clock,
    private readonly settings: ReminderRoundSettings,
  ) {}

  /** The business day reminders are counted by (YYYY-MM-DD). */
  today(): string {
    return localDate(this.clock.now(), this.settings.timeZone)
  }

  /** Of these deputies, those a reminder with this key reached today. */
  async remindedToday(deputyIds: string[], keyOf: (deputyId: string, day: string) => string): Promise<Set<string>> {
    const day = this.today()
    const written = new Set((await this.store.outbox.byDedupeKeys(deputyIds.map((id) => keyOf(id, day)))).map((m) => m.dedupeKey))
    return new Set(deputyIds.filter((id) => written.has(keyOf(id, day))))
  }

  /**
   * Reminds those of `waiting` it may now; refuses (429 reminded today, 409 otherwise) when that is
   * nobody. `message` writes one person's reminder with the key `keyOf` gives for today.
   */
  async run(
    kind: string,
    waiting: NotYet[],
    keyOf: (deputyId: string, day: string) => string,
    message: (deputyId: string, dedupeKey: string, at: Date) => OutboxMessage,
  ): Promise<ReminderOutcome> {
    const now = this.clock.now()
    const day = this.today()
    const { timeZone, quietHours } = this.settings
    const plan = await this.plan(kind, waiting, keyOf)
    if (!plan.send.length) throw this.refusal(plan, day, now)
    const messages = plan.send.map((p) => message(p.deputyId, keyOf(p.deputyId, day), now))
    await this.store.outbox.enqueue(messages)
    // Two presses at once write each person's reminder once: count what this one wrote, the rest as reminded today.
    const ours = new Set(messages.map((m) => m.id))
    const written = (await this.store.outbox.byDedupeKeys(messages.map((m) => m.dedupeKey))).filter((m) => ours.has(m.id)).map((m) => m.recipientId)
    const mine = new Set(written)
    const byOthers = plan.send.filter((p) => !mine.has(p.deputyId))
    const left = { ...plan, remindedToday: [...plan.remindedToday, ...byOthers] }
    if (!mine.size) throw this.refusal(left, day, now)
    const quiet = quietHold(kind, now, quietHours, timeZone)
    return {
      reminded: mine.size,
      remindedToday: left.remindedToday.length,
      unreachable: plan.unreachable.map((p) => ({ deputyId: p.deputyId, name: p.name })),
      words: reminderResultWords(mine.size, left, timeZone, quiet?.reason ?? null),
    }
  }

  /**
   * What a press would do now, without doing it: the panel's button and note. `closed` (why nobody
   * may be reminded now, or null) is the caller's, in its words; then nobody's bindings are read.
   */
  async state(closed: string | null, kind: string, waiting: NotYet[], keyOf: (deputyId: string, day: string) => string): Promise<ReminderState> {
    if (closed) {
      const today = await this.remindedToday(
        waiting.map((w) => w.deputyId),
        keyOf,
      )
      return { closed, waiting: waiting.length, remindedToday: today.size, ready: 0, note: null }
    }
    const plan = await this.plan(kind, waiting, keyOf)
    return {
      closed: null,
      waiting: waiting.length,
      remindedToday: plan.remindedToday.length,
      ready: plan.send.length,
      note: reminderStateWords(plan, this.settings.timeZone),
    }
  }

  /** Who of `waiting` a press reminds now, and who it leaves out and why (reminded today, notice not out or just out, no channel). */
  private async plan(kind: string, waiting: NotYet[], keyOf: (deputyId: string, day: string) => string) {
    const today = await this.remindedToday(
      waiting.map((w) => w.deputyId),
      keyOf,
    )
    // Reach is asked only of those a reminder could go to now, all in one batched read of their bindings.
    const asked = waiting.filter((w) => !today.has(w.deputyId) && !w.noticeWaiting)
    // Each kind of person in one read; the reason kept, so the words say what is missing (the delivery code's words).
    const reach = new Map<string, { routes: unknown[]; unreachable: string | null }>()
    for (const who of new Set(asked.map((w) => w.kind ?? 'deputy'))) {
      const ids = asked.filter((w) => (w.kind ?? 'deputy') === who).map((w) => w.deputyId)
      for (const [id, r] of await this.channels.reachOfMany(who, ids, kind)) reach.set(`${who}:${id}`, r)
    }
    const candidates: Array<ReminderCandidate & { deputyId: string }> = []
    for (const w of waiting) {
      const r = reach.get(`${w.kind ?? 'deputy'}:${w.deputyId}`)
      candidates.push({
        id: w.deputyId,
        deputyId: w.deputyId,
        name: w.name,
        remindedToday: today.has(w.deputyId),
        noticeSentAt: w.noticeSentAt,
        noticeWaiting: w.noticeWaiting,
        noticeWaitingReason: w.noticeWaitingReason ?? null,
        reachable: today.has(w.deputyId) || w.noticeWaiting || !!r?.routes.length,
        appOff: !!r && !r.routes.length && r.unreachable === noWayWords(w.kind ?? 'deputy', true),
        // Station staff are reached only through the assistant: as 学习进度's table says (reach-words.ts staff_unbound).
        staffUnbound: !!r && !r.routes.length && w.kind === 'staff',
      })
    }
    return planReminders(candidates, this.clock.now(), this.settings.noticeReadMinutes)
  }

  /** Nobody to remind now: 429 until tomorrow when all were reminded today, else 409 with why. */
  private refusal(plan: Omit<ReminderPlan, 'send'>, day: string, now: Date): Error {
    const { timeZone } = this.settings
    const { code, message } = reminderRefusal(plan, timeZone)
    if (code !== 'reminded_today') return new ConflictError(message, [], code)
    const tomorrow = startOfLocalDate(addDays(day, 1), timeZone)
    return new RateLimitError(message, Math.ceil((tomorrow.getTime() - now.getTime()) / 1000), [{ path: 'retryAt', message: tomorrow.toISOString() }], code)
  }
}
