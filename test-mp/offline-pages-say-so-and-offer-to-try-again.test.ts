import { expect } from 'chai'
import { asResident } from '../test/helpers/app.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { openOffline, openPage, type MpPage } from './harness/page.js'
import { phone } from './harness/wx.js'
import { created, phoneOfZhang } from './office.js'

/**
 * In a lift, on a bus, in a village with one bar of signal: a page opens while the network
 * is down. The person reads what happened in plain words and has one thing to tap — 再试一次 —
 * which works once the signal is back. Nothing on the page says something untrue meanwhile:
 * not "you have nothing to do", not "bind your deputy account".
 */
describe('mini-program: a page opened while offline says so and offers to try again', () => {
  let app: Backend
  before(async () => {
    app = await startBackend()
  })
  after(() => app.close())

  async function aMessageToZhang() {
    const resident = await asResident(app)
    const written = await created(resident.post('/api/mp/cases', { text: '小区门口的垃圾好几天没人清运', regionId: 'c010101', deputyCode: 'DP0001' }))
    return { resident, id: written.id as string, ticket: written.ticket as string }
  }

  it("a resident's message, opened from a notification: 再试一次 shows it", async () => {
    holdPhone(app, 'o-offline-resident')
    const mine = await openPage('pages/case/new')
    await mine.tap('#agree')
    await mine.type('#text', '楼下路灯不亮了')
    await mine.tap('#submit')
    const id = new URL('http://x/' + phone.navigations.at(-1)!.url).searchParams.get('caseId')!

    const detail = await openOffline(`pages/case/detail?caseId=${id}`)
    expect(detail.text()).to.include('网络不通，请检查网络后重试')
    await detail.tap('#load-failed >>> .retry')
    expect(detail.text()).to.include('楼下路灯不亮了').and.not.include('网络不通')
  })

  it('我的留言 while offline: 再试一次 lists them, and never says "您还没有留言"', async () => {
    holdPhone(app, 'o-offline-list')
    const write = await openPage('pages/case/new')
    await write.tap('#agree')
    await write.type('#text', '公园的长椅坏了')
    await write.tap('#submit')

    const list = await openOffline('pages/case/list')
    expect(list.text()).to.include('网络不通，请检查网络后重试').and.not.include('您还没有留言')
    await list.tap('#load-failed >>> .retry')
    expect(list.text()).to.include('公园的长椅坏了').and.not.include('网络不通')
  })

  it('我的留言: 看更早的留言 lost to the network says so where she tapped, keeps the rows, and 再试一次 brings the older ones', async () => {
    const resident = await asResident(app, 'o-offline-older')
    const tickets: string[] = []
    for (let n = 1; n <= 21; n++)
      tickets.push((await created(resident.post('/api/mp/cases', { text: `第${n}条：小区路灯不亮`, regionId: 'c010101', deputyCode: 'DP0001' }))).ticket)
    holdPhone(app, 'o-offline-older')
    const list = await openPage('pages/case/list')
    const newest = tickets.slice(1).reverse()
    const shown = () => tickets.filter((t) => list.has(`#case-${t}`))
    expect(shown(), 'the twenty newest').to.have.length(20)

    const backend = phone.backend
    phone.backend = 'http://127.0.0.1:9'
    try {
      await list.tap('#more')
    } finally {
      phone.backend = backend
    }
    expect(list.has('#load-failed'), 'no card at the top of the list, away from her finger').to.equal(false)
    expect(list.textOf('#more-failed')).to.include('没能加载更早的留言：网络不通，请检查网络后重试').and.include('再试一次')
    expect(list.has('#more'), 'the failure stands where 看更早的留言 was').to.equal(false)
    expect(shown(), 'the rows already shown stay').to.have.length(20)
    const text = list.text()
    expect(text.indexOf('没能加载更早的留言'), 'below the last row shown').to.be.greaterThan(text.indexOf(`编号 ${newest.at(-1)}`))

    await list.tap('#more-failed >>> .retry')
    expect(shown(), 'all of them').to.have.length(21)
    expect(list.text().split('第1条：').length - 1, 'the oldest once').to.equal(1)
    expect(list.text()).not.to.include('网络不通')
    expect(list.has('#more-failed') || list.has('#more')).to.equal(false)
  })

  it("a deputy's case while offline: 再试一次 shows it, ready to acknowledge", async () => {
    const { ticket, id } = await aMessageToZhang()
    await phoneOfZhang(app)
    const page = await openOffline(`pages/deputy/case?caseId=${id}`)
    expect(page.text()).to.include('网络不通，请检查网络后重试')
    await page.tap('#load-failed >>> .retry')
    expect(page.text()).to.include(`留言 ${ticket}`).and.not.include('网络不通')
    expect(page.has('.acknowledge')).to.equal(true)
  })

  it('the workbench while offline: no bind form for a bound deputy, and 再试一次 shows his tasks', async () => {
    const { ticket } = await aMessageToZhang()
    await phoneOfZhang(app)
    const workbench = await openOffline('pages/deputy/index')
    expect(workbench.text()).to.include('网络不通，请检查网络后重试')
    expect(workbench.text(), 'he is bound already: no code to ask for').not.to.include('绑定代表身份')
    await workbench.tap('#load-failed >>> .retry')
    expect(workbench.text()).to.include('张伟 代表，您好').and.include(ticket).and.not.include('网络不通')
  })

  it('the workbench whose task list could not load never says there is nothing to do', async () => {
    await aMessageToZhang()
    await phoneOfZhang(app)
    const wx = (globalThis as unknown as { wx: { request: (o: { url: string; fail?: (e: { errMsg: string }) => void }) => unknown } }).wx
    const request = wx.request
    wx.request = (o) => (o.url.includes('/api/mp/tasks') ? o.fail?.({ errMsg: 'request:fail timeout' }) : request(o))
    let workbench: MpPage
    try {
      workbench = await openPage('pages/deputy/index')
    } finally {
      wx.request = request
    }
    expect(workbench.text()).to.include('网络不通，请检查网络后重试').and.not.include('暂时没有要办的事')
    await workbench.tap('#load-failed >>> .retry')
    expect(workbench.text()).to.include('我的待办：共').and.not.include('网络不通')
  })
})
