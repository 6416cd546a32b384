import { expect } from 'chai'
import { asDeputy, startApp, type TestApp } from '../helpers/app.js'
import { addItem, asStaff, createCampaign, levelsCity } from '../helpers/campaign-levels.js'

/**
 * 张伟 opens the campaign page and taps 打卡 without having read anything: he is told in words to
 * read first, and 陈主任's 已打卡 does not count him. Once he has opened a reading, 打卡 works.
 */
describe('学习打卡 on a campaign needs a reading opened first', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: levelsCity() })
    app.clock.set(new Date('2026-12-05T02:00:00Z'))
  })
  afterEach(() => app.close())

  it('refuses a check-in with nothing read, in words, and takes it once a reading was opened', async () => {
    const chen = await asStaff(app, 'sunli')
    const campaign = await createCampaign(chen, app, { title: '学习宣传新修订的代表法' })
    const zhang = await asDeputy(app, 'dp0001')
    const wrong = await addItem(chen, campaign.id, '发错的材料')
    expect((await chen.post(`/api/admin/campaigns/${campaign.id}/items/${wrong.id}/withdraw`)).status).to.equal(200)
    const none = await zhang.post(`/api/mp/campaigns/${campaign.id}/check-ins`, { reflection: '学了' })
    expect(none.status).to.equal(409)
    expect(none.body.error).to.include({ code: 'not_read', message: '这个活动现在没有可读的学习材料，有了材料、读过以后再来打卡' })

    const item = await addItem(chen, campaign.id, '代表法修正草案说明')
    const unread = await zhang.post(`/api/mp/campaigns/${campaign.id}/check-ins`, {})
    expect(unread.status).to.equal(409)
    expect(unread.body.error).to.include({ code: 'not_read', message: '请先点开上面的学习材料读一读，再来打卡' })
    const before = (await chen.get(`/api/admin/campaigns/${campaign.id}/progress?groupBy=person`)).body
    expect(before.items.find((p: { id: string }) => p.id === 'dp0001')).to.include({ read: false, checkedIn: false, checkIns: 0 })

    expect((await zhang.get(`/api/mp/reading/${item.id}`)).status).to.equal(200)
    const done = await zhang.post(`/api/mp/campaigns/${campaign.id}/check-ins`, { reflection: '代表要常联系群众' })
    expect(done.status, JSON.stringify(done.body)).to.equal(201)
    const after = (await chen.get(`/api/admin/campaigns/${campaign.id}/progress?groupBy=person`)).body
    expect(after.items.find((p: { id: string }) => p.id === 'dp0001')).to.include({ read: true, checkedIn: true, checkIns: 1 })
  })
})
