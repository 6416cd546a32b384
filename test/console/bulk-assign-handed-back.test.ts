import { expect } from 'chai'
import { seedDemoCases } from '../../src/demo/demo-cases.js'
import { logInAs, newPage, screenshot, useConsole } from './harness.js'

/**
 * The demo's first message ("光明社区3号楼前的路灯坏了…") was handed back by 朱丽华: "这段时间在外地学习，
 * 请站里另派代表". 张国华 selects it with the newer "光明社区路灯不亮…" and opens 批量分派给代表: the dialog
 * says beside 朱丽华 which message she handed back and why, and lists her last, whichever message was
 * selected first. At a station of sixty-odd deputies, the single dialog lists them all, her last.
 */
describe('console: 批量分派 says who handed back any of the selected messages', function () {
  this.timeout(120_000)
  const story = useConsole()
  const clerk = () => story.app.login((l) => l.username === 'zhangguohua')
  const demoCases = async () => {
    const { store, services } = story.app.liaison
    await seedDemoCases(store, services)
    const all = await store.cases.listForStats({})
    return {
      returned: all.find((c) => c.text.startsWith('光明社区3号楼前的路灯坏了'))!,
      dark: all.find((c) => c.text.startsWith('光明社区路灯不亮'))!,
    }
  }

  it('shows 刚把留言 … 交回 with her reason beside 朱丽华, last, though another message was selected first', async () => {
    const { returned, dark } = await demoCases()
    const page = await newPage(story.browser, story.app)
    await logInAs(page, clerk(), '/cases')
    const row = (ticket: string) => page.locator('tbody tr').filter({ hasText: ticket })
    await row(dark.ticket).locator('.t-checkbox').click()
    await row(returned.ticket).locator('.t-checkbox').click()
    await page.getByText('已选 2 条').waitFor()
    await page.getByRole('button', { name: '批量分派给代表' }).click()

    const options = page.getByRole('listbox', { name: '可分派的代表' }).getByRole('option')
    const zhu = options.filter({ hasText: '朱丽华' })
    await zhu.getByTestId('handed-back').waitFor()
    expect(await zhu.getByTestId('handed-back').innerText()).to.equal(`刚把留言 ${returned.ticket} 交回：这段时间在外地学习，请站里另派代表`)
    expect(await zhu.innerText()).to.not.include('擅长此类问题')
    expect((await options.locator('strong').allInnerTexts()).at(-1)).to.equal('朱丽华')
    expect(await options.filter({ hasNotText: '朱丽华' }).getByTestId('handed-back').count()).to.equal(0)
    await zhu.scrollIntoViewIfNeeded()
    await screenshot(page, 'bulk-assign-handed-back')
    expect(page.problems).to.deep.equal([])
  })

  it('lists every deputy of a station of sixty-odd, the one who handed the message back last', async () => {
    const { returned } = await demoCases()
    const stationId = returned.stationId!
    await story.app.liaison.services.importer.import(
      {
        deputies: Array.from({ length: 60 }, (_, i) => ({
          id: `many-${i + 1}`,
          code: `MANY${i + 1}`,
          name: `新代表${i + 1}号`,
          level: 'township' as const,
          topics: [],
          phone: null,
          dutyDates: [],
          stationIds: [stationId],
        })),
      },
      null,
    )
    const page = await newPage(story.browser, story.app)
    await logInAs(page, clerk(), `/cases/${returned.id}`)
    await page.getByRole('button', { name: '分派给代表' }).click()
    const options = page.getByRole('listbox', { name: '可分派的代表' }).getByRole('option')
    const zhu = options.filter({ hasText: '朱丽华' })
    await zhu.getByTestId('handed-back').waitFor()
    const names = await options.locator('strong').allInnerTexts()
    expect(names.length, 'more than sixty: the station’s own deputies are never cut off').to.be.greaterThan(60)
    expect(names).to.include.members(['新代表1号', '新代表60号'])
    expect(names.at(-1)).to.equal('朱丽华')
    expect(await zhu.getByTestId('handed-back').innerText()).to.equal('刚把这条留言交回：这段时间在外地学习，请站里另派代表')
    await zhu.scrollIntoViewIfNeeded()
    await screenshot(page, 'assign-many-deputies')
    expect(page.problems).to.deep.equal([])
  })
})
