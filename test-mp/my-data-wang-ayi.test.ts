import { expect } from 'chai'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { phone } from './harness/wx.js'

/**
 * 王阿姨 (70) opens 我的 → 我的信息: she reads everything kept about her on the page itself, with the place in words,
 * reads again the notice she agreed to, and corrects the phone she typed wrong on her message.
 */
describe('mini-program story: 王阿姨 reads her data, the notice, and corrects her phone', () => {
  let app: Backend
  before(async () => {
    app = await startBackend()
  })
  after(() => app.close())

  it('shows all of her copy on the page, the notice any time, and changes the phone on her open message', async () => {
    holdPhone(app, 'o-wang-ayi-mp')
    const write = await openPage('pages/case/new')
    await write.tap('#agree')
    await write.emit('#place', 'change', { value: write.data.placeLabels.findIndex((l: string) => l.includes('建设路社区')) })
    await write.type('#text', '楼道里的灯不亮了')
    await write.type('#phone', '13912345670')
    await write.tap('#submit')
    const [mine] = (await app.liaison.store.cases.search({ limit: 50 })).items.filter((c) => c.text === '楼道里的灯不亮了')

    const data = await openPage('pages/mine/data')
    await data.tap('#export')
    await data.tap('#show-all')
    const all = data.textOf('#all-text')
    expect(all).to.include('内容：楼道里的灯不亮了').and.include('联系电话：13912345670')
    const regions = new Map((await app.liaison.store.regions.list()).map((r) => [r.id, r]))
    const community = regions.get(mine.regionId ?? mine.communityId ?? '')
    expect(community, 'the message has a place').not.to.equal(undefined)
    expect(all).to.include('所在区域：').and.include(community!.name)
    expect(all).not.to.include(mine.communityId ?? 'c0')

    await data.tap('#notice')
    expect(data.textOf('#notice-text')).to.include('个人信息保护说明').and.include('更正您留下的电话').and.include('问卷答案')

    expect(data.textOf('.fix-row')).to.include(`留言 ${mine.ticket} 里的电话：13912345670`)
    await data.tap(`#edit-${mine.id}`)
    await data.type(`#phone-${mine.id}`, '13912345678')
    await data.tap(`#save-${mine.id}`)
    expect(data.textOf('#fix-message')).to.equal(`已改好留言 ${mine.ticket} 里的电话，代表会打新号码。`)
    expect(data.textOf('.fix-row')).to.include('13912345678')
    const copied = await openPage('pages/mine/data')
    await copied.tap('#export')
    await copied.tap('#copy')
    expect(phone.clipboard).to.include('联系电话：13912345678')
  })
})
