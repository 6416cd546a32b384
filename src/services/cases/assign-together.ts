import { canSeeCase } from '../../domain/case-access.js'
import { canTransition, type CaseRecord } from '../../domain/case.js'
import { localDate } from '../../domain/dates.js'
import { latestReplyByDate, replyByInstant, replyByRefusal, replyByTogetherRefusal, rulesReplyDueAt } from '../../domain/reply-deadline.js'
import { AppError, UnprocessableError, ValidationError } from '../../errors.js'
import type { Clock } from '../../clock.js'
import type { Store } from '../../store/ports.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import type { CalendarSource } from '../calendar/calendar.js'
import type { DirectoryCache } from '../directory/directory-cache.js'
import { CASE_IDS_MAX } from './case-filters.js'
import type { CaseWorkflow } from './case-workflow.js'

/** A message ticked for 批量分派, with the deputy her list showed holding it (null: nobody). */
export interface TickedCase {
  id: string
  seenDeputyId: string | null
}

/** What 批量分派 did: how many went, those that kept their own reply deadline, and those that did not go and why. */
export interface AssignedTogether {
  assigned: number
  /** The 要求答复日期 asked (YYYY-MM-DD), or null when none was. */
  replyBy: string | null
  /** Assigned, but keeping their own reply deadline: the date asked is later than the rules allow for them. */
  keptOwnDeadline: string[]
  /** Not assigned: each message by id (the list names it by its number), with the reason in words. */
  failed: Array<{ id: string; message: string }>
}

/**
 * 批量分派 in the console: the messages the clerk ticked go to one deputy, each as the single 分派 gives it
 * (CaseWorkflow.assign: her scope, the state machine, the deputy's notice), with one note and one 要求答复日期 for all.
 *
 * The date is held to the single 分派's rules and words (replyByRefusal): a day gone or a day off is refused once,
 * before anything changes (400, as for one message). It may not be later than a message's own rule date either; the
 * ticked messages have different ones, so a date later than some of them is not refused for all: those keep their own
 * reply deadline (as 分派 without a date leaves it) and the answer names them, the others are held to the date. A date
 * later than every one's would hold none: refused once, before anything changes, with the latest day she may ask
 * (the dialog's picker stops there too). Only the messages she may see and give count, so the refusal never tells of
 * a message or a date outside her scope; when none of them counts, each is refused (or not) as before.
 * A message that cannot go (not hers, answered meanwhile, already his) is named with why; the others go. So is one whose
 * holder changed since her list showed it (a colleague gave it to another deputy, he handed it on): as the single
 * 分派, nothing is taken from a deputy she did not see holding it, and nobody is told anything of it.
 */
export class AssignTogether {
  constructor(
    private readonly deps: {
      workflow: Pick<CaseWorkflow, 'assign'>
      store: Pick<Store, 'cases'>
      directory: Pick<DirectoryCache, 'caseViewer' | 'prepared'>
      calendar: CalendarSource
      clock: Clock
      timeZone: string
    },
  ) {}

  async assign(staff: StaffPrincipal, ticked: readonly TickedCase[], deputyId: string, note?: string, replyBy?: string): Promise<AssignedTogether> {
    // The first of a message ticked twice stands (a program's repeat, never the console's).
    const seen = new Map<string, string | null>()
    for (const t of ticked) if (!seen.has(t.id)) seen.set(t.id, t.seenDeputyId)
    const ids = [...seen.keys()]
    if (ids.length > CASE_IDS_MAX)
      throw new UnprocessableError(`一次最多分派 ${CASE_IDS_MAX} 条留言，请分几次分派`, [{ path: 'body.ids', message: `最多 ${CASE_IDS_MAX} 条` }])
    const { workflow, store, timeZone } = this.deps
    const rules = replyBy ? await this.dateRules(replyBy) : null
    // Each ticked message read once here, for the refusal and for the loop's own check (the date against its rule
    // date). Its holder, status and scope are not taken from this copy: CaseWorkflow.assign reads it again right
    // before it writes, so a colleague's move meanwhile (answered, given to him or to another deputy than her list
    // showed, moved out of her stations) is refused as it stands then, and the write is made on the message as it is.
    const read = await Promise.all(ids.map((id) => store.cases.get(id)))
    if (replyBy) await this.refuseLaterThanAll(staff, replyBy, read, deputyId)
    const done: AssignedTogether = { assigned: 0, replyBy: replyBy ?? null, keptOwnDeadline: [], failed: [] }
    for (const [i, id] of ids.entries()) {
      try {
        const c = read[i]
        // Later than this message's rules allow (the only refusal left once the date itself passed): its own stands.
        // Whether she may see it at all, assign decides (留言不存在), before anything of it is said.
        const later = !!rules && !!c && rules.refusal(rulesReplyDueAt(c)) !== null
        await workflow.assign(staff, id, deputyId, note, seen.get(id) ?? null, { together: true, ...(later || !replyBy ? {} : { replyBy }) })
        done.assigned++
        if (later) done.keptOwnDeadline.push(c!.ticket)
      } catch (err) {
        // A domain refusal of this one message (in words); anything else is no refusal, and stops the run.
        if (!(err instanceof AppError)) throw err
        done.failed.push({ id, message: err.message })
      }
    }
    return done
  }

  /**
   * A date later than every ticked message's own rule date (latestReplyByDate) holds none of them: 400 before anything
   * changes, naming the latest day she may ask. Counted are only the messages she may see (as CaseWorkflow.assign
   * decides: 留言不存在 otherwise) and could give to this deputy now (the state machine lets them be assigned, not his
   * already); the others are refused each as before, and no date of a message outside her scope is ever said.
   * Those of hers he holds already (given meanwhile) that would have allowed a later day are named, so she knows why
   * the day is earlier than her dialog said; the day also comes for programs (detail `replyByLatest`, YYYY-MM-DD, as
   * the list's rows give it), so the dialog's picker and note can stop there.
   */
  private async refuseLaterThanAll(staff: StaffPrincipal, date: string, cases: ReadonlyArray<CaseRecord | null>, deputyId: string) {
    const { directory, timeZone, clock } = this.deps
    const viewer = await directory.caseViewer(staff)
    const hers = cases.filter((c): c is CaseRecord => !!c && canSeeCase(viewer, c) && canTransition('assign', c.status))
    const latest = hers
      .filter((c) => c.deputyId !== deputyId)
      .map((c) => latestReplyByDate(c, timeZone))
      .filter((d): d is string => !!d)
      .reduce<string | null>((a, b) => (a === null || b > a ? b : a), null)
    if (!latest) return
    const heldTickets = hers.filter((c) => c.deputyId === deputyId && (latestReplyByDate(c, timeZone) ?? '') > latest).map((c) => c.ticket)
    const held = heldTickets.length ? { tickets: heldTickets, deputy: (await directory.prepared()).deputies.get(deputyId)?.name ?? '这位' } : undefined
    const refusal = replyByTogetherRefusal(date, latest, localDate(clock.now(), timeZone), held)
    if (refusal)
      throw new ValidationError(refusal, [
        { path: 'body.replyBy', message: refusal },
        { path: 'replyByLatest', message: latest },
      ])
  }

  /**
   * The 要求答复日期 checked as the single 分派 checks it, for what does not depend on the message (a day gone, a day
   * off: 400 in the same words, nothing changed), and the check left for each message: not later than its rules allow.
   */
  private async dateRules(date: string) {
    const calendar = await this.deps.calendar.current()
    const at = { today: localDate(this.deps.clock.now(), this.deps.timeZone), timeZone: this.deps.timeZone, workingDay: calendar.isWorkingDay(date) }
    // Against its own end, the date is never later than allowed: only the day gone or the day off can refuse it here.
    const refusal = replyByRefusal(date, { ...at, rulesDueAt: replyByInstant(date, this.deps.timeZone) })
    if (refusal) throw new ValidationError(refusal, [{ path: 'body.replyBy', message: refusal }])
    return { refusal: (rulesDueAt: Date) => replyByRefusal(date, { ...at, rulesDueAt }) }
  }
}
