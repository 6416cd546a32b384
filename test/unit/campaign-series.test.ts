import { expect } from 'chai'
import { deadlineText, issuedBy, monthOf, nextMonth, periodWindow } from '../../src/domain/campaign-series.js'
import { rollUp } from '../../src/domain/campaign-rollup.js'
import type { PersonProgress } from '../../src/domain/campaign-progress.js'

const TZ = 'Asia/Shanghai'

describe('每月一次: the month of an issue and its window', () => {
  it('takes the month in the business time zone, not UTC', () => {
    expect(monthOf(new Date('2026-11-30T15:59:59Z'), TZ)).to.equal('2026-11')
    expect(monthOf(new Date('2026-11-30T16:00:00Z'), TZ)).to.equal('2026-12')
    expect(nextMonth('2026-12')).to.equal('2027-01')
  })

  it('runs an issue over its month, cut to the series’ window; none where they do not meet', () => {
    const series = { startsAt: new Date('2026-11-23T02:00:00Z'), endsAt: new Date('2027-01-15T00:00:00Z') }
    expect(periodWindow(series, '2026-11', TZ)).to.deep.equal({ startsAt: series.startsAt, endsAt: new Date('2026-11-30T16:00:00Z') })
    expect(periodWindow(series, '2026-12', TZ)).to.deep.equal({ startsAt: new Date('2026-11-30T16:00:00Z'), endsAt: new Date('2026-12-31T16:00:00Z') })
    expect(periodWindow(series, '2027-01', TZ)).to.deep.equal({ startsAt: new Date('2026-12-31T16:00:00Z'), endsAt: series.endsAt })
    expect(periodWindow(series, '2027-02', TZ)).to.equal(null)
    expect(periodWindow(series, '2026-10', TZ)).to.equal(null)
    expect(deadlineText(new Date('2026-12-31T16:00:00Z'), TZ), 'the last day, not the midnight after it').to.equal('12月31日')
  })

  it('says who an issue comes from in a deputy’s words', () => {
    expect([issuedBy('city', null), issuedBy('district', '湛河区'), issuedBy('street', '轻工街道')]).to.deep.equal([
      '市人大常委会',
      '湛河区人大常委会',
      '轻工街道人大工委',
    ])
  })
})

describe('上下同题: progress rolled up across levels', () => {
  const person = (id: string, over: Partial<PersonProgress> = {}): PersonProgress => ({
    kind: 'deputy',
    id,
    name: id,
    stationId: 'st1',
    districtId: 'd1',
    itemsReached: 1,
    itemsRead: 0,
    requiredReached: 1,
    requiredRead: 0,
    checkIns: 0,
    lastCheckInAt: null,
    lastReflection: null,
    reached: true,
    read: false,
    checkedIn: false,
    ...over,
  })

  it('counts a person in two levels once in the total, checked in if they did so in either', () => {
    const rolled = rollUp([
      { campaignId: 'street', level: 'street', areaId: 's1', people: [person('a', { checkedIn: true })] },
      { campaignId: 'city', level: 'city', areaId: null, people: [person('a'), person('b')] },
      { campaignId: 'district', level: 'district', areaId: 'd1', people: [person('a'), person('b', { read: true })] },
    ])
    expect(rolled.parts.map((p) => [p.level, p.progress.audience, p.progress.checkedIn])).to.deep.equal([
      ['city', 2, 0],
      ['district', 2, 0],
      ['street', 1, 1],
    ])
    expect(rolled.total).to.include({ audience: 2, read: 1, checkedIn: 1, checkedInShare: 0.5 })
  })
})
