import { dayText } from '../../domain/dates.js'
import { deadlineNotices } from '../../domain/suggestion-due.js'
import { HANDLING_STATUSES, unitIdsOf } from '../../domain/suggestion.js'
import type { OutboxMessage } from '../../store/ports.js'
import type { SuggestionBook } from './suggestion-book.js'

/**
 * Reminders and escalation for suggestions being handled, as the SLA clocks do for cases:
 * units 15 and 3 days before the deadline, the office once it has passed. Messages only, no
 * change to the record (a reminder must never collide with a unit answering); the dedupe
 * keys carry the deadline, so each is sent once, and again after an extension moves it.
 */
export class SuggestionDeadlines {
  constructor(private readonly book: SuggestionBook) {}

  async runDue(): Promise<{ reminded: number; overdue: number }> {
    const today = this.book.today()
    const open = await this.book.store.suggestions.all({ statuses: HANDLING_STATUSES })
    const messages: OutboxMessage[] = []
    let reminded = 0
    let overdue = 0
    for (const s of open) {
      const { deadline } = s.assignment!
      const notice = deadlineNotices(deadline, today)
      if (notice.remind !== null) {
        reminded++
        const left = notice.daysLeft ? `还有 ${notice.daysLeft} 天到期` : '今天到期'
        // A co-unit that gave its opinion this round owes nothing more; the lead always owes the answer.
        const owing = unitIdsOf(s).filter((u) => u === s.assignment!.leadUnit.id || !s.answers.some((x) => x.unit.id === u && x.round === s.round))
        for (const to of await this.book.unitStaff(owing))
          messages.push(
            this.book.message(
              s,
              to,
              'suggestion.due_soon',
              `代表建议 ${s.number}《${s.title}》${left}（${deadline}），请按时答复。`,
              `due:${deadline}:${notice.remind}:${to.id}`,
            ),
          )
      }
      if (notice.overdue) {
        overdue++
        const lead = s.assignment!.leadUnit.name
        messages.push(
          this.book.message(
            s,
            this.book.officeOf(s),
            'suggestion.overdue',
            `代表建议 ${s.number}《${s.title}》已超过办理期限（${dayText(deadline)}），主办单位 ${lead} 尚未答复，请督办。`,
            `overdue:${deadline}`,
          ),
        )
      }
    }
    if (messages.length) await this.book.store.outbox.enqueue(messages)
    return { reminded, overdue }
  }
}
