import { expect } from 'chai'
import { configureDemo, useDemoCity } from './harness/demo-city.js'
import { openPage } from './harness/page.js'

/**
 * The privacy notice went to v2, and those who agreed to v1 are asked again. The demo city's residents were made
 * agreeing to the notice in force when it is seeded (npm start), so someone trying the demo as demo:resident-4 reads
 * nothing to agree to on 我的 and writes at once, not a notice "有更新" for a consent nobody gave.
 */
describe('mini-program story: the demo city’s residents agreed to the notice in force', () => {
  useDemoCity()

  it('as demo:resident-4, 我的 asks for no consent and 留言 opens the form, not the notice', async () => {
    configureDemo('resident-4')
    const mine = await openPage('pages/mine/index')
    expect(mine.has('#consent'), 'nothing to agree to, and no line of what she once did').to.equal(false)
    expect(mine.text()).to.not.include('同意个人信息保护说明')
    expect(mine.has('#consent-updated')).to.equal(false)
    const write = await openPage('pages/case/new')
    expect(write.has('#text'), 'the form, not the notice').to.equal(true)
    expect(write.text()).to.not.include('有更新')
  })
})
