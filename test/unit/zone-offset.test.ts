import { expect } from 'chai'
import { offsetMs } from '../../src/domain/zone-offset.js'

/** What Intl says, the slow way: the wall clock read back as if it were UTC. */
function intlOffset(instant: number, timeZone: string) {
  const f = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  })
  const p = Object.fromEntries(f.formatToParts(Math.floor(instant / 1000) * 1000).map((x) => [x.type, x.value]))
  return Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour % 24, +p.minute, +p.second) - Math.floor(instant / 1000) * 1000
}

describe('time zone offsets (cached by quarter hour)', () => {
  it('agree with Intl minute by minute across the spring and autumn changes of New York, London and Lord Howe, and in Shanghai', () => {
    const spans: Array<[string, string]> = [
      ['America/New_York', '2026-03-08T06:00:00Z'],
      ['America/New_York', '2026-11-01T05:00:00Z'],
      ['Europe/London', '2026-03-29T00:30:00Z'],
      ['Europe/London', '2026-10-25T00:30:00Z'],
      // A half-hour change, at 02:00 local time.
      ['Australia/Lord_Howe', '2026-04-04T14:30:00Z'],
      ['Asia/Shanghai', '2026-12-01T15:30:00Z'],
    ]
    for (const [zone, from] of spans) {
      const start = Date.parse(from)
      for (let t = start; t < start + 2 * 3_600_000; t += 60_000 + 7_777) {
        expect(offsetMs(t, zone), `${zone} at ${new Date(t).toISOString()}`).to.equal(intlOffset(t, zone))
      }
    }
  })

  it('still agree after more quarter hours were asked than are kept, in two zones at once', () => {
    const start = Date.parse('2026-01-01T00:00:00Z')
    for (let i = 0; i < 25_000; i++) {
      const t = start + i * 900_001
      for (const zone of ['Asia/Shanghai', 'America/New_York']) {
        const offset = offsetMs(t, zone)
        if (i % 50 === 0) expect(offset, `${zone} at ${new Date(t).toISOString()}`).to.equal(intlOffset(t, zone))
      }
    }
  })
})
