import { expect } from 'chai'
import { BusinessCalendar } from '../../src/domain/business-calendar.js'
import { closedText, closingText, dueDateText, hoursText, residentDueDateText } from '../../src/domain/due-date-text.js'
import { slaDeadlines } from '../../src/domain/sla.js'

const beijing = (wall: string) => new Date(`${wall}+08:00`)
const tz = 'Asia/Shanghai'

// dueDateText is the console's badge (staff); deputies and residents read closingText's words (residentDueDateText).
describe("a message's deadlines as staff, deputies and residents read them", () => {
  const calendar = new BusinessCalendar({ timeZone: tz, holidays: [], workdays: [] })
  const ackBy = (written: string) => dueDateText(slaDeadlines(beijing(written), calendar, { ackHours: 24, replyWorkingDays: 15 }).ackDueAt, tz)

  it('the time to acknowledge reads by one rule whatever day the message came on: the date and the time', () => {
    // Friday 6:57: 24 working hours later is Monday 6:57.
    expect(ackBy('2026-12-04T06:57')).to.equal('12月7日 6:57前')
    // Saturday 6:57: the clock stands still over the weekend and runs all of Monday.
    expect(ackBy('2026-12-05T06:57')).to.equal('12月7日 24:00前')
    expect(ackBy('2026-12-06T23:00'), 'Sunday night, the same').to.equal('12月7日 24:00前')
  })

  it('a deadline at the end of a day reads "12月22日 24:00前", the whole of that day counting', () => {
    expect(dueDateText(beijing('2026-12-22T23:59:59.999'), tz)).to.equal('12月22日 24:00前')
  })

  it('a deadline at 00:00 is the end of the day before, never "12月23日 0:00前"', () => {
    expect(dueDateText(beijing('2026-12-23T00:00'), tz)).to.equal('12月22日 24:00前')
    expect(dueDateText(beijing('2026-12-23T00:30'), tz), 'any other time is said as it is').to.equal('12月23日 0:30前')
  })

  it('the end of a Beijing day is still that day though it is afternoon in UTC', () => {
    expect(dueDateText(new Date('2026-03-16T15:59:59.999Z'), tz)).to.equal('3月16日 24:00前')
  })

  it('the resident and her deputy read the end of a day as "12月22日前（含当日）"; a time of day the same as staff', () => {
    expect(residentDueDateText(beijing('2026-12-22T23:59:59.999'), tz)).to.equal('12月22日前（含当日）')
    expect(closingText(beijing('2026-12-22T23:59:59.999'), tz), 'the deputy, the same').to.equal('12月22日前（含当日）')
    expect(dueDateText(beijing('2026-12-22T23:59:59.999'), tz), 'the staff’s badge keeps 24:00').to.equal('12月22日 24:00前')
    expect(residentDueDateText(beijing('2026-12-23T00:00'), tz), 'a close at 00:00 is the day before').to.equal('12月22日前（含当日）')
    expect(residentDueDateText(beijing('2026-11-24T10:00'), tz)).to.equal('11月24日 10:00前')
    expect(residentDueDateText(beijing('2027-01-15T23:59:59.999'), tz, beijing('2026-12-24T10:00'))).to.equal('2027年1月15日前（含当日）')
  })

  it('a deadline at a time of day says the time', () => {
    expect(dueDateText(beijing('2026-03-16T20:00'), tz)).to.equal('3月16日 20:00前')
  })

  // The console writes every other time beside these (收到, 催办, 答复) as people write one: "12月7日 1:07".
  it('a time of day is written as people write it, the hour without a leading zero, the minutes in two digits', () => {
    expect(dueDateText(beijing('2026-12-08T01:07'), tz), 'staff').to.equal('12月8日 1:07前')
    expect(dueDateText(beijing('2026-12-08T09:30'), tz)).to.equal('12月8日 9:30前')
    expect(closingText(beijing('2026-12-08T01:07'), tz), 'deputies and residents').to.equal('12月8日 1:07前')
    expect(closingText(beijing('2026-12-08T09:30'), tz)).to.equal('12月8日 9:30前')
    expect(closedText(beijing('2026-12-08T09:30'), tz), 'once closed').to.equal('已于 12月8日 9:30 结束')
    expect(dueDateText(beijing('2026-12-08T10:05'), tz), 'two-digit hours as they were').to.equal('12月8日 10:05前')
    expect(dueDateText(beijing('2026-12-09T00:00'), tz), 'the end of a day still 24:00').to.equal('12月8日 24:00前')
    expect(closingText(beijing('2026-12-09T00:00'), tz)).to.equal('12月8日前（含当日）')
  })

  it('names the year only when it is not this year', () => {
    expect(dueDateText(beijing('2027-01-15T23:59:59.999'), tz, beijing('2026-12-24T10:00'))).to.equal('2027年1月15日 24:00前')
    expect(dueDateText(beijing('2026-12-30T23:59:59.999'), tz, beijing('2026-12-24T10:00'))).to.equal('12月30日 24:00前')
  })
})

describe('when a survey, ballot or quiz closes, in words', () => {
  it('a close at 00:00 is the end of the day before, the day itself counting', () => {
    expect(closingText(beijing('2026-12-20T00:00'), tz)).to.equal('12月19日前（含当日）')
    expect(closingText(beijing('2027-01-01T00:00'), tz, beijing('2026-12-24T10:00'))).to.equal('12月31日前（含当日）')
    expect(closingText(beijing('2026-12-20T00:30'), tz), 'any other time is said as it is').to.equal('12月20日 0:30前')
    expect(closingText(beijing('2026-11-30T18:00'), tz)).to.equal('11月30日 18:00前')
  })

  it('spans of whole days are said in days', () => {
    expect(hoursText(72)).to.equal('3 天')
    expect(hoursText(30)).to.equal('30 个小时')
  })
})
