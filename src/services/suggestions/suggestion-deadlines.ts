import { dayText } from '../../domain/dates.js'
import { deadlineNotices } from '../../domain/suggestion-due.js'
import { HANDLING_STATUSES } from '../../domain/suggestion.js'
import type { OutboxMessage } from '../../store/ports.js'
import type { SuggestionBook } from './suggestion-book.js'
import { owingUnitIds } from './suggestion-pressing.js'

/**
 * Reminders and escalation for suggestions being handled, as the SLA clocks do for cases:
 * units 15 and 3 days before the deadline, the office and the units owing it once it has passed. Messages only, no
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
        for (const to of await this.book.unitStaff(owingUnitIds(s)))
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
        // The units too, once per deadline: before, only the office heard, and a unit past it was reminded by nobody.
        for (const to of await this.book.unitStaff(owingUnitIds(s)))
          messages.push(
            this.book.message(
              s,
              to,
              'suggestion.overdue_unit',
              `代表建议 ${s.number}《${s.title}》已超过办理期限（${dayText(deadline)}），还没有答复，请尽快答复；确需更多时间的，请在“交办建议”里申请延期。`,
              `overdue:${deadline}:${to.id}`,
            ),
          )
      }
    }
    if (messages.length) await this.book.store.outbox.enqueue(messages)
    return { reminded, overdue }
  }
}
