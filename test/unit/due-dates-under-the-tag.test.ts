import { expect } from 'chai'
import { dueDates } from '../../src/domain/deadline-words.js'
import { slaBadge } from '../../src/domain/sla-badge.js'
import type { CaseRecord } from '../../src/domain/case.js'

const ZONE = 'Asia/Shanghai'
/** Beijing wall clock to an instant. */
const at = (local: string) => new Date(`${local}+08:00`)

type Running = Parameters<typeof dueDates>[0] & Parameters<typeof slaBadge>[0]
const waiting = (over: Partial<CaseRecord> = {}): Running => ({
  status: 'assigned',
  acknowledgedAt: null,
  repliedAt: null,
  ackDueAt: at('2026-12-07T10:00:00'),
  replyDueAt: at('2026-12-25T23:59:59.999'),
  slaReplyDueAt: undefined,
  mergedInto: null,
  ...over,
})
/** The 期限 column as the console writes it: the tag, then each deadline under it. */
const column = (c: Running, now: Date) => {
  const badge = slaBadge(c, now, ZONE)
  return [badge?.text ?? '—', ...dueDates(c, badge, now, ZONE).map((d) => `${d.label} ${d.when}${d.note ? `（${d.note}）` : ''}`)]
}

/** The inbox's 期限 column says how near on its tag and when under it, the tag's nearness not said twice. */
describe('the deadlines under the inbox tag', () => {
  it('says the date the tag counts without its 明天, 今天 or 已过, and the other deadline with its own', () => {
    expect(column(waiting(), at('2026-12-06T23:27:00'))).to.deep.equal(['明天到期', '受理 12月7日 10:00', '答复 12月25日'])
    expect(column(waiting(), at('2026-12-07T09:00:00'))).to.deep.equal(['今天到期', '受理 12月7日 10:00', '答复 12月25日'])
    // Past the acknowledgement's hour, the reply not yet due: the tag is 未按时受理, about 受理.
    expect(column(waiting(), at('2026-12-08T09:00:00'))).to.deep.equal(['未按时受理', '受理 12月7日 10:00', '答复 12月25日'])
    // Past the reply's day: the tag counts 答复; 受理, gone too, says so itself.
    expect(column(waiting(), at('2026-12-27T09:00:00'))).to.deep.equal(['已超期 2 天', '受理 12月7日 10:00（已过）', '答复 12月25日'])
  })

  it('keeps 分派时要求, says nothing once answered, and only 答复 once acknowledged', () => {
    const asked = waiting({
      acknowledgedAt: at('2026-12-07T09:00:00'),
      status: 'acknowledged',
      replyDueAt: at('2026-12-10T23:59:59.999'),
      slaReplyDueAt: at('2026-12-10T23:59:59.999'),
    })
    expect(column(asked, at('2026-12-09T09:00:00'))).to.deep.equal(['明天到期', '答复 12月10日（分派时要求）'])
    expect(column(waiting({ status: 'replied', repliedAt: at('2026-12-07T09:00:00') }), at('2026-12-08T09:00:00'))).to.deep.equal(['—'])
  })
})
