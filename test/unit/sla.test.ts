import { expect } from 'chai'
import { BusinessCalendar } from '../../src/domain/business-calendar.js'
import { forwardedDurationMs, median, slaDeadlines, slaStatus } from '../../src/domain/sla.js'

// The 2025 and 2026 国庆 periods as published, so the stories below do not depend on config.
const china = new BusinessCalendar({
  timeZone: 'Asia/Shanghai',
  holidays: ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-04', '2025-10-05', '2025-10-06', '2025-10-07', '2025-10-08'],
  workdays: ['2025-09-28', '2025-10-11'],
})
const policy = { ackHours: 24, replyWorkingDays: 15 }
const beijing = (wall: string) => new Date(`${wall}+08:00`)
const HOUR = 3_600_000

describe('SLA deadlines of a resident message', () => {
  it('a message on a Friday evening must be acknowledged by Monday evening and answered in three weeks', () => {
    const { ackDueAt, replyDueAt } = slaDeadlines(beijing('2026-03-13T20:00'), china, policy)
    expect(ackDueAt.toISOString()).to.equal(beijing('2026-03-16T20:00').toISOString(), 'the acknowledgement clock stands still over the weekend')
    expect(replyDueAt.toISOString()).to.equal(beijing('2026-04-03T23:59:59.999').toISOString(), 'end of the 15th working day')
  })

  it('a message sent on the Friday before 国庆 2025 is due on Thursday 23 October, the holiday not counted', () => {
    // 28 Sep (调休 Sunday), 29, 30 Sep, 9, 10, 11 (调休 Saturday), 13–17, 20–23 Oct: fifteen working days.
    const { ackDueAt, replyDueAt } = slaDeadlines(beijing('2025-09-26T19:00'), china, policy)
    expect(ackDueAt.toISOString()).to.equal(beijing('2025-09-28T19:00').toISOString(), 'Saturday is off, the 调休 Sunday is worked')
    expect(replyDueAt.toISOString()).to.equal('2025-10-23T15:59:59.999Z')
  })

  it('a message on a Saturday gets all of Monday to be acknowledged, shown as the end of Monday', () => {
    const { ackDueAt } = slaDeadlines(beijing('2026-03-14T10:00'), china, policy)
    expect(ackDueAt.toISOString()).to.equal(beijing('2026-03-16T23:59:59.999').toISOString())
  })

  it('refuses a negative acknowledgement window', () => {
    expect(() => slaDeadlines(beijing('2026-03-13T20:00'), china, { ackHours: -1, replyWorkingDays: 15 })).to.throw(RangeError)
  })
})

describe('where a case stands against its SLA', () => {
  const submittedAt = beijing('2026-03-13T20:00')
  const due = slaDeadlines(submittedAt, china, policy)
  const open = { ...due, acknowledgedAt: null, repliedAt: null }

  it('a fresh message is neither late nor in time yet', () => {
    expect(slaStatus(open, beijing('2026-03-14T08:00'))).to.deep.equal({ ackOverdue: false, replyOverdue: false, ackInTime: null, replyInTime: null })
  })

  it('a message of Friday evening is not overdue on Saturday or Sunday', () => {
    expect(slaStatus(open, beijing('2026-03-14T20:01')).ackOverdue, 'Saturday evening').to.equal(false)
    expect(slaStatus(open, beijing('2026-03-15T23:00')).ackOverdue, 'Sunday night').to.equal(false)
  })

  it('a message nobody acknowledged within 24 working hours is overdue for acknowledgement only', () => {
    expect(slaStatus(open, beijing('2026-03-16T20:00')).ackOverdue, 'at the due instant it is still in time').to.equal(false)
    expect(slaStatus(open, beijing('2026-03-16T20:01'))).to.deep.equal({ ackOverdue: true, replyOverdue: false, ackInTime: false, replyInTime: null })
  })

  it('acknowledged in time but still unanswered after the 15th working day: the reply is overdue', () => {
    const c = { ...open, acknowledgedAt: beijing('2026-03-14T10:00') }
    expect(slaStatus(c, beijing('2026-04-03T23:59'))).to.deep.equal({ ackOverdue: false, replyOverdue: false, ackInTime: true, replyInTime: null })
    expect(slaStatus(c, beijing('2026-04-04T00:00'))).to.deep.equal({ ackOverdue: false, replyOverdue: true, ackInTime: true, replyInTime: false })
  })

  it('a late acknowledgement stays late after it is done, and is no longer overdue', () => {
    const c = { ...open, acknowledgedAt: beijing('2026-03-17T09:00'), repliedAt: beijing('2026-03-20T16:00') }
    expect(slaStatus(c, beijing('2026-05-01T00:00'))).to.deep.equal({ ackOverdue: false, replyOverdue: false, ackInTime: false, replyInTime: true })
  })

  it('a reply sent straight away also counts as the acknowledgement', () => {
    const c = { ...open, repliedAt: beijing('2026-03-14T11:00') }
    expect(slaStatus(c, beijing('2026-03-20T00:00'))).to.deep.equal({ ackOverdue: false, replyOverdue: false, ackInTime: true, replyInTime: true })
  })
})

describe('time spent with a department (forwarded)', () => {
  const t = (hours: number) => new Date(Date.parse('2026-03-02T00:00:00Z') + hours * HOUR)
  const change = (hours: number, fromStatus: string | null, toStatus: string | null) => ({ at: t(hours), fromStatus, toStatus })

  it('adds up two forwardings, ignores notes, and keeps counting the one still open until now', () => {
    const timeline = [
      change(0, null, 'submitted'),
      change(1, 'submitted', 'assigned'),
      change(2, 'assigned', 'acknowledged'),
      change(10, 'acknowledged', 'forwarded'), // to the housing bureau
      change(30, null, null), // a note from staff, no change of status
      change(58, 'forwarded', 'acknowledged'), // the bureau answered: 48 h
      change(70, 'acknowledged', 'forwarded'), // to the transport bureau
      change(80, 'forwarded', 'forwarded'), // passed on to the district: still with a department
    ]
    const now = t(100) // 30 h with the second department so far
    expect(forwardedDurationMs(timeline, now)).to.equal(78 * HOUR)
    expect(forwardedDurationMs([...timeline].reverse(), now), 'order of the events does not matter').to.equal(78 * HOUR)
  })

  it('stops counting when the department replies, and is zero for a case never forwarded', () => {
    const timeline = [change(0, null, 'submitted'), change(5, 'acknowledged', 'forwarded'), change(17, 'forwarded', 'replied'), change(40, 'replied', 'closed')]
    expect(forwardedDurationMs(timeline, t(500))).to.equal(12 * HOUR)
    expect(forwardedDurationMs([change(0, null, 'submitted'), change(3, 'submitted', 'replied')], t(500))).to.equal(0)
  })
})

describe('median, for reports', () => {
  it('takes the middle of an odd list and the mean of the two middles of an even one, whatever the order', () => {
    expect(median([7, 1, 3])).to.equal(3)
    expect(median([10, 2, 4, 8])).to.equal(6)
    expect(median([5])).to.equal(5)
  })

  it('has no median for no values, and leaves the input alone', () => {
    expect(median([])).to.equal(null)
    const values = [3, 1, 2]
    median(values)
    expect(values).to.deep.equal([3, 1, 2])
  })
})
