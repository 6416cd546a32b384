import { expect } from 'chai'
import { deputyLateWords } from '../../src/domain/late-words.js'
import { deputyCaseDue } from '../../src/domain/tasks.js'

const zone = 'Asia/Shanghai'
const at = (local: string) => new Date(`${local}+08:00`)

describe('a late message in a deputy’s words (late-words)', () => {
  it('says how many calendar days the answer or the 受理 is late', () => {
    // The reply clock ends at 24:00 of Friday 4 December: stored as Saturday 00:00, as the workbench counts from it.
    expect(deputyLateWords('reply', at('2026-12-05T00:00:00'), '2026-12-07', zone)).to.equal('答复已超期 2 天')
    expect(deputyLateWords('acknowledge', at('2026-12-04T10:00:00'), '2026-12-07', zone)).to.equal('已过受理期限 3 天')
  })

  it('says a deadline gone by earlier the same day as today’s, never "0 天"', () => {
    expect(deputyLateWords('acknowledge', at('2026-12-07T07:00:00'), '2026-12-07', zone)).to.equal('今天已过受理期限')
    expect(deputyLateWords('reply', at('2026-12-07T00:00:00'), '2026-12-07', zone)).to.equal('答复期限今天已过')
  })

  it('counts as the workbench does (deputyCaseDue) on the same morning', () => {
    const now = at('2026-12-07T08:00:00')
    const notAcked = { status: 'assigned' as const, acknowledgedAt: null, ackDueAt: at('2026-12-03T10:00:00'), replyDueAt: at('2026-12-24T00:00:00') }
    expect(deputyLateWords('acknowledge', notAcked.ackDueAt, '2026-12-07', zone)).to.equal(deputyCaseDue(notAcked, now, zone)!.words)
    const late = { ...notAcked, status: 'acknowledged' as const, acknowledgedAt: at('2026-11-10T09:00:00'), replyDueAt: at('2026-12-01T00:00:00') }
    expect(deputyLateWords('reply', late.replyDueAt, '2026-12-07', zone)).to.equal(deputyCaseDue(late, now, zone)!.words)
  })
})
