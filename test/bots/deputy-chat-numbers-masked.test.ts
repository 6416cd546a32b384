import { expect } from 'chai'
import { DIGEST_JOB } from '../../src/jobs/digest-job.js'
import { STAFF_PASSWORD } from '../fixtures.js'
import { Client } from '../helpers/app.js'
import { buildCase } from '../factories.js'
import { useCaseStory } from './case-story.js'
import { ask, dispatch, waitFor } from './helpers.js'

const WITH_PHONE = '电话13812345678楼道灯坏了半个月'
const WITH_ID = '身份证110101199001011234 低保的事'

/**
 * 张伟 reads residents' words in the chat, which is forwarded and read over shoulders: 待办, the morning digest
 * and the list "电话 0001" gives when two of his messages end in 0001 quote them as his new-message notices do,
 * with （已隐去） and （已隐去） for the numbers (the number itself is only for "电话 <full number>", read and audited).
 * A message merged into another is said to be merged, not answered.
 */
describe('bot: a deputy’s chat never quotes a resident’s phone or ID number', function () {
  this.timeout(60_000)
  const story = useCaseStory()

  /** Two messages to 张伟 numbered 0001 on two days: one anonymous with a phone in its words, one with an ID number. */
  async function twoNumbered0001() {
    const { app } = story
    app.clock.set(new Date('2026-12-03T02:00:00Z'))
    const a = (await buildCase(app, { deputyCode: 'DP0001', text: WITH_PHONE, phone: '13812345678', anonymous: true })).case.ticket
    app.clock.set(new Date('2026-12-04T02:00:00Z'))
    const b = (await buildCase(app, { deputyCode: 'DP0001', text: WITH_ID, phone: '13900000000' })).case.ticket
    return { a, b }
  }

  it('待办 and "电话 0001" for two messages ending alike show （已隐去） and （已隐去）, not the numbers', async () => {
    const { bot: t, deputy } = story
    const { a, b } = await twoNumbered0001()
    expect([a, b]).to.deep.equal(['20261203-0001', '20261204-0001'])

    const todo = await ask(t, deputy, '待办')
    expect(todo).to.include('电话（已隐去）楼道灯坏了半个月').and.include('身份证（已隐去） 低保的事')
    expect(todo).to.not.include('13812345678').and.not.include('110101')

    const which = await ask(t, deputy, '电话 0001')
    expect(which).to.include('您有 2 条待办留言以 0001 结尾：')
    expect(which).to.include(`· ${a} 电话（已隐去）楼道灯坏了半个月`).and.include(`· ${b} 身份证（已隐去） 低保的事`)
    expect(which).to.not.match(/1381234|11010119/)
  })

  it('the morning digest in the chat quotes her words with the numbers masked', async () => {
    const { app, bot: t } = story
    await twoNumbered0001()
    await dispatch(app)
    app.clock.set(new Date('2026-12-05T00:00:00Z')) // Saturday 08:00 in Shanghai
    await app.liaison.jobs.find((j) => j.name === DIGEST_JOB)!.run()
    await dispatch(app)
    const digest = await waitFor(() => t.world.said('张伟').find((m) => m.includes('今日摘要')), 'the digest')
    expect(digest).to.include('：电话（已隐去）楼道灯坏了半个月').and.include('：身份证（已隐去） 低保的事')
    expect(digest).to.not.match(/1381234|11010119/)
  })

  it('"电话" on a message merged into another says it is merged, not that he answered it', async () => {
    const { app, bot: t, deputy } = story
    app.clock.set(new Date('2026-12-05T02:00:00Z'))
    const kept = (await buildCase(app, { deputyCode: 'DP0001', regionId: 'c010101', text: '建设路社区东门的路灯坏了，晚上很黑' })).case
    const dup = (await buildCase(app, { deputyCode: 'DP0001', regionId: 'c010101', text: '建设路社区东门路灯坏了，看不见路', phone: '13900000000' })).case
    const lina = await new Client(app.baseUrl).login('lina', STAFF_PASSWORD)
    const merged = await lina.post(`/api/admin/cases/${dup.id}/merge`, { intoCaseId: kept.id })
    expect(merged.status, JSON.stringify(merged.body)).to.equal(200)

    const said = await ask(t, deputy, `电话 ${dup.ticket.slice(-4)}`)
    expect(said).to.include(`留言 ${dup.ticket} 已并入其他留言合并办理，不用再单独办理了。`)
    expect(said).to.not.include('答复过了').and.not.include('13900000000')
  })
})

/** Her own list in the chat follows the same rule: a chat is read over shoulders too, and the number is hers already. */
describe('bot: a resident’s own list quotes her words with the numbers masked, never cut inside one', function () {
  this.timeout(60_000)
  const story = useCaseStory({ resident: ['wx-laoli', '老李'] })

  it('"评价 0001 5" with two of her messages ending alike names each by its words, （已隐去） for the number', async () => {
    const { app, bot: t, resident } = story
    app.clock.set(new Date('2026-12-03T02:00:00Z'))
    const first = await story.residentWithAnsweredMessage('楼道灯坏了半个月，电话13812345678，请尽快派人来修一下楼道的灯')
    app.clock.set(new Date('2026-12-04T02:00:00Z'))
    const second = await story.residentWithAnsweredMessage('身份证110101199001011234 低保的事一直没有办下来')
    expect([first, second]).to.deep.equal(['20261203-0001', '20261204-0001'])
    const said = await ask(t, resident, '评价 0001 5')
    expect(said).to.include('有 2 条留言以 0001 结尾：')
    expect(said)
      .to.include(`· ${second} 身份证（已隐去） 低保的事一直没有办下来`)
      .and.include(`· ${first} 楼道灯坏了半个月，电话（已隐去），请尽快派人来修一下楼道的灯`)
    expect(said).to.not.match(/1381234|11010119/)
  })
})
