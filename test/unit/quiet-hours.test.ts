import { expect } from 'chai'
import { quietUntil } from '../../src/domain/quiet-hours.js'

const TZ = 'Asia/Shanghai'
const at = (iso: string) => new Date(iso)
const until = (iso: string, start = '21:00', end = '08:00') => quietUntil(at(iso), { start, end }, TZ)?.toISOString() ?? null

describe('quiet hours', () => {
  it('holds what is sent from 21:00 until 08:00 the next morning, business time', () => {
    expect(until('2026-11-23T20:59:59+08:00'), '20:59:59').to.equal(null)
    expect(until('2026-11-23T21:00:00+08:00'), '21:00').to.equal('2026-11-24T00:00:00.000Z')
    expect(until('2026-11-23T23:45:30.250+08:00'), '23:45').to.equal('2026-11-24T00:00:00.000Z')
    expect(until('2026-11-24T03:10:00+08:00'), '03:10').to.equal('2026-11-24T00:00:00.000Z')
    expect(until('2026-11-24T07:59:00+08:00'), '07:59').to.equal('2026-11-24T00:00:00.000Z')
    expect(until('2026-11-24T08:00:00+08:00'), '08:00').to.equal(null)
    expect(until('2026-11-24T12:00:00+08:00'), 'noon').to.equal(null)
  })

  it("keeps each time zone's own night, asked one after the other", () => {
    expect(until('2026-11-23T21:30:00+08:00'), '21:30 in Shanghai').to.equal('2026-11-24T00:00:00.000Z')
    expect(quietUntil(at('2026-11-23T21:30:00+08:00'), { start: '21:00', end: '08:00' }, 'Asia/Urumqi'), '19:30 in Urumqi').to.equal(null)
  })

  it('takes a window within one day, and none at all when start equals end', () => {
    expect(until('2026-11-24T12:30:00+08:00', '12:00', '14:00')).to.equal('2026-11-24T06:00:00.000Z')
    expect(until('2026-11-24T14:00:00+08:00', '12:00', '14:00')).to.equal(null)
    expect(until('2026-11-24T23:00:00+08:00', '00:00', '00:00')).to.equal(null)
  })
})
