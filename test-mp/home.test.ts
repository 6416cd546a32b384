import { expect } from 'chai'
import { asAdmin } from '../test/helpers/app.js'
import { startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { phone } from './harness/wx.js'

describe('mini-program: 首页', () => {
  let app: Backend
  before(async () => {
    app = await startBackend()
  })
  after(() => app.close())

  it('shows the entries when opened without a code', async () => {
    const home = await openPage('pages/index/index')
    expect(home.text()).to.include('找我的代表').and.include('我的留言').and.include('学习').and.include('问卷').and.include('会议')
    expect(home.text()).not.to.include('代表工作台')
    await home.tap('#my-cases')
    expect(phone.navigations.at(-1)).to.deep.equal({ how: 'navigateTo', url: '/pages/case/list' })
  })

  it("shows a deputy's card after their code is scanned, with one big 给代表留言 button", async () => {
    const home = await openPage(`pages/index/index?scene=${encodeURIComponent('d=DP0001')}`)
    expect(home.text()).to.include('张伟 代表').and.include('市人大代表').and.include('环境保护').and.include('轻工街道代表联络站')
    await home.tap('#write')
    expect(phone.navigations.at(-1)!.url).to.equal('/pages/case/new?deputyCode=DP0001')
  })

  it("shows a station's card with its deputies and who is on duty today", async () => {
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
    await app.liaison.store.deputies.update('dp0001', { dutyByStation: { st001: [today] } })
    const home = await openPage(`pages/index/index?scene=${encodeURIComponent('s=ST001')}`)
    expect(home.text()).to.include('轻工街道代表联络站').and.include('建设路1号').and.include('每星期三接待').and.include('今天值班代表：张伟')
    expect(home.text()).to.include('王芳')
  })

  it('lists what each of a station’s deputies cares about as Chinese text lists it, with 、', async () => {
    const home = await openPage(`pages/index/index?scene=${encodeURIComponent('s=ST003')}`)
    expect(home.text()).to.include('刘洋').and.include('关注：医疗卫生、社会保障')
    expect(home.text()).not.to.include('医疗卫生,社会保障')
  })

  it("reads a deputy's interests on his card one by one, with 、 between them, not as one run-together word", async () => {
    const home = await openPage(`pages/index/index?scene=${encodeURIComponent('d=DP0005')}`)
    expect(home.text()).to.include('刘洋 代表')
    // What a screen reader speaks is the text of the line: each interest a word of its own.
    expect(home.textOf('.topics')).to.equal('关注：医疗卫生、社会保障')
  })

  it("says plainly that a deputy whose old poster is scanned has left office, and offers to find the resident's deputy instead", async () => {
    const left = await (await asAdmin(app)).patch('/api/admin/deputies/dp0002', { active: false })
    expect(left.status, JSON.stringify(left.body)).to.equal(200)
    const home = await openPage(`pages/index/index?scene=${encodeURIComponent('d=DP0002')}`)
    expect(home.text()).to.include('王芳').and.include('已离任')
    expect(home.text(), 'no button to write to someone who is gone').not.to.include('给代表留言')
    await home.tap('#find')
    expect(phone.navigations.at(-1)!.url).to.equal('/pages/find/index')
    await (await asAdmin(app)).patch('/api/admin/deputies/dp0002', { active: true })
  })

  it("says what is wrong with an unknown code, in the backend's words", async () => {
    const home = await openPage(`pages/index/index?scene=${encodeURIComponent('d=DP9999')}`)
    expect(home.text()).to.include('未找到该代表')
  })
})
