import { expect } from 'chai'
import { closingText, dueDateText, hoursText } from '../../src/domain/due-date-text.js'

const beijing = (wall: string) => new Date(`${wall}+08:00`)
const tz = 'Asia/Shanghai'

describe('deadlines written for residents', () => {
  it('a deadline at the end of a day reads "12月22日前（含当日）"', () => {
    expect(dueDateText(beijing('2026-12-22T23:59:59.999'), tz)).to.equal('12月22日前（含当日）')
  })

  it('the end of a Beijing day is still that day though it is afternoon in UTC', () => {
    expect(dueDateText(new Date('2026-03-16T15:59:59.999Z'), tz)).to.equal('3月16日前（含当日）')
  })

  it('a deadline at a time of day says the time', () => {
    expect(dueDateText(beijing('2026-03-16T20:00'), tz)).to.equal('3月16日 20:00前')
  })

  it('names the year only when it is not this year', () => {
    expect(dueDateText(beijing('2027-01-15T23:59:59.999'), tz, beijing('2026-12-24T10:00'))).to.equal('2027年1月15日前（含当日）')
    expect(dueDateText(beijing('2026-12-30T23:59:59.999'), tz, beijing('2026-12-24T10:00'))).to.equal('12月30日前（含当日）')
  })

  it('a close at 00:00 is the end of the day before, the day itself counting', () => {
    expect(closingText(beijing('2026-12-20T00:00'), tz)).to.equal('12月19日前（含当日）')
    expect(closingText(beijing('2027-01-01T00:00'), tz, beijing('2026-12-24T10:00'))).to.equal('12月31日前（含当日）')
    expect(closingText(beijing('2026-12-20T00:30'), tz), 'any other time is said as it is').to.equal('12月20日 00:30前')
    expect(closingText(beijing('2026-11-30T18:00'), tz)).to.equal('11月30日 18:00前')
  })

  it('spans of whole days are said in days', () => {
    expect(hoursText(72)).to.equal('3 天')
    expect(hoursText(30)).to.equal('30 个小时')
  })
})
