import { expect } from 'chai'
import { BusinessCalendar } from '../../src/domain/business-calendar.js'
import { localDate } from '../../src/domain/dates.js'
import { recountedDeadlines, slaDeadlines } from '../../src/domain/sla.js'
import { bundledHolidayYears } from '../../src/services/calendar/calendar-seed.js'

const beijing = (wall: string) => new Date(`${wall}+08:00`)
const china = BusinessCalendar.fromYears('Asia/Shanghai', bundledHolidayYears())
const policy = { ackHours: 24, replyWorkingDays: 15 }

describe('the business calendar beyond the years imported', () => {
  it('knows 2025 and 2026 only', () => {
    expect(china.isCovered('2026-12-31')).to.equal(true)
    expect(china.isCovered('2027-01-01')).to.equal(false)
  })

  it('still rests on the days the law fixes by date: 元旦, 劳动节 1–2 May, 国庆 1–3 October', () => {
    for (const day of ['2027-01-01', '2027-05-03' /* a Monday, not fixed */]) expect(china.isWorkingDay(day), day).to.equal(day === '2027-05-03')
    for (const day of ['2028-05-01', '2028-05-02', '2027-10-01']) expect(china.isWorkingDay(day), day).to.equal(false)
    expect(china.isWorkingDay('2027-01-04'), 'an ordinary Monday').to.equal(true)
  })

  it('a case submitted on 24 December 2026 does not count 1 January 2027 as a working day, and its deadline is provisional', () => {
    const due = slaDeadlines(beijing('2026-12-24T10:00'), china, policy)
    // 25, 28–31 Dec, 4–8, 11–15 Jan: 1 Jan (元旦) and the weekends are not counted.
    expect(localDate(due.replyDueAt, 'Asia/Shanghai')).to.equal('2027-01-15')
    expect(due.provisional).to.equal(true)
  })

  it('a deadline counted inside the covered years is not provisional', () => {
    expect(slaDeadlines(beijing('2026-11-02T10:00'), china, policy).provisional).to.equal(false)
  })

  it('an acknowledgement clock that runs into an uncovered year is provisional too', () => {
    const ack = china.afterWorkingHours(beijing('2026-12-31T10:00'), 24)
    expect(ack.dueAt.toISOString()).to.equal(beijing('2027-01-04T10:00').toISOString(), '1–3 January are not working days')
    expect(ack.provisional).to.equal(true)
  })

  it('lists the dates in the next 60 days that no imported year covers', () => {
    expect(china.uncoveredDates(beijing('2026-10-01T12:00'), 60)).to.deep.equal([])
    const missing = china.uncoveredDates(beijing('2026-12-01T12:00'), 60)
    expect(missing[0]).to.equal('2027-01-01')
    expect(missing.at(-1)).to.equal('2027-01-30')
  })
})

describe('counting provisional deadlines again once the year is known', () => {
  const with2027 = BusinessCalendar.fromYears('Asia/Shanghai', [
    ...bundledHolidayYears(),
    { year: 2027, days: ['2027-01-01', '2027-01-02', '2027-01-03', '2027-01-04'].map((date) => ({ date, name: '元旦', isOffDay: true })) },
  ])
  const submitted = beijing('2026-12-24T10:00')
  const first = slaDeadlines(submitted, china, policy)
  const open = { createdAt: submitted, ...first, acknowledgedAt: null, repliedAt: null }

  it('restarts the reply clock at the submission, and is no longer provisional', () => {
    const next = recountedDeadlines(open, [], with2027, policy)
    expect(localDate(next.replyDueAt, 'Asia/Shanghai')).to.equal('2027-01-18')
    expect(next.provisional).to.equal(false)
  })

  it('restarts the reply clock at the last reopening and the acknowledgement clock at the last assignment', () => {
    const events = [
      { at: beijing('2026-12-29T09:00'), type: 'reopened' },
      { at: beijing('2026-12-31T09:00'), type: 'transferred' },
    ]
    const next = recountedDeadlines(open, events, with2027, policy)
    expect(next.ackDueAt.toISOString()).to.equal(beijing('2027-01-05T09:00').toISOString(), '31 Dec 15 h, then 1–4 Jan off, then 9 h')
    expect(localDate(next.replyDueAt, 'Asia/Shanghai')).to.equal('2027-01-21')
  })

  it('leaves a stopped clock alone', () => {
    const acked = { ...open, acknowledgedAt: beijing('2026-12-24T11:00') }
    expect(recountedDeadlines(acked, [], with2027, policy).ackDueAt).to.equal(first.ackDueAt)
  })
})
