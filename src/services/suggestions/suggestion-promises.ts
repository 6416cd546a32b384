import { dayText } from '../../domain/dates.js'
import { promiseDaysLate, promiseLateText } from '../../domain/suggestion-due.js'
import { promisedBy } from '../../domain/suggestion.js'
import type { OutboxMessage } from '../../store/ports.js'
import type { SuggestionBook } from './suggestion-book.js'

/**
 * A promise kept in sight: a lead unit answered 正在解决或列入计划 with a day (plannedBy), the deputy rated it, and the
 * suggestion stays open (`following`) until the unit reports the work done. Once that day has passed without the
 * report, the office that oversees it is told, to press the unit (催办), and the lead unit's staff are told to finish and
 * report. Each is told once per promised day (the dedupe key carries it), however often the job runs: a unit that
 * promises a new day in its report is watched again from that day. Messages only, no change to the record (as
 * SuggestionDeadlines: the job must never collide with the unit reporting); the console's list says how late it is
 * every day it stays so (presenters/suggestions.ts, promise.lateText).
 */
export class SuggestionPromises {
  constructor(private readonly book: SuggestionBook) {}

  async runDue(): Promise<{ promisesLate: number }> {
    const today = this.book.today()
    const following = await this.book.store.suggestions.all({ statuses: ['following'] })
    const messages: OutboxMessage[] = []
    // The day it tells of, carried for the dispatcher: once the unit reports (done, or a new day), it is not sent (reminder-done.ts).
    const ofDay = (m: OutboxMessage, by: string): OutboxMessage => ({ ...m, payload: { ...m.payload, promisedBy: by } })
    let promisesLate = 0
    for (const s of following) {
      const late = promiseDaysLate(s, today)
      if (!late) continue
      promisesLate++
      const by = promisedBy(s)!
      const lead = s.assignment!.leadUnit
      messages.push(
        ofDay(
          this.book.message(
            s,
            this.book.officeOf(s),
            'suggestion.promise_late',
            `代表建议 ${s.number}《${s.title}》：${lead.name}承诺${dayText(by)}前办完，${promiseLateText(late)}，还没有报告办完，请催办。`,
            `promise-late:${by}`,
          ),
          by,
        ),
      )
      for (const to of await this.book.unitStaff([lead.id]))
        messages.push(
          ofDay(
            this.book.message(
              s,
              to,
              'suggestion.promise_late_unit',
              `代表建议 ${s.number}《${s.title}》承诺${dayText(by)}前办完，这一天已经过了，还没有报告办理结果。办完后请在“交办建议”里报告办理结果，代表会再评价。`,
              `promise-late:${by}:${to.id}`,
            ),
            by,
          ),
        )
    }
    if (messages.length) await this.book.store.outbox.enqueue(messages)
    return { promisesLate }
  }
}
