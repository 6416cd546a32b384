import { expect } from 'chai'
import { asResident } from '../test/helpers/app.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { residentWhoAgreedToTheOldNotice } from './harness/old-notice.js'
import { follow, openPage } from './harness/page.js'

/**
 * 王阿姨 agreed to the first privacy notice. It has changed (v2): 我的 no longer tells her 已同意个人信息保护说明, but
 * that the notice changed, with a button to read and agree; 我的信息 says the same on its line, shows what changed and
 * the new notice first on the page, and after 同意 我的信息 says she agreed to this one, and 我的 asks nothing more.
 */
describe('mini-program: one who agreed to the old notice reads the new one from 我的', () => {
  let app: Backend
  before(async () => {
    app = await startBackend()
  })
  after(() => app.close())

  it('我的 says the notice changed and leads to it; 我的信息 shows what changed, and 同意 is said on both pages', async () => {
    const wang = await residentWhoAgreedToTheOldNotice(app, 'o-old-notice')

    const mine = await openPage('pages/mine/index')
    expect(mine.textOf('#consent-updated')).to.equal('个人信息保护说明有更新，请再看一下')
    expect(mine.text()).to.not.include('已同意个人信息保护说明')
    expect(mine.buttonLook('#read-notice'), 'the one thing to do').to.equal('filled')
    await mine.tap('#read-notice')

    const data = await follow()
    expect(data.path).to.equal('pages/mine/data')
    expect(data.text()).to.include('个人信息保护说明：有更新，请再看一下').and.not.include('已同意')
    expect(data.textOf('#notice-updated .title')).to.equal('个人信息保护说明有更新，请再看一下')
    expect(data.textOf('#what-changed')).to.equal(
      '这次更新：说清楚了撤回同意以后哪些不能再用（留言、问卷、提意见、答题），已经保存的不会因此删掉；也写明了问卷、意见和答题成绩保存多久。',
    )
    expect(data.textOf('#notice-updated')).to.include('您的权利：随时可以查看、删除您的信息').and.not.include('办理记录和操作记录按规定保存')
    await data.tap('#new-notice-full')
    expect(data.textOf('#new-notice-full-text')).to.include('办理记录和操作记录按规定保存')

    await data.tap('#agree')
    expect(data.textOf('#agree-message')).to.equal('好了，您已同意新的个人信息保护说明。')
    expect(data.has('#agree'), 'nothing more to agree to').to.equal(false)
    expect(data.text()).to.include('个人信息保护说明：已同意').and.not.include('版）')
    expect((await app.liaison.store.mpUsers.get(wang.userId))!.consentVersion).to.equal('v3')

    const back = await openPage('pages/mine/index')
    // Agreed: 我的 says nothing of it under 您好 (我的信息 does), and asks nothing.
    expect(back.has('#consent')).to.equal(false)
    expect(back.text()).to.not.include('同意个人信息保护说明')
    expect(back.has('#read-notice')).to.equal(false)
  })

  it('留言 says what changed too, under "这份说明有更新"', async () => {
    await residentWhoAgreedToTheOldNotice(app, 'o-old-notice-write')
    const write = await openPage('pages/case/new')
    expect(write.textOf('#notice-changed')).to.equal('这份说明有更新，请再看一下。')
    expect(write.textOf('#notice-what-changed')).to.equal(
      '这次更新：说清楚了撤回同意以后哪些不能再用（留言、问卷、提意见、答题），已经保存的不会因此删掉；也写明了问卷、意见和答题成绩保存多久。',
    )
  })

  it('one who agreed to this notice, or to none, is not told of a change', async () => {
    await asResident(app, 'o-new-notice')
    holdPhone(app, 'o-new-notice')
    const agreed = await openPage('pages/mine/index')
    expect(agreed.has('#consent')).to.equal(false)
    expect(agreed.text()).to.not.include('同意个人信息保护说明')
    const data = await openPage('pages/mine/data')
    expect(data.has('#notice-updated')).to.equal(false)
    expect(data.text()).to.include('个人信息保护说明：已同意').and.not.include('版）')

    await asResident(app, 'o-no-notice', { consent: false })
    holdPhone(app, 'o-no-notice')
    expect((await openPage('pages/mine/index')).textOf('#consent')).to.equal('还没有同意个人信息保护说明（留言前会请您阅读）')
  })
})
