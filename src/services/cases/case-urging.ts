/**
 * 催办: station staff or an organizer who may act on a message press the deputy holding it,
 * when it is slow or overdue. The deputy gets a message, the timeline records who urged and
 * what they added, the audit log keeps it; at most once per message per business day, so a
 * deputy is pressed, not flooded.
 */
import type { Clock } from '../../clock.js'
import { canSeeCase } from '../../domain/case-access.js'
import { nextDeadline, type CaseRecord } from '../../domain/case.js'
import { refusalText } from '../../domain/case-refusals.js'
import { mayBeUrged, urgeRound, urgeStanding } from '../../domain/case-urging.js'
import { localDate } from '../../domain/dates.js'
import { closingText } from '../../domain/due-date-text.js'
import { maskPhoneAndIdNumbers } from '../../domain/pii-mask.js'
import { ConflictError, NotFoundError } from '../../errors.js'
import type { Store } from '../../store/ports.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import type { AuditTrail } from '../audit.js'
import type { DirectoryCache } from '../directory/directory-cache.js'
import { caseCards } from './case-cards.js'
import { caseEvent, caseMessage, excerpt, staffActor } from './case-changes.js'

export interface CaseUrgingDeps {
  store: Pick<Store, 'cases'>
  directory: Pick<DirectoryCache, 'caseViewer' | 'prepared'>
  audit: AuditTrail
  timeZone: string
  clock: Clock
}

export class CaseUrging {
  private readonly store: Pick<Store, 'cases'>
  private readonly directory: Pick<DirectoryCache, 'caseViewer' | 'prepared'>
  private readonly audit: AuditTrail
  private readonly timeZone: string
  private readonly clock: Clock

  constructor(deps: CaseUrgingDeps) {
    ;({ store: this.store, directory: this.directory, audit: this.audit, timeZone: this.timeZone, clock: this.clock } = deps)
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
    const deputyId = c.deputyId!
    const deputyName = (await this.directory.prepared()).deputies.get(deputyId)?.name ?? ''
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
    const event = caseEvent(c, 'urged', staffActor(staff), now, { note: note ?? null, data: { deputyId, staffName: staff.name } })
    const message = caseMessage(
      c,
      'case.urged',
      { kind: 'deputy', id: deputyId },
      this.deputyText(c, deputyName, staff.name, now, note),
      // One a day per round: after a reopen the same day, the new round's urge is a message of its own.
      `case:${c.id}:urge:${localDate(now, this.timeZone)}${urgeRound(events) ? `:round:${urgeRound(events)}` : ''}`,
      now,
      { cardText: caseCards.urged(this.clockWord(c), (nextDeadline(c)?.getTime() ?? Infinity) < now.getTime()) },
    )
    // No field changes, but the version check makes two urges of the same moment one.
    return this.store.cases.update({ ...c, updatedAt: now }, [event], [message], {
      audit: [this.audit.entry(staff, 'case.urged', { kind: 'case', id: c.id }, { ticket: c.ticket, deputyId, note: note ?? null })],
    })
  }

  /** Which deadline presses now: to acknowledge it, or, once acknowledged, to answer it. */
  private clockWord(c: CaseRecord): '受理' | '答复' {
    const due = nextDeadline(c)
    return due && due.getTime() === c.replyDueAt.getTime() && c.acknowledgedAt ? '答复' : '受理'
  }

  /**
   * What the deputy reads: which message, how late it is (or when it is due, as his page says it: "答复期限为12月14日前（含当日）",
   * never "24:00"), who asks, and their words.
   */
  private deputyText(c: CaseRecord, deputyName: string, staffName: string, now: Date, note?: string) {
    const due = nextDeadline(c)
    const word = this.clockWord(c)
    const when = !due ? '' : due < now ? `已过${word}期限，` : `${word}期限为${closingText(due, this.timeZone, now)}，`
    // Masked before the cut, as case-workflow's herWords: staff may paste a resident's phone into the note.
    const words = note ? `附言：${excerpt(maskPhoneAndIdNumbers(note), 60)}` : ''
    return `催办：${deputyName}代表，工作人员${staffName}催办留言 ${c.ticket}（${c.topic}）：${when}请尽快办理。${words}`
  }
}
