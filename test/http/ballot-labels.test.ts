import { expect } from 'chai'
import { asAdmin, startApp, type TestApp } from '../helpers/app.js'
import { ballotBody } from '../helpers/surveys.js'
import { smallCity } from '../fixtures.js'

/**
 * Not every ballot is a 民生实事 year's: a stand-alone one (重点督办建议票决) is called 代表票决 in the console's list
 * and counts in a deputy's 履职档案 as 参加代表票决. The year's ballot says 民生实事 in its own title.
 */
describe('a ballot is labelled 代表票决, not 民生实事项目票决', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: smallCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
  })
  afterEach(() => app.close())

  it('in the console list and in the points of a deputy’s record', async () => {
    const office = await asAdmin(app)
    const made = await office.post(
      '/api/admin/surveys',
      ballotBody({ title: '2027年重点督办建议票决', ballot: { passRule: 'roll_majority', maxChosen: 2, roll: { deputyIds: ['dp0001'] } } }),
    )
    expect(made.status, JSON.stringify(made.body)).to.equal(201)
    const list = (await office.get('/api/admin/surveys?kind=ballot')).body.items
    expect(list.map((s: { title: string; kindLabel: string }) => `${s.kindLabel}：${s.title}`)).to.deep.equal(['代表票决：2027年重点督办建议票决'])
    const rules = (await office.get('/api/admin/records/rules')).body
    expect(JSON.stringify(rules)).to.include('"label":"参加代表票决"').and.not.include('民生实事')
  })
})
