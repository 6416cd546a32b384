import { expect } from 'chai'
import { asDeputy, asResident } from '../test/helpers/app.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { created } from './office.js'

/**
 * 赵阿姨 pastes a long account of the dark street lamp under 问题还没解决？ The box does not cut it
 * without a word: under it a count says how much she wrote and the limit (已写 620 字，超过了 500 字);
 * 申请重新办理 tells her the limit and where longer words can go (a new message, up to 2000 字)
 * before anything is sent, and once she shortens it the server takes it.
 */
describe('mini-program: a long 重新办理 reason is counted before she sends it', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Shanghai
  })
  afterEach(() => app.close())

  it('counts as she types, says the limit at the tap without sending, and sends once it fits', async () => {
    const zhao = await asResident(app, 'o-zhao-long')
    const lamp = await created(zhao.post('/api/mp/cases', { text: '北门的路灯坏了一个月，晚上出门看不清路', regionId: 'c010101', deputyCode: 'DP0001' }))
    const zhang = await asDeputy(app, 'dp0001')
    await created(zhang.post(`/api/mp/deputy/cases/${lamp.id}/reply`, { text: '已联系供电所，这周内修好。' }))
    await created(zhao.post(`/api/mp/cases/${lamp.id}/rate`, { rating: 1, comment: '还是没修' }))
    holdPhone(app, 'o-zhao-long')

    const page = await openPage(`pages/case/detail?caseId=${lamp.id}`)
    // Her rating's words are in the box already (her-rating-words-carry-into-asking-again), counted with the limit.
    expect(page.textOf('#reason-count'), 'the limit before she writes').to.equal('已写 4 字，最多 500 字')
    await page.type('#reason', '路灯还是不亮')
    expect(page.textOf('#reason-count')).to.equal('已写 6 字，最多 500 字')

    const long = '北门的路灯'.repeat(124) // 620 characters
    await page.type('#reason', long)
    expect(page.textOf('#reason-count')).to.equal('已写 620 字，超过了 500 字，请删短一些')
    await page.tap('#reopen')
    expect(page.textOf('#reopen-error')).to.equal(
      '重新办理的原因最多 500 字，您写了 620 字，请删短一些再送出。要说的话多，可以写一条新留言（新留言最多 2000 字）。',
    )
    expect((await app.liaison.store.cases.get(lamp.id))!.reopenCount, 'nothing was sent').to.equal(0)

    await page.type('#reason', long.slice(0, 500))
    expect(page.textOf('#reason-count')).to.equal('已写 500 字，最多 500 字')
    await page.tap('#reopen')
    const after = (await app.liaison.store.cases.get(lamp.id))!
    expect(after.reopenCount, 'a reason that fits is taken').to.equal(1)
    expect(after.status).to.equal('reopened')
  })
})
