import { expect } from 'chai'
import { configureDemo, useDemoCity } from './harness/demo-city.js'
import { follow, openPage } from './harness/page.js'
import { phone } from './harness/wx.js'

/**
 * Someone evaluating Liaison runs `npm start` (the demo city, no AppID) and opens the mini-program in
 * WeChat DevTools on the same computer. wx.login's code leads nowhere without an AppID; with
 * `demoLogin` in config.js the mini-program signs in as a demo resident or a demo deputy instead.
 */
describe('mini-program story: trying the demo city in WeChat DevTools', () => {
  const demo = useDemoCity()

  it('as demo:deputy-…, the home page shows his 代表工作台 with his name and a message waiting for him', async () => {
    const { store } = demo.app.liaison
    const held = (await store.cases.search({ limit: 50 })).items.find((c) => c.deputyId && ['assigned', 'acknowledged'].includes(c.status))!
    const deputy = (await store.deputies.get(held.deputyId!))!
    configureDemo(`deputy-${deputy.code}`)
    const home = await openPage('pages/index/index')
    expect(home.text()).to.include('代表工作台')
    await home.tap('#workbench')
    const workbench = await follow()
    expect(workbench.text()).to.include(`${deputy.name} 代表，您好`)
    expect(workbench.text()).to.include(held.text.slice(0, 8))
    expect(phone.requests).to.include('POST /api/mp/session/known')
  })

  it('as demo:resident-4, 我的留言 shows her parking message answered and asks her to rate it', async () => {
    configureDemo('resident-4')
    const list = await openPage('pages/case/list')
    expect(list.text()).to.include('建新社区停车位太少')
    expect(list.text()).to.include('请评价')
  })
})
