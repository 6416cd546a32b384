/**
 * 催办: station staff or an organizer who may act on a message press the deputy holding it,
 * when it is slow or overdue. The deputy gets a message, the timeline records who urged and
 * what they added, the audit log keeps it; at most once per message per business day, so a
 * deputy is pressed, not flooded. 一起催办 urges a group's messages (a hot issue's) by the same
 * rule, each its own step, with one notice per deputy naming how many of his are urged.
 */
import type { Clock } from '../../clock.js'
import type { Logger } from '../../logger.js'
import { canSeeCase } from '../../domain/case-access.js'
import { nextDeadline, type CaseEvent, type CaseRecord } from '../../domain/case.js'
import { refusalText } from '../../domain/case-refusals.js'
import { mayBeUrged, urgedToday, urgeRound, urgeStanding } from '../../domain/case-urging.js'
import { localDate } from '../../domain/dates.js'
import { spokenDeadline } from '../../domain/spoken-dates.js'
import { maskPhoneAndIdNumbers } from '../../domain/pii-mask.js'
import {
  countPassed,
  deputyLateText,
  pastDeadline,
  urgedTogetherCard,
  urgedTogetherText,
  urgeSkipOf,
  type UrgeSkip,
  type UrgeTally,
} from '../../domain/urge-together.js'
import { ConflictError, NotFoundError, UnprocessableError } from '../../errors.js'
import type { OutboxMessage, Store } from '../../store/ports.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import type { AuditTrail } from '../audit.js'
import type { DirectoryCache } from '../directory/directory-cache.js'
import { outboxMessage } from '../delivery/outbox-message.js'
import { inHandTickets } from '../delivery/urged-together.js'
import { caseCards } from './case-cards.js'
import { caseEvent, caseMessage, excerpt, staffActor } from './case-changes.js'
import { CASE_IDS_MAX, URGE_TOGETHER_MAX } from './case-filters.js'

export interface CaseUrgingDeps {
  store: Pick<Store, 'cases'>
  directory: Pick<DirectoryCache, 'caseViewer' | 'prepared'>
  audit: AuditTrail
  timeZone: string
  clock: Clock
  /** Where a deputy's run of 一起催办 that failed part-way is logged (the answer says it in words). */
  logger?: Pick<Logger, 'error'> | null
}

/** A message of a group to be urged, with the timeline its urge is judged and keyed by. */
interface ToUrge {
  c: CaseRecord
  events: CaseEvent[]
}

/** A group's messages read for 一起催办: those to urge, and how many are left out and why. */
export interface UrgePlan {
  toUrge: ToUrge[]
  skipped: Partial<Record<UrgeSkip, number>>
  now: Date
  /** Once urged: each deputy some of whose messages were not urged for a failure (not a change), and how many. */
  failed?: Array<{ deputyId: string; count: number }>
}

export class CaseUrging {
  private readonly store: Pick<Store, 'cases'>
  private readonly directory: Pick<DirectoryCache, 'caseViewer' | 'prepared'>
  private readonly audit: AuditTrail
  private readonly timeZone: string
  private readonly clock: Clock
  private readonly logger: Pick<Logger, 'error'> | null

  constructor(deps: CaseUrgingDeps) {
    ;({ store: this.store, directory: this.directory, audit: this.audit, timeZone: this.timeZone, clock: this.clock, logger: this.logger = null } = deps)
  }

  async urge(staff: StaffPrincipal, caseId: string, note?: string): Promise<CaseRecord> {
    const c = await this.store.cases.get(caseId)
    // Writes are held to the same scope as reads; not visible is not found.
    if (!c || !canSeeCase(await this.directory.caseViewer(staff), c)) throw new NotFoundError('留言不存在')
    if (!mayBeUrged(c)) {
      throw new ConflictError(refusalText('urge', c), [{ path: 'status', message: c.status }], 'illegal_transition')
    }
    const now = this.clock.now()
    const events = await this.store.cases.events(c.id)
    const { urgedToday: earlier } = urgeStanding(c, events, now, this.timeZone)
    const deputyName = await this.deputyName(c.deputyId!)
    if (earlier) {
      // The limit is per deputy holding it (a new holder after 转交 may be urged the same day): the words say so.
      throw new ConflictError(
        `这条留言今天 ${earlier.timeOfDay} 已由${earlier.by}向${deputyName ? `${deputyName}代表` : '这位代表'}催办过，同一位代表每天只能催办一次，请明天再催办`,
        [
          { path: 'urgedAt', message: earlier.at.toISOString() },
          { path: 'urgedBy', message: earlier.by },
        ],
        'already_urged',
      )
    }
    return this.write(staff, c, now, note, [this.notice({ c, events }, deputyName, staff.name, now, note)])
  }

  /**
   * 一起催办, before she confirms: which of these messages would be urged (in her scope, in a deputy's hands, not
   * urged today by the single 催办's rule) and how many are left out, and why. One she may not see is counted as not
   * hers, as one that does not exist is: she is not told which. `max`: CASE_IDS_MAX when they come in an address,
   * URGE_TOGETHER_MAX in a body (a whole hot issue).
   */
  async planTogether(staff: StaffPrincipal, caseIds: readonly string[], max = CASE_IDS_MAX): Promise<UrgePlan> {
    const ids = [...new Set(caseIds)]
    if (ids.length > max) {
      throw new UnprocessableError(`一次最多催办 ${max} 条留言，请分几次催办`, [{ path: 'ids', message: `最多 ${max} 条` }])
    }
    const viewer = await this.directory.caseViewer(staff)
    const now = this.clock.now()
    const read = await Promise.all(
      ids.map(async (id): Promise<ToUrge | UrgeSkip> => {
        const c = await this.store.cases.get(id)
        if (!c || !canSeeCase(viewer, c)) return 'not_yours'
        const events = mayBeUrged(c) ? await this.store.cases.events(c.id) : []
        return urgeSkipOf(c, !!urgedToday(events, now, this.timeZone, c.deputyId)) ?? { c, events }
      }),
    )
    const skipped: Partial<Record<UrgeSkip, number>> = {}
    for (const r of read) if (typeof r === 'string') skipped[r] = (skipped[r] ?? 0) + 1
    return { toUrge: read.filter((r): r is ToUrge => typeof r !== 'string'), skipped, now }
  }

  /**
   * The plan in numbers, as the confirmation and the answer say them (urgeTallyText), and the deputies it presses by
   * name with how many of their messages, most first.
   */
  async tally(plan: UrgePlan): Promise<{
    tally: UrgeTally
    deputies: Array<{ id: string; name: string; count: number }>
    failed: Array<{ id: string; name: string; count: number }>
    /** Each message to be (that was) urged, with the deputy holding it: what her confirmation sends back (`seen`). */
    holders: Record<string, string>
  }> {
    const counts = new Map<string, number>()
    for (const u of plan.toUrge) counts.set(u.c.deputyId!, (counts.get(u.c.deputyId!) ?? 0) + 1)
    const deputies = await Promise.all([...counts].map(async ([id, count]) => ({ id, name: await this.deputyName(id), count })))
    const failed = await Promise.all((plan.failed ?? []).map(async (f) => ({ id: f.deputyId, name: await this.deputyName(f.deputyId), count: f.count })))
    return {
      failed,
      holders: Object.fromEntries(plan.toUrge.map((u) => [u.c.id, u.c.deputyId!])),
      tally: {
        urged: plan.toUrge.length,
        deputies: counts.size,
        overdue: plan.toUrge.filter((u) => pastDeadline(u.c, plan.now)).length,
        pastReply: countPassed(
          plan.toUrge.map((u) => u.c),
          plan.now,
        ).pastReply,
        skipped: plan.skipped,
      },
      deputies: deputies.sort((a, b) => b.count - a.count),
    }
  }

  /**
   * 一起催办: each message of the plan urged as the single 催办 urges it (its timeline step, its audit entry, its
   * version check), and each deputy told once: a deputy with one message gets the single notice, one with several a
   * notice naming how many and which. The notice is written with his last message's step, naming those urged by
   * then; a message changed meanwhile is left out (changed) and, when it was his last, the notice follows alone.
   * `seen`: the deputy her plan showed for each message it would urge (the plan's `fromDeputyIds`). One now held by
   * another deputy, or not in her plan at all (given to a deputy since), is not urged (holder_changed), as 批量分派
   * takes nothing from a deputy she did not see: the deputy who has it now was not in what she confirmed, and the one
   * she saw no longer has it. Without `seen` (a program's call), each is urged as it stands.
   */
  async urgeTogether(staff: StaffPrincipal, caseIds: readonly string[], note?: string, seen?: Readonly<Record<string, string>>): Promise<UrgePlan> {
    const plan = this.heldAsSeen(await this.planTogether(staff, caseIds, URGE_TOGETHER_MAX), seen)
    const { now } = plan
    const byDeputy = new Map<string, ToUrge[]>()
    for (const u of plan.toUrge) (byDeputy.get(u.c.deputyId!) ?? byDeputy.set(u.c.deputyId!, []).get(u.c.deputyId!)!).push(u)
    // Each deputy's messages one after another (his last carries his notice); different deputies' at once, so that a
    // whole hot issue's hundreds share the store's commits instead of waiting for one each. Each deputy's run settles
    // on its own: one that fails unexpectedly stops there, with what it urged kept and told, and the answer says who
    // was not urged, so that a failure after others' urges were written never reads as nothing done (a bare 500).
    const runs = await Promise.allSettled([...byDeputy].map(([deputyId, his]) => this.urgeHis(staff, deputyId, his, now, note)))
    const urged: ToUrge[] = []
    const failed: Array<{ deputyId: string; count: number }> = []
    let changed = 0
    let firstError: unknown = null
    for (const [i, run] of runs.entries()) {
      const r = run.status === 'fulfilled' ? run.value : { done: [], changed: 0, failed: [...byDeputy][i][1].length, error: run.reason }
      urged.push(...r.done)
      changed += r.changed
      if (r.failed) {
        failed.push({ deputyId: [...byDeputy][i][0], count: r.failed })
        firstError ??= r.error
        this.logger?.error({ err: r.error, deputyId: [...byDeputy][i][0] }, '一起催办: a deputy’s messages were not all urged')
      }
    }
    // Nothing written at all: the failure is the answer, as for any request that did nothing.
    if (!urged.length && failed.length) throw firstError
    const skipped = { ...plan.skipped, ...(changed ? { changed } : {}), ...(failed.length ? { failed: failed.reduce((n, f) => n + f.count, 0) } : {}) }
    return { toUrge: urged, skipped, now, failed }
  }

  /** The plan without the messages whose holder is not the one she was shown (counted holder_changed). */
  private heldAsSeen(plan: UrgePlan, seen: Readonly<Record<string, string>> | undefined): UrgePlan {
    if (!seen) return plan
    const toUrge = plan.toUrge.filter((u) => Object.hasOwn(seen, u.c.id) && seen[u.c.id] === u.c.deputyId)
    const moved = plan.toUrge.length - toUrge.length
    return moved ? { ...plan, toUrge, skipped: { ...plan.skipped, holder_changed: moved } } : plan
  }

  /**
   * One deputy's share of 一起催办: his messages urged one after another, his notice with his last (or alone, naming
   * those urged, when his last changed or failed). A message changed meanwhile is left out (`changed`); an unexpected
   * failure stops his run, the rest of his counted `failed`, with the error.
   */
  private async urgeHis(staff: StaffPrincipal, deputyId: string, his: ToUrge[], now: Date, note: string | undefined) {
    const done: ToUrge[] = []
    let changed = 0
    let failed = 0
    let error: unknown = null
    const deputyName = await this.deputyName(deputyId)
    // Read once, before any is urged: the notice's short numbers must name one message among all he holds.
    const inHand = his.length > 1 ? await inHandTickets(this.store, deputyId) : []
    for (const [i, u] of his.entries()) {
      const last = i === his.length - 1
      const told = last ? [this.noticeOf([...done, u], deputyName, staff.name, now, note, inHand)] : []
      try {
        await this.write(staff, u.c, now, note, told)
        done.push(u)
      } catch (err) {
        if (err instanceof ConflictError || err instanceof NotFoundError) {
          changed++
          continue
        }
        failed = his.length - i
        error = err
        break
      }
    }
    const carrier = done.at(-1)
    if (carrier && carrier !== his.at(-1)) {
      // His urges are written: a notice that does not go is a failure to say, not a reason to take them back.
      await this.store.cases.appendEvents(carrier.c.id, [], [this.noticeOf(done, deputyName, staff.name, now, note, inHand)]).catch((err: unknown) => {
        error ??= err
        this.logger?.error({ err, deputyId }, '一起催办: the notice naming a deputy’s urged messages was not written')
      })
    }
    return { done, changed, failed, error }
  }

  /** The step of one 催办 on the message's timeline and in 操作记录, with the notices written in its transaction. */
  private write(staff: StaffPrincipal, c: CaseRecord, now: Date, note: string | undefined, messages: OutboxMessage[]) {
    const deputyId = c.deputyId!
    const event = caseEvent(c, 'urged', staffActor(staff), now, { note: note ?? null, data: { deputyId, staffName: staff.name } })
    // No field changes, but the version check makes two urges of the same moment one.
    return this.store.cases.update({ ...c, updatedAt: now }, [event], messages, {
      audit: [this.audit.entry(staff, 'case.urged', { kind: 'case', id: c.id }, { ticket: c.ticket, deputyId, note: note ?? null })],
    })
  }

  /** What one deputy is told of his messages urged at once: the single notice for one, else one naming them all. */
  private noticeOf(his: ToUrge[], deputyName: string, staffName: string, now: Date, note: string | undefined, inHand: string[]): OutboxMessage {
    if (his.length === 1) return this.notice(his[0], deputyName, staffName, now, note)
    const carrier = his.at(-1)!
    const cases = his.map((u) => u.c)
    // Keyed as the single notice of the message it is written with: nothing sends it twice, and that message's
    // page finds it as its last notice. No caseId: it is about all of them (its card opens his 待办). `caseIds` are
    // what it urges: just before it goes, those no longer waiting on him are left out of it (said again from the
    // names and words kept here), or it is not sent at all when none is (delivery/urged-together.ts).
    const to = { kind: 'deputy' as const, id: carrier.c.deputyId! }
    const words = this.noteWords(note)
    return outboxMessage({
      to,
      kind: 'case.urged',
      payload: {
        caseIds: cases.map((c) => c.id),
        tickets: cases.map((c) => c.ticket),
        text: urgedTogetherText(cases, { deputy: deputyName, staff: staffName }, now, this.timeZone, words, inHand),
        cardText: urgedTogetherCard(cases.length),
        deputyName,
        staffName,
        words,
      },
      dedupeKey: `${this.urgeKey(carrier, now)}:${to.kind}:${to.id}`,
      at: now,
    })
  }

  /** The single 催办's notice to the deputy holding the message. */
  private notice({ c, events }: ToUrge, deputyName: string, staffName: string, now: Date, note?: string): OutboxMessage {
    return caseMessage(
      c,
      'case.urged',
      { kind: 'deputy', id: c.deputyId! },
      this.deputyText(c, deputyName, staffName, now, note),
      this.urgeKey({ c, events }, now),
      now,
      { cardText: caseCards.urged(this.clockWord(c), (nextDeadline(c)?.getTime() ?? Infinity) < now.getTime()) },
    )
  }

  /** One a day per round: after a reopen the same day, the new round's urge is a message of its own. */
  private urgeKey({ c, events }: ToUrge, now: Date): string {
    return `case:${c.id}:urge:${localDate(now, this.timeZone)}${urgeRound(events) ? `:round:${urgeRound(events)}` : ''}`
  }

  private async deputyName(deputyId: string): Promise<string> {
    return (await this.directory.prepared()).deputies.get(deputyId)?.name ?? ''
  }

  /** Which deadline presses now: to acknowledge it, or, once acknowledged, to answer it. */
  private clockWord(c: CaseRecord): '受理' | '答复' {
    const due = nextDeadline(c)
    return due && due.getTime() === c.replyDueAt.getTime() && c.acknowledgedAt ? '答复' : '受理'
  }

  /** Her note as a deputy's notice quotes it. Masked before the cut, as case-workflow's herWords: staff may paste a resident's phone into the note. */
  private noteWords(note?: string): string {
    return note ? `附言：${excerpt(maskPhoneAndIdNumbers(note), 60)}` : ''
  }

  /**
   * What the deputy reads: which message, how late it is, or by when to do it as every other notice and his page say it
   * ("请在12月14日（星期一）前（含当日）答复", never "24:00"), who asks, and their words.
   */
  private deputyText(c: CaseRecord, deputyName: string, staffName: string, now: Date, note?: string) {
    const due = nextDeadline(c)
    const word = this.clockWord(c)
    // Late with its days, as his 待办 and 每日摘要 say it that day ("已过受理期限 3 天"), and as 一起催办's lines do.
    const late = due && due < now ? (deputyLateText(c, now, this.timeZone) ?? `已过${word}期限`) : null
    const todo = !due ? '请尽快办理。' : late ? `${late}，请尽快办理。` : `请在${spokenDeadline(due, this.timeZone, now)}${word}。`
    return `催办：${deputyName}代表，工作人员${staffName}催办留言 ${c.ticket}（${c.topic}）：${todo}${this.noteWords(note)}`
  }
}
