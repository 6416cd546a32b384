import { expect } from 'chai'
import { asResident } from '../test/helpers/app.js'
import { startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { created, phoneOfZhang } from './office.js'

/**
 * 张伟 answered a message on Monday, on time; the resident rated it 2 and asked for 重新办理. He was on
 * the duty roster on Wednesday but nothing records that he came. On Thursday his 履职档案 must tell one
 * story: his answer counted, the 2 beside it explained, and no 已值班 day (nor points) without a record.
 */
describe('mini-program: a deputy reads his record after an answer was sent back', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00
  })
  afterEach(() => app.close())

  it('says 已答复 1 条 sent back for 重新办理, and no duty day served without a record', async () => {
    await app.liaison.store.deputies.update('dp0001', { dutyByStation: { st001: ['2026-11-25'] } })
    const resident = await asResident(app)
    const { id } = await created(resident.post('/api/mp/cases', { text: '学校门口没有斑马线', regionId: 'c010101', deputyCode: 'DP0001' }))
    const zhang = await phoneOfZhang(app)
    expect((await zhang.post(`/api/mp/deputy/cases/${id}/reply`, { text: '已联系交警大队，下周在学校门口画斑马线。' })).status).to.equal(200)
    expect((await resident.post(`/api/mp/cases/${id}/rate`, { rating: 2 })).status).to.equal(200)
    expect((await resident.post(`/api/mp/cases/${id}/reopen`, { reason: '还没有画' })).status).to.equal(200)
    app.clock.set(new Date('2026-11-26T02:00:00Z')) // Thursday

    const record = await openPage('pages/records/index')
    const text = record.text()
    expect(text).to.include('共 1 条：已答复 1 条（群众要求重新办理，正在重办）；没有还没答复的留言；群众满意度 2 分')
    expect(text).not.to.include('已答复 0 条')
    expect(text).to.include('排班 1 天，已值班 0 天（值班后请报告“进站接待”活动，联络站审核后计入）')
    expect(text, 'no points for a day nothing records').not.to.include('进站接待值班 1 天')
  })
})
