import { expect } from 'chai'
import { dueDateText, hoursText } from '../../src/domain/due-date-text.js'

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

  it('spans of whole days are said in days', () => {
    expect(hoursText(72)).to.equal('3 天')
    expect(hoursText(30)).to.equal('30 个小时')
  })
})
