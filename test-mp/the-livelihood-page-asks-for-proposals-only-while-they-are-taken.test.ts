import { expect } from 'chai'
import { asAdmin } from '../test/helpers/app.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { follow, openPage } from './harness/page.js'
import { created } from './office.js'

/**
 * 2027年市民生实事项目 takes proposals from 30 November to the end of 6 December. The year keeps its stage
 * 征集项目 until the office starts the deputies' ballot, days later. 王阿姨 opens 民生实事 on 6 December:
 * 正在征集, until when, 我要提建议. She writes hers slowly; by the time she taps 提交 it is 7 December:
 * the page says collection ended and what comes next, in place of 提交, with 返回. Opened on the 7th,
 * 民生实事 no longer says 正在征集 nor offers the form, and a saved link to the form says so before she
 * writes a word.
 */
describe('mini-program: 民生实事 asks for proposals only while they are taken', () => {
  let app: Backend
  let cycleId: string
  beforeEach(async () => {
    app = await startBackend()
    app.clock.set(new Date('2026-12-06T01:30:00Z')) // Sunday 6 December, 09:30 in Shanghai
    const office = await asAdmin(app)
    cycleId = (
      await created(
        office.post('/api/admin/livelihood/cycles', {
          office: 'city',
          year: 2027,
          title: '2027年市民生实事项目',
          opensAt: '2026-11-30T00:00:00+08:00',
          closesAt: '2026-12-07T00:00:00+08:00',
          projectCount: 2,
        }),
      )
    ).id
  })
  afterEach(() => app.close())

  const WHAT_COMES_NEXT = '2027年市民生实事项目征集已于12月6日（星期日）结束，工作人员正在梳理大家的建议，列出候选项目后由人大代表票决。'

  it('on the last day offers the form; a tap on 提交 after the close says so and what comes next, with 返回', async () => {
    holdPhone(app, 'o-wang-ayi-proposes')
    const page = await openPage('pages/projects/index')
    expect(page.textOf('#collecting')).to.include('2027年市民生实事项目正在征集').and.include('请在12月6日（星期日）前（含当日）提出建议')
    await page.tap('#propose')
    const form = await follow()
    await form.type('#title', '光明社区老楼加装电梯')
    await form.type('#description', '光明社区5号楼6层，没有电梯，老人下楼难')
    await form.type('#place', '光明社区5号楼')
    await form.emit('#agree', 'change', { checked: true })

    app.clock.set(new Date('2026-12-07T01:30:00Z')) // Monday 7 December, 09:30
    await form.tap('#submit')
    expect(form.textOf('#closed')).to.include('现在不能提建议').and.include(WHAT_COMES_NEXT)
    expect(form.has('#submit'), 'no button that would be refused again').to.equal(false)
    expect(form.has('#back')).to.equal(true)
    expect(await app.liaison.store.livelihood.listProposals(cycleId)).to.deep.equal([])
  })

  it('after the close, 民生实事 says what comes next and offers no form; a saved link to the form says so before she writes', async () => {
    app.clock.set(new Date('2026-12-07T01:30:00Z'))
    holdPhone(app, 'o-wang-ayi-late')
    const page = await openPage('pages/projects/index')
    expect(page.text()).not.to.include('正在征集')
    expect(page.has('#propose'), 'no 我要提建议').to.equal(false)
    expect(page.textOf('#collection-stage')).to.equal(WHAT_COMES_NEXT)

    const form = await openPage(`pages/projects/propose?cycleId=${cycleId}`)
    expect(form.textOf('#closed')).to.include(WHAT_COMES_NEXT)
    expect(form.has('#title'), 'nothing to fill in').to.equal(false)
    expect(form.has('#submit')).to.equal(false)
  })
})
