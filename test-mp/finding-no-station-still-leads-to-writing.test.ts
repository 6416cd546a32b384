import { expect } from 'chai'
import type { TestApp } from '../test/helpers/app.js'
import { holdPhone, startBackend, startEmptyBackend } from './harness/backend.js'
import { follow, openPage } from './harness/page.js'

/**
 * 找我的代表 never ends in a dead end: where no liaison station covers her place, or where no
 * place can be chosen yet at all, the page says so in words and offers 给代表留言, which opens
 * the message form (the district office passes such messages on).
 */
describe('mini-program: 找我的代表 where there is no station to choose', () => {
  let app: TestApp
  afterEach(() => app.close())

  it('offers 给代表留言 for a place no station covers, and it opens the message form', async () => {
    app = await startBackend()
    holdPhone(app as Awaited<ReturnType<typeof startBackend>>, 'o-no-station')
    const find = await openPage('pages/find/index')
    await find.emit('#place', 'change', { value: find.data.placeLabels.indexOf('卫东区 东安街道 东安社区') })
    expect(find.textOf('#no-station')).to.include('这里还没有代表联络站').and.include('您仍然可以留言')
    // The office that takes it, by its name: 东安社区's district's.
    expect(find.textOf('#no-station')).to.include('卫东区人大常委会办公室会转给合适的代表')
    expect(find.has('#write') && find.text().includes('给代表留言'), 'a way on').to.equal(true)

    await find.tap('#write')
    const write = await follow()
    expect(write.path).to.equal('pages/case/new')
    expect(write.text()).to.include('个人信息保护说明')
  })

  it('says there is no place to choose yet, instead of a blank page, and still offers 给代表留言', async () => {
    app = await startEmptyBackend()
    const find = await openPage('pages/find/index')
    expect(find.textOf('#no-places')).to.include('这里还没有可以选的社区').and.include('您仍然可以直接给代表留言')
    expect(find.has('#write') && find.text().includes('给代表留言'), 'a way on').to.equal(true)
    await find.tap('#write')
    expect((await follow()).path).to.equal('pages/case/new')
  })
})
