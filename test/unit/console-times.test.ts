import { expect } from 'chai'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

// Loaded by path, as console-refusals.test.ts does: the console's modules are vue-tsc's to check.
const consoleModule = (path: string) => import(pathToFileURL(resolve(import.meta.dirname, '../../admin/src', path)).href)

type Time = (iso: string | null | undefined, thisYear?: number) => string
type Span = (from: string | null | undefined, to: string | null | undefined, thisYear?: number) => string

/** Times as a clerk reads them on every console page: Beijing time (the business zone until the server names another). */
describe('console: times said as people say them', () => {
  let when: Time
  let day: Time
  let span: Span
  let laterDayAt: (days: number, time: string, now?: number) => string
  let officeCloseAfter: (days: number, now?: number) => string
  let labelsWhen: (iso: string | null | undefined) => string
  before(async () => {
    ;({ when, day, span, laterDayAt, officeCloseAfter } = await consoleModule('views/kit/time.ts'))
    labelsWhen = (await consoleModule('labels.ts')).when
  })

  it('says a time "12月4日 9:30", with no leading zero and no year in this year', () => {
    expect(when('2026-12-04T01:30:00Z', 2026)).to.equal('12月4日 9:30')
    expect(when('2026-12-04T04:04:00Z', 2026)).to.equal('12月4日 12:04')
    expect(when('2026-12-03T16:00:00Z', 2026), 'midnight in Beijing').to.equal('12月4日 0:00')
    expect(when(null)).to.equal('—')
  })

  it('names the year only when it is not this one', () => {
    expect(when('2027-01-05T01:30:00Z', 2026)).to.equal('2027年1月5日 9:30')
    expect(day('2027-01-05T01:30:00Z', 2026)).to.equal('2027年1月5日')
    expect(day('2026-12-03T16:00:00Z', 2026)).to.equal('12月4日')
  })

  it('says a meeting within one day "12月7日 9:30–11:30", and one over two days with each day', () => {
    expect(span('2026-12-07T01:30:00Z', '2026-12-07T03:30:00Z', 2026)).to.equal('12月7日 9:30–11:30')
    expect(span('2026-12-07T01:30:00Z', '2026-12-08T03:30:00Z', 2026)).to.equal('12月7日 9:30 至 12月8日 11:30')
    expect(span('2026-12-31T01:30:00Z', '2027-01-02T03:30:00Z', 2026)).to.equal('12月31日 9:30 至 2027年1月2日 11:30')
    expect(span('2027-03-01T01:30:00Z', '2027-03-01T03:30:00Z', 2026)).to.equal('2027年3月1日 9:30–11:30')
  })

  it('the case pages say times the same way as every other page', () => {
    const thisYear = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear()
    expect(labelsWhen(`${thisYear}-12-04T01:30:00Z`)).to.equal('12月4日 9:30')
    expect(labelsWhen(null)).to.equal('')
  })

  it('offers an end at 17:00 of a later day, not the minute the form was opened', () => {
    // 2026-12-04 04:12 in Beijing: fourteen days on is 12月18日.
    expect(laterDayAt(14, '17:00', Date.parse('2026-12-03T20:12:00Z'))).to.equal('2026-12-18T17:00')
  })

  it('offers the close of an office day, moved from a Saturday or Sunday to the Monday after', () => {
    // Friday 2026-12-04 at 22:00 in Beijing (14:00 UTC).
    const friday = Date.parse('2026-12-04T14:00:00Z')
    expect(officeCloseAfter(14, friday), 'a Friday two weeks on stays').to.equal('2026-12-18T17:00')
    expect(officeCloseAfter(15, friday), 'a Saturday: the Monday after').to.equal('2026-12-21T17:00')
    expect(officeCloseAfter(16, friday), 'a Sunday: the Monday after').to.equal('2026-12-21T17:00')
    expect(officeCloseAfter(17, friday), 'a Monday stays').to.equal('2026-12-21T17:00')
    // Thirty days on is Sunday 2027-01-03: the Monday after is in the new year.
    expect(officeCloseAfter(30, friday)).to.equal('2027-01-04T17:00')
    // Late on Friday evening in Beijing is already Saturday there, though still Friday by UTC.
    expect(officeCloseAfter(0, Date.parse('2026-12-04T17:00:00Z')), '01:00 Saturday in Beijing').to.equal('2026-12-07T17:00')
  })
})
