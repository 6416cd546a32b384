import { expect } from 'chai'
import { startApp, type TestApp } from '../helpers/app.js'
import { caseCity } from '../fixtures.js'
import { asStaff, promisedByTheUnit } from '../helpers/suggestions.js'

/**
 * The suggestion pages said every other date of this year without its year, and the unit's promise always with it:
 * "单位承诺2026年12月10日前办完" beside "12月7日". The promise follows the one rule of the mini-program now: its year
 * only when it is not in the office's current year (the app's clock, in the business time zone), as the console and
 * the deputy read it the same day.
 */
describe('代表建议: a promise this year says no year, one next year says its year', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
  })
  afterEach(() => app.close())

  it('this year: 单位承诺12月10日前办完, to the deputy and in the console', async () => {
    app.clock.set(new Date('2026-12-07T02:00:00Z'))
    const { id, zhang } = await promisedByTheUnit(app, '2026-12-10')
    const his = (await zhang.get(`/api/mp/deputy/suggestions/${id}`)).body
    expect(his.promise).to.deep.equal({ by: '2026-12-10', byText: '12月10日', text: '单位承诺12月10日前办完。' })
    const rated = (await zhang.post(`/api/mp/deputy/suggestions/${id}/rating`, { score: 'basically_satisfied' })).body
    expect(rated.promise.text).to.equal('单位承诺12月10日前办完。单位报告办完后，请您再评价一次。')
    const office = (await (await asStaff(app, 'sunli')).get(`/api/admin/suggestions/${id}`)).body
    expect(office.promise.byText).to.equal('12月10日')
  })

  it('next year: 单位承诺2027年6月30日前办完; and on New Year’s Eve by the office’s clock, not UTC', async () => {
    app.clock.set(new Date('2026-12-07T02:00:00Z'))
    const { id, zhang } = await promisedByTheUnit(app, '2027-06-30')
    expect((await zhang.get(`/api/mp/deputy/suggestions/${id}`)).body.promise.text).to.equal('单位承诺2027年6月30日前办完。')
    // 2027-01-01 01:00 in 青澜 (UTC+8) is still 2026 in UTC: the office's year is 2027, so no year.
    app.clock.set(new Date('2026-12-31T17:00:00Z'))
    expect((await zhang.get(`/api/mp/deputy/suggestions/${id}`)).body.promise.byText).to.equal('6月30日')
  })
})
