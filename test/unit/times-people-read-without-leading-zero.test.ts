import { expect } from 'chai'
import { dayTime } from '../../bots/flows/turn.js'
import { timeOfDay, urgedAtText } from '../../src/domain/case-urging.js'
import { momentLabel } from '../../src/domain/meeting-words.js'

/**
 * Every time a person reads says the hour as people write it, "9:05", never "09:05" (the minutes always two
 * digits), as the deadline words (due-date-text) and the console's own times do: one page said "9:30前" beside
 * "09:30" before. Machine formats (WeChat's card values, sheets) keep their own padded form.
 */
describe('times people read have no leading zero on the hour', () => {
  const nineOFive = new Date('2026-12-07T01:05:00Z') // 12月7日（星期一）上午9:05 in Shanghai
  const zone = 'Asia/Shanghai'

  it('a meeting message moment: "12月7日 9:05", "12月5日 2:17", and an afternoon as it was', () => {
    expect(momentLabel(nineOFive, zone)).to.equal('12月7日 9:05')
    expect(momentLabel(new Date('2026-12-04T18:17:00Z'), zone)).to.equal('12月5日 2:17')
    expect(momentLabel(new Date('2026-12-04T16:00:00Z'), zone), 'midnight').to.equal('12月5日 0:00')
    expect(momentLabel(new Date('2026-12-07T06:30:00Z'), zone)).to.equal('12月7日 14:30')
  })

  it('when a case was urged: "9:05", "12月7日（星期一）上午9:05"', () => {
    expect(timeOfDay(nineOFive, zone)).to.equal('9:05')
    expect(urgedAtText(nineOFive, zone)).to.equal('12月7日（星期一）上午9:05')
    expect(timeOfDay(new Date('2026-12-07T14:32:00Z'), zone)).to.equal('22:32')
  })

  it('the chat bot\'s "您12月7日 9:05发来的…"', () => {
    expect(dayTime(nineOFive.toISOString())).to.equal('12月7日 9:05')
    expect(dayTime('2026-12-06T16:04:00Z'), 'just after midnight').to.equal('12月7日 0:04')
    expect(dayTime('2026-12-07T12:40:00Z')).to.equal('12月7日 20:40')
  })
})
