import { expect } from 'chai'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { phone } from './harness/wx.js'

describe('mini-program story: a resident exports, then deletes their data', () => {
  let app: Backend
  before(async () => {
    app = await startBackend()
  })
  after(() => app.close())

  it('sees what is kept, copies it, then deletes it all after saying yes, and the open message is withdrawn', async () => {
    holdPhone(app, 'o-my-data')
    const write = await openPage('pages/case/new?deputyCode=DP0001')
    await write.tap('#agree')
    await write.type('#text', '楼道里的灯不亮了')
    await write.type('#phone', '13700001111')
    await write.tap('#submit')

    const data = await openPage('pages/mine/data')
    await data.tap('#export')
    expect(data.textOf('#summary')).to.include('留言：1 条').and.include('联系电话：有').and.include('个人信息保护说明：已同意').and.not.include('版）')
    await data.tap('#copy')
    expect(phone.clipboard).to.include('内容：楼道里的灯不亮了')

    phone.modalAnswers.push(false)
    await data.tap('#delete')
    expect(phone.modals.at(-1)!.title).to.equal('删除我的信息')
    const user = await app.liaison.store.mpUsers.getByOpenid('o-my-data')
    expect(user).not.to.equal(null, 'saying no changes nothing')

    phone.modalAnswers.push(true)
    await data.tap('#delete')
    expect(data.textOf('#message')).to.include('您的个人信息已删除').and.include('已撤回')
    expect(data.has('#export')).to.equal(false)
    expect(phone.storage.has('session.token')).to.equal(false)
    const [kept] = (await app.liaison.store.cases.search({ limit: 50 })).items.filter((c) => c.text === '楼道里的灯不亮了')
    expect(kept.status).to.equal('withdrawn')
  })

  it('withdraws consent, and is asked again before the next message', async () => {
    holdPhone(app, 'o-withdraw-consent')
    const write = await openPage('pages/case/new')
    await write.tap('#agree')
    const data = await openPage('pages/mine/data')
    phone.modalAnswers.push(true)
    await data.tap('#withdraw-consent')
    expect(data.textOf('#consent-message')).to.include('已撤回您的同意')
    const again = await openPage('pages/case/new')
    expect(again.text()).to.include('个人信息保护说明')
    expect(again.has('#agree')).to.equal(true)
  })
})
