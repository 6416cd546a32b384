import { expect } from 'chai'
import { readFileSync } from 'node:fs'
import { asAdmin } from '../helpers/app.js'
import { asStaff } from '../helpers/meetings.js'
import { loginAs, startWithWeChat, subscribe } from '../helpers/wechat.js'
import type { TestApp } from '../helpers/app.js'
import type { FakeWeChat } from '../fakes/wechat-api.js'

/** Every page the mini-program has, as app.json lists them (a subpackage's under its root). */
function miniProgramPages(): string[] {
  const app = JSON.parse(readFileSync(new URL('../../miniprogram/app.json', import.meta.url), 'utf8')) as {
    pages: string[]
    subpackages: Array<{ root: string; pages: string[] }>
  }
  return [...app.pages, ...app.subpackages.flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))]
}

/**
 * 李娜 pauses 张伟's new messages, then ends the pause. The card telling him each opens his workbench, which says
 * where he stands (暂停…, or nothing once ended), not the template's own page.
 */
describe('the card telling a deputy of his pause opens his workbench', function () {
  this.timeout(60_000)
  let app: TestApp & { fake: FakeWeChat }
  beforeEach(async () => {
    app = await startWithWeChat() // Monday 2026-11-23 10:00 in Shanghai
  })
  afterEach(() => app.close())

  it('暂停接收新留言 and 恢复接收新留言 both open pages/deputy/index', async () => {
    const { body } = await (await asAdmin(app)).post('/api/admin/deputies/dp0001/binding-code')
    const deputy = await loginAs(app, 'o-zhangwei')
    expect((await deputy.post('/api/mp/bind', { bindCode: body.code })).status).to.equal(200)
    await subscribe(deputy, 'accept', 2)
    const lina = await asStaff(app, 'lina')
    expect((await lina.put('/api/admin/deputies/dp0001/away', { from: '2026-11-30', until: '2026-12-04', reason: 'study' })).status).to.equal(200)
    await app.liaison.services.dispatcher.drain()
    expect((await lina.request('DELETE', '/api/admin/deputies/dp0001/away')).status).to.equal(200)
    await app.liaison.services.dispatcher.drain()

    const cards = app.fake.sent().filter((m) => m.touser === 'o-zhangwei')
    expect(cards.map((m) => [m.data.thing1.value, (m.page ?? '').split('?')[0]])).to.deep.equal([
      ['暂停接收新留言', 'pages/deputy/index'],
      ['恢复接收新留言', 'pages/deputy/index'],
    ])
    expect(miniProgramPages(), 'a page the mini-program has').to.include('pages/deputy/index')
  })
})
