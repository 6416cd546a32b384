import { expect } from 'chai'
import { asDeputy, asResident } from '../helpers/app.js'
import { logInAs, newPage, screenshot, useConsole } from './harness.js'

/**
 * 朱丽华 knows city building (城乡建设) and got a resident's broken street light; she hands it back
 * to 建设路街道代表联络站: "这段时间在外地学习，请站里另派代表". When 张国华 opens 分派给代表, the
 * dialog says so beside her name, does not mark her 擅长此类问题, and lists her last.
 */
describe('console: the assign dialog says who just handed the message back, and why', function () {
  this.timeout(120_000)
  const story = useConsole()

  it('shows 刚把这条留言交回 with her reason beside her name, without the green tag, after the others', async () => {
    const resident = await asResident(story.app)
    const id = (await resident.post('/api/mp/cases', { text: '小区门口的路灯坏了，晚上很黑', regionId: 'c010101' })).body.id as string
    const { case: held } = await story.app.liaison.services.caseQueries.forStaff(
      { kind: 'staff', id: 'admin', name: '管理员', username: 'admin', role: 'admin', stationIds: [], regionIds: [], unitIds: [] },
      id,
    )
    const deputy = await story.app.liaison.store.deputies.get(held.deputyId!)
    expect(deputy?.name).to.equal('朱丽华')
    expect(deputy?.topics).to.include(held.topic) // she would be recommended, but for her hand-back
    const back = await (await asDeputy(story.app, deputy!.id)).post(`/api/mp/deputy/cases/${id}/transfer`, { reason: '这段时间在外地学习，请站里另派代表' })
    expect(back.status).to.equal(200)

    const staff = story.app.login((l) => l.role === 'station_staff' && l.username === 'zhangguohua')
    const page = await newPage(story.browser, story.app)
    await logInAs(page, staff, `/cases/${id}`)
    await page.getByRole('button', { name: '分派给代表' }).click()
    const options = page.getByRole('listbox', { name: '可分派的代表' }).getByRole('option')
    const zhu = options.filter({ hasText: '朱丽华' })
    await zhu.getByTestId('handed-back').waitFor()
    expect(await zhu.getByTestId('handed-back').innerText()).to.equal('刚把这条留言交回：这段时间在外地学习，请站里另派代表')
    expect(await zhu.innerText()).to.not.include('擅长此类问题')
    const names = await options.locator('strong').allInnerTexts()
    expect(names.at(-1)).to.equal('朱丽华')
    // Another deputy who knows the topic is still recommended, and says nothing of a hand-back.
    const others = options.filter({ hasNotText: '朱丽华' })
    expect(await others.filter({ hasText: '擅长此类问题' }).count()).to.be.greaterThan(0)
    expect(await others.getByTestId('handed-back').count()).to.equal(0)
    await zhu.scrollIntoViewIfNeeded()
    await screenshot(page, 'assign-handed-back')
    expect(page.problems).to.deep.equal([])
  })
})
