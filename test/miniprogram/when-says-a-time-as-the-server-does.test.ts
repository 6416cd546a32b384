import { expect } from 'chai'
import { createRequire } from 'node:module'
import { spokenDay, spokenMoment, spokenTime } from '../../src/domain/spoken-dates.js'

// The mini-program is CommonJS, as WeChat loads it.
const require = createRequire(import.meta.url)
const when = require('../../miniprogram/utils/when.js')

const TZ = 'Asia/Shanghai'

/**
 * A page says a time the page alone knows (her paper's end, his check-in) beside times the server said: "上午10:45",
 * never "10:45" under "上午9:30". One rule: the page's words are the server's, minute for minute.
 */
describe('mini-program: a time of day is said as the server says it', () => {
  it('上午10:45, 中午12:30, 下午5:00, 晚上9:50, 凌晨0:05', () => {
    expect(when.spokenClock('2026-12-06T02:45:00Z')).to.equal('上午10:45')
    expect(when.spokenClock('2026-12-06T04:30:00Z')).to.equal('中午12:30')
    expect(when.spokenClock('2026-12-06T09:00:00Z')).to.equal('下午5:00')
    expect(when.spokenClock('2026-12-06T13:50:00Z')).to.equal('晚上9:50')
    expect(when.spokenClock('2026-12-05T16:05:00Z')).to.equal('凌晨0:05')
  })

  it('every minute of a day reads as spokenTime, and a moment as spokenMoment', () => {
    const start = Date.parse('2026-11-25T16:00:00Z') // Thursday 00:00 in Beijing
    for (let m = 0; m < 24 * 60; m++) {
      const at = new Date(start + m * 60_000)
      expect(when.spokenClock(at.toISOString()), at.toISOString()).to.equal(spokenTime(at, TZ))
    }
    const at = new Date('2026-11-26T00:40:00Z')
    expect(when.spokenMoment(at.toISOString())).to.equal(spokenMoment(at, TZ)).and.to.equal('11月26日（星期四）上午8:40')
    expect(when.spokenMoment(at.toISOString(), true)).to.equal('2026年11月26日（星期四）上午8:40')
  })

  it('a day reads as spokenDay, given as a moment or as a calendar day: 12月10日（星期四）', () => {
    for (let d = 0; d < 7; d++) {
      const day = new Date(Date.UTC(2026, 11, 7 + d)).toISOString().slice(0, 10)
      const noon = new Date(`${day}T04:00:00Z`)
      expect(when.spokenDay(day), day).to.equal(spokenDay(noon, TZ))
      expect(when.spokenDay(noon.toISOString()), day).to.equal(spokenDay(noon, TZ))
    }
    expect(when.spokenDay('2026-12-10')).to.equal('12月10日（星期四）')
    expect(when.spokenDay('2027-06-30', true)).to.equal('2027年6月30日（星期三）')
  })
})
