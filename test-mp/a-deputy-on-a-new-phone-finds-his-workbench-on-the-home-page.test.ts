import { expect } from 'chai'
import { asDeputy } from '../test/helpers/app.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { follow, openOffline, openPage } from './harness/page.js'
import { phone } from './harness/wx.js'

const logins = () => phone.requests.filter((r) => r === 'POST /api/mp/login')
const asks = () => phone.requests.filter((r) => r === 'POST /api/mp/session/known')

/**
 * A deputy opens the mini-program on a new phone straight onto the home page: he sees his
 * 代表工作台 at once, without first finding 我的. A resident who opens it to read makes no
 * account by looking, and her phone does not ask WeChat again on every open.
 */
describe('mini-program story: the home page on a new phone', () => {
  let app: Backend
  before(async () => {
    app = await startBackend()
  })
  after(() => app.close())

  it('shows a bound deputy 代表工作台 the first time he opens the home page, and it leads to his workbench', async () => {
    await asDeputy(app, 'dp0001') // his account, bound on his old phone
    holdPhone(app, 'o-deputy-dp0001') // a new phone: nothing stored
    const home = await openPage('pages/index/index')
    expect(home.text()).to.include('代表工作台').and.include('民生实事评议')
    await home.tap('#workbench')
    const workbench = await follow()
    expect(workbench.path).to.equal('pages/deputy/index')
    expect(workbench.text()).to.include('张伟 代表，您好')
    expect(workbench.text(), 'not asked to bind again').not.to.include('绑定代表身份')
    expect(logins(), 'signed in by the home page, no second login').to.deep.equal([])
  })

  it('shows a resident on a new phone no workbench, makes her no account, and asks WeChat once only', async () => {
    holdPhone(app, 'o-first-look')
    const home = await openPage('pages/index/index')
    expect(home.text()).to.include('找我的代表').and.include('我的留言').and.include('看看别人的留言和答复')
    expect(home.text()).not.to.include('代表工作台')
    expect(await app.liaison.store.mpUsers.getByOpenid('o-first-look'), 'no account made by looking').to.equal(null)
    expect(logins(), 'no login made').to.deep.equal([])
    expect(asks()).to.have.length(1)
    // Opened again (today, tomorrow): WeChat is not asked again for someone it told us is not known.
    const again = await openPage('pages/index/index')
    expect(again.text()).not.to.include('代表工作台')
    expect(asks()).to.have.length(1)
    expect(await app.liaison.store.mpUsers.getByOpenid('o-first-look')).to.equal(null)
  })

  it('without signal shows the home page as before, with no error, and finds the deputy once the signal is back', async () => {
    await asDeputy(app, 'dp0002')
    holdPhone(app, 'o-deputy-dp0002')
    const offline = await openOffline('pages/index/index')
    expect(offline.text()).to.include('有事找人大代表').and.include('找我的代表').and.include('我的留言')
    expect(offline.text()).not.to.include('代表工作台')
    expect(offline.text(), 'no error on the page').not.to.match(/网络|失败|出错/)
    expect(offline.has('#load-failed')).to.equal(false)
    expect(phone.toasts, 'no error popping up').to.deep.equal([])
    expect(phone.modals).to.deep.equal([])
    // The failure was not taken for "not known": with signal again, the next open finds him.
    const online = await openPage('pages/index/index')
    expect(online.text()).to.include('代表工作台')
    expect(asks(), 'asked offline, and again with signal').to.have.length(2)
  })
})
