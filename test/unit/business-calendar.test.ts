import { expect } from 'chai'
import { BusinessCalendar, endOfLocalDay, startOfLocalDay } from '../../src/domain/business-calendar.js'
import { localDate } from '../../src/domain/dates.js'
import { bundledHolidayYears } from '../../src/services/calendar/calendar-seed.js'

const bundled = bundledHolidayYears()
const published = {
  holidays: bundled.flatMap((y) => y.days.filter((d) => d.isOffDay).map((d) => d.date)),
  workdays: bundled.flatMap((y) => y.days.filter((d) => !d.isOffDay).map((d) => d.date)),
}
const china = BusinessCalendar.fromYears('Asia/Shanghai', bundled)

/** An instant given as Beijing wall time, which is what staff and residents read. */
const beijing = (wall: string) => new Date(`${wall}+08:00`)

describe('the business calendar: which days are working days', () => {
  it('works Monday to Friday and rests at the weekend', () => {
    expect(china.isWorkingDay('2026-03-13'), 'Friday').to.equal(true)
    expect(china.isWorkingDay('2026-03-14'), 'Saturday').to.equal(false)
    expect(china.isWorkingDay('2026-03-15'), 'Sunday').to.equal(false)
    expect(china.isWorkingDay('2026-03-16'), 'Monday').to.equal(true)
  })

  it('rests through the 国庆 week and works the 调休 Sunday before it and Saturday after it', () => {
    for (const day of ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07']) expect(china.isWorkingDay(day), day).to.equal(false)
    expect(china.isWorkingDay('2026-09-20'), 'Sunday 20 September, 调休').to.equal(true)
    expect(china.isWorkingDay('2026-10-08'), 'Thursday after the holiday').to.equal(true)
    expect(china.isWorkingDay('2026-10-10'), 'Saturday 10 October, 调休').to.equal(true)
    expect(china.isWorkingDay('2026-10-11'), 'an ordinary Sunday').to.equal(false)
  })

  it('refuses dates that do not exist and contradictory configuration', () => {
    expect(() => china.isWorkingDay('2026-02-30')).to.throw(RangeError)
    expect(() => china.isWorkingDay('2026-9-1')).to.throw(RangeError)
    expect(() => new BusinessCalendar({ timeZone: 'Asia/Beijing', holidays: [], workdays: [] })).to.throw(RangeError, /time zone/)
    expect(() => new BusinessCalendar({ timeZone: 'Asia/Shanghai', holidays: ['2026-10-10'], workdays: ['2026-10-10'] })).to.throw(RangeError, /both/)
  })
})

describe('the published holiday schedule (config/holidays/*.json)', () => {
  const weekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay()

  it('lists only weekend days as make-up working days', () => {
    for (const day of published.workdays) expect([0, 6], day).to.include(weekday(day))
  })

  it('gives the day counts of the State Council notices', () => {
    const daysOff = (from: string, to: string) => published.holidays.filter((d) => d >= from && d <= to).length
    expect(daysOff('2025-01-28', '2025-02-04'), '2025 春节').to.equal(8)
    expect(daysOff('2025-10-01', '2025-10-08'), '2025 国庆 and 中秋').to.equal(8)
    expect(daysOff('2026-02-15', '2026-02-23'), '2026 春节').to.equal(9)
    expect(daysOff('2026-05-01', '2026-05-05'), '2026 劳动节').to.equal(5)
    expect(daysOff('2026-10-01', '2026-10-07'), '2026 国庆').to.equal(7)
    expect(published.workdays.filter((d) => d.startsWith('2026'))).to.deep.equal([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ])
  })
})

describe('working-day deadlines in Beijing', () => {
  it('a message on a Friday evening with one working day is due at the end of Monday', () => {
    expect(china.addWorkingDays(beijing('2026-03-13T20:00'), 1).toISOString()).to.equal('2026-03-16T15:59:59.999Z')
  })

  it('a message sent at 08:00 and one at 23:59 on the same day share a deadline: the day itself never counts', () => {
    const early = china.addWorkingDays(beijing('2026-03-10T08:00'), 1)
    const late = china.addWorkingDays(beijing('2026-03-10T23:59'), 1)
    expect(early.toISOString()).to.equal('2026-03-11T15:59:59.999Z')
    expect(late.getTime()).to.equal(early.getTime())
  })

  it('a message at 00:01 belongs to the new day, though in UTC it is still the day before', () => {
    const justAfterMidnight = beijing('2026-03-11T00:01')
    expect(justAfterMidnight.toISOString()).to.equal('2026-03-10T16:01:00.000Z')
    expect(china.addWorkingDays(justAfterMidnight, 1).toISOString()).to.equal('2026-03-12T15:59:59.999Z', 'end of Thursday, not Wednesday')
  })

  it('a UTC timestamp of 16:30 on a Thursday is Friday 00:30 in Beijing, so one working day lands on Monday', () => {
    expect(china.addWorkingDays(new Date('2026-03-12T15:30:00Z'), 1).toISOString()).to.equal('2026-03-13T15:59:59.999Z', 'Thursday 23:30 → Friday')
    expect(china.addWorkingDays(new Date('2026-03-12T16:30:00Z'), 1).toISOString()).to.equal('2026-03-16T15:59:59.999Z', 'Friday 00:30 → Monday')
  })

  it('a message sent on the Friday before 国庆 2025 is due on the 调休 Sunday, then jumps the eight-day holiday', () => {
    const friday = beijing('2025-09-26T19:00')
    const due = (n: number) => localDate(china.addWorkingDays(friday, n), 'Asia/Shanghai')
    expect(due(1), 'Sunday 28 September is worked').to.equal('2025-09-28')
    expect(due(3)).to.equal('2025-09-30')
    expect(due(4), 'first day back after 1–8 October').to.equal('2025-10-09')
    expect(due(6), 'Saturday 11 October is worked').to.equal('2025-10-11')
  })

  it('the last working day before 国庆 2026 with one working day is due on the Thursday after it', () => {
    expect(china.addWorkingDays(beijing('2026-09-30T18:00'), 1).toISOString()).to.equal('2026-10-08T15:59:59.999Z')
  })

  it('15 working days from Monday 28 September 2026 skip the 国庆 week and count the 调休 Saturday: due Friday 23 October', () => {
    expect(china.addWorkingDays(beijing('2026-09-28T10:00'), 15).toISOString()).to.equal('2026-10-23T15:59:59.999Z')
  })

  it('before 春节 2026 the 调休 Saturday counts, then nine days off', () => {
    const friday = beijing('2026-02-13T09:00')
    expect(localDate(china.addWorkingDays(friday, 1), 'Asia/Shanghai')).to.equal('2026-02-14')
    expect(localDate(china.addWorkingDays(friday, 2), 'Asia/Shanghai')).to.equal('2026-02-24')
  })

  it('with zero working days the deadline is the end of the same local day; negative or fractional days are refused', () => {
    expect(china.addWorkingDays(beijing('2026-03-14T10:00'), 0).toISOString()).to.equal('2026-03-14T15:59:59.999Z')
    expect(() => china.addWorkingDays(beijing('2026-03-14T10:00'), -1)).to.throw(RangeError)
    expect(() => china.addWorkingDays(beijing('2026-03-14T10:00'), 1.5)).to.throw(RangeError)
  })
})

describe('working days elapsed, for reports', () => {
  it('counts the working days after the day of the message, up to the day of the reply', () => {
    const friday = beijing('2026-03-13T20:00')
    expect(china.workingDaysBetween(friday, beijing('2026-03-13T23:00')), 'same evening').to.equal(0)
    expect(china.workingDaysBetween(friday, beijing('2026-03-15T12:00')), 'over the weekend').to.equal(0)
    expect(china.workingDaysBetween(friday, beijing('2026-03-16T09:00')), 'Monday morning').to.equal(1)
    expect(china.workingDaysBetween(friday, beijing('2026-03-20T17:00')), 'Friday after').to.equal(5)
    expect(china.workingDaysBetween(beijing('2026-09-30T18:00'), beijing('2026-10-08T09:00')), 'across 国庆').to.equal(1)
    expect(china.workingDaysBetween(friday, beijing('2026-03-01T00:00')), 'backwards').to.equal(0)
  })

  it('agrees with the deadlines: at the deadline of N working days, N have elapsed; on the next working day, N + 1', () => {
    const from = beijing('2025-09-26T19:00')
    for (let n = 0; n <= 25; n++) {
      const due = china.addWorkingDays(from, n)
      expect(china.workingDaysBetween(from, due), `deadline of ${n}`).to.equal(n)
      const nextWorkingDayBegins = china.startOfLocalDay(china.addWorkingDays(from, n + 1))
      expect(china.workingDaysBetween(from, nextWorkingDayBegins), `working day ${n + 1} begins`).to.equal(n + 1)
      expect(china.workingDaysBetween(from, new Date(nextWorkingDayBegins.getTime() - 1)), `just before working day ${n + 1}`).to.equal(n)
    }
  })
})

describe('deadlines in a time zone with daylight saving time (Europe/Berlin)', () => {
  const berlin = new BusinessCalendar({ timeZone: 'Europe/Berlin', holidays: [], workdays: [] })

  it('a Friday message before clocks go forward is due at 23:59:59.999 summer time on Monday', () => {
    expect(berlin.addWorkingDays(new Date('2026-03-27T18:00:00+01:00'), 1).toISOString()).to.equal('2026-03-30T21:59:59.999Z')
  })

  it('a Friday message before clocks go back is due at 23:59:59.999 winter time on Monday', () => {
    expect(berlin.addWorkingDays(new Date('2026-10-23T18:00:00+02:00'), 1).toISOString()).to.equal('2026-10-26T22:59:59.999Z')
  })

  it('the day clocks go forward lasts 23 hours and the day they go back 25', () => {
    const spring = new Date('2026-03-29T12:00:00+02:00')
    expect(berlin.startOfLocalDay(spring).toISOString()).to.equal('2026-03-28T23:00:00.000Z')
    expect(berlin.endOfLocalDay(spring).toISOString()).to.equal('2026-03-29T21:59:59.999Z')
    const autumn = new Date('2026-10-25T12:00:00+01:00')
    expect(berlin.startOfLocalDay(autumn).toISOString()).to.equal('2026-10-24T22:00:00.000Z')
    expect(berlin.endOfLocalDay(autumn).toISOString()).to.equal('2026-10-25T22:59:59.999Z')
  })
})

describe('local days at awkward clock changes', () => {
  it('when clocks skip midnight (São Paulo, 4 November 2018) the day starts at 01:00', () => {
    expect(startOfLocalDay(new Date('2018-11-04T15:00:00Z'), 'America/Sao_Paulo').toISOString()).to.equal('2018-11-04T03:00:00.000Z')
    expect(endOfLocalDay(new Date('2018-11-03T15:00:00Z'), 'America/Sao_Paulo').toISOString()).to.equal('2018-11-04T02:59:59.999Z')
  })

  it('when clocks go back at midnight (São Paulo, 17 February 2019) the day ends after the repeated hour', () => {
    expect(endOfLocalDay(new Date('2019-02-16T15:00:00Z'), 'America/Sao_Paulo').toISOString()).to.equal('2019-02-17T02:59:59.999Z')
    expect(startOfLocalDay(new Date('2019-02-17T15:00:00Z'), 'America/Sao_Paulo').toISOString()).to.equal('2019-02-17T03:00:00.000Z')
  })

  it('when midnight happens twice (Havana, 4 November 2018) the day starts at the first one', () => {
    expect(startOfLocalDay(new Date('2018-11-04T15:00:00Z'), 'America/Havana').toISOString()).to.equal('2018-11-04T04:00:00.000Z')
    expect(endOfLocalDay(new Date('2018-11-03T15:00:00Z'), 'America/Havana').toISOString()).to.equal('2018-11-04T03:59:59.999Z')
  })

  it('every instant lies between the start and end of its own local day, in many zones', () => {
    const zones = [
      'Asia/Shanghai',
      'Europe/Berlin',
      'America/New_York',
      'America/Sao_Paulo',
      'America/Havana',
      'Australia/Lord_Howe',
      'Pacific/Chatham',
      'Asia/Kathmandu',
    ]
    for (const timeZone of zones) {
      for (let t = Date.parse('2018-10-01T00:00:00Z'); t < Date.parse('2019-04-15T00:00:00Z'); t += 23 * 3_600_000 + 13 * 60_000) {
        const at = new Date(t)
        const start = startOfLocalDay(at, timeZone).getTime()
        const end = endOfLocalDay(at, timeZone).getTime()
        const day = localDate(at, timeZone)
        const where = `${timeZone} ${at.toISOString()}`
        expect(start <= t && t <= end, where).to.equal(true)
        expect(localDate(new Date(start), timeZone), where).to.equal(day)
        expect(localDate(new Date(start - 1), timeZone), where).to.not.equal(day)
        expect(localDate(new Date(end), timeZone), where).to.equal(day)
        expect(localDate(new Date(end + 1), timeZone), where).to.not.equal(day)
      }
    }
  })
})

describe('the business calendar: the acknowledgement clock keeps what it learns of each day', () => {
  it('answers the same for every instant of three years as a calendar asked nothing before, in either order', () => {
    const instants: Date[] = []
    for (let t = beijing('2025-01-01T00:00:00').getTime(); t < beijing('2028-01-01T00:00:00').getTime(); t += 23 * 3_600_000) instants.push(new Date(t))
    const fresh = (at: Date, hours: number) => BusinessCalendar.fromYears('Asia/Shanghai', bundled).afterWorkingHours(at, hours)
    const kept = BusinessCalendar.fromYears('Asia/Shanghai', bundled)
    for (const at of [...instants, ...[...instants].reverse()]) {
      for (const hours of [0, 24, 60]) expect(kept.afterWorkingHours(at, hours), `${at.toISOString()} +${hours}h`).to.deep.equal(fresh(at, hours))
    }
  })
})
