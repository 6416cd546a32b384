import { expect } from 'chai'
import { asResident } from '../test/helpers/app.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { follow, openPage } from './harness/page.js'
import { created, phoneOfZhang } from './office.js'

/**
 * 张伟 (bound) opens the mini-program. What he comes for is his work: 代表工作台 is the first and
 * filled button, saying what waits ("待办 2 项", and below it "1 条留言已过受理期限": one not acknowledged in time, its answer not yet
 * due, is not 已超期, which is the answer's deadline); 找我的代表 is still there, plain.
 * A resident's home page stays as it was.
 */
describe('mini-program: a deputy finds his workbench first on the home page', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
  })
  afterEach(() => app.close())

  const write = async (text: string) => created((await asResident(app)).post('/api/mp/cases', { text, regionId: 'c010101', deputyCode: 'DP0001' }))
  const button = (page: any, id: string) => page.component.querySelector(id).instance.data

  it('puts 代表工作台 first and filled, with how many wait and how many are late', async () => {
    await write('小区门口的垃圾好几天没人清运')
    app.clock.set(new Date('2026-11-25T02:00:00Z')) // Wednesday: the first was to be acknowledged by Tuesday
    await write('楼道里的扶手断了')
    await phoneOfZhang(app)

    const home = await openPage('pages/index/index')
    const text = home.text()
    expect(text.indexOf('代表工作台'), 'first on the page').to.be.at.least(0).and.below(text.indexOf('找我的代表'))
    expect(home.textOf('.todo-total')).to.equal('待办 2 项')
    expect(home.textOf('.todo-late')).to.equal('1 条留言已过受理期限')
    expect(button(home, '#workbench')).to.include({ theme: 'primary', variant: 'base' })
    expect(button(home, '#find').variant, 'one filled button: his').to.equal('outline')
    expect(text.match(/代表工作台/g), 'not a second time in the list').to.have.length(1)

    await home.tap('#workbench')
    expect((await follow()).path).to.equal('pages/deputy/index')
  })

  it('a resident’s home page is as before: 找我的代表 filled, no workbench', async () => {
    holdPhone(app, 'o-resident-home')
    await asResident(app, 'o-resident-home')
    const home = await openPage('pages/index/index')
    expect(home.has('#workbench')).to.equal(false)
    expect(home.has('.todo-count')).to.equal(false)
    expect(button(home, '#find')).to.include({ theme: 'primary', variant: 'base' })
  })
})
