import { expect } from 'chai'
import type { Page } from 'playwright-core'
import { asResident } from '../helpers/app.js'
import { dialogShown, logInAs, newPage, screenshot, useConsole } from './harness.js'
import { chenOpensAYear } from './lanjiang-year.js'

/** The dialog open now (a closed one stays in the page, hidden). */
const openDialog = (page: Page) => page.locator('.t-dialog').filter({ visible: true })

const LONG_REASON = '菜市场改造已经列入区商务局明年的农贸市场提升计划，由区商务局和街道一起统一设计、统一施工，所以这次不再单独列入'

/**
 * 陈干事 of 澜江区 sorts his year's proposals. The 梳理情况 column says a proposal not taken up as its proposer's
 * notice says it (没有列入…。说明：…), a long reason cut to fit the cell and whole on hover. And when a colleague
 * corrects a candidate while his 编辑 is open, his save is refused in words instead of undoing hers.
 */
describe('console: 民生实事 sorting, said as the proposers read it and safe between two people', function () {
  this.timeout(150_000)
  const story = useConsole()

  /** One story's year (the stories share one backend: each its own year). */
  async function yearWithProposals(calendarYear: number, titles: string[]) {
    const { app } = story
    const { chen, office, year } = await chenOpensAYear(app, calendarYear)
    const sent: Record<string, string> = {}
    for (const title of titles) {
      app.clock.advance(60_000)
      const answer = await (
        await asResident(app)
      ).post(`/api/mp/livelihood/cycles/${year}/proposals`, {
        title,
        place: '建新社区',
        description: title,
        consentVersion: 'lp-2026-1',
      })
      expect(answer.status, JSON.stringify(answer.body)).to.equal(201)
      sent[title] = answer.body.id
    }
    return { chen, office, year, sent }
  }

  it('says a proposal not taken up as 没有列入候选项目。说明：…, a long reason cut in the cell and whole on hover', async () => {
    const { app, browser } = story
    const { chen, office, sent } = await yearWithProposals(2033, ['建设路菜市场改造', '滨河路装路灯'])
    for (const [title, note] of [
      ['建设路菜市场改造', LONG_REASON],
      ['滨河路装路灯', '路灯已经装好了'],
    ]) {
      const declined = await office.post(`/api/admin/livelihood/proposals/${sent[title]}/decline`, { note })
      expect(declined.status, JSON.stringify(declined.body)).to.equal(200)
    }

    const page = await newPage(browser, app)
    await logInAs(page, chen, '/projects')
    const rows = page.locator('[data-test=proposals] tbody tr')
    const lights = rows.filter({ hasText: '滨河路装路灯' }).locator('[data-test=proposal-state]')
    await lights.getByText('没有列入候选项目。说明：路灯已经装好了', { exact: true }).waitFor()
    const market = rows.filter({ hasText: '建设路菜市场改造' }).locator('[data-test=proposal-state]')
    expect(await market.innerText()).to.equal(`没有列入候选项目。说明：${Array.from(LONG_REASON).slice(0, 24).join('')}…`)
    expect(await market.getAttribute('title')).to.equal(`没有列入民生实事候选项目。说明：${LONG_REASON}`)
    expect(await page.locator('[data-test=proposals]').innerText()).not.to.include('未列入')
    await screenshot(page, 'projects-not-taken-up-words')
    expect(page.problems).to.deep.equal([])
  })

  it('refuses his correction of a candidate a colleague corrected while his 编辑 was open, and shows hers', async () => {
    const { app, browser } = story
    const { chen, office, year, sent } = await yearWithProposals(2034, ['建新社区老楼装电梯'])
    const unitId = (await office.get('/api/admin/units')).body.items.find((u: { name: string }) => u.name === '青澜市住房和城乡建设局').id
    const made = await office.post(`/api/admin/livelihood/cycles/${year}/candidates`, {
      title: '老楼装电梯',
      description: '老楼装电梯，年内完成',
      place: '建新社区',
      costWan: 100,
      unitId,
      proposalIds: [sent['建新社区老楼装电梯']],
    })
    expect(made.status, JSON.stringify(made.body)).to.equal(201)

    const page = await newPage(browser, app)
    await logInAs(page, chen, '/projects')
    const projects = page.locator('[data-test=projects] tbody tr')
    await projects.filter({ hasText: '老楼装电梯' }).getByRole('button', { name: '编辑' }).click()
    const edit = page.locator('[data-test=candidate-edit]')
    await edit.getByText('提交代表票决以前可以修改').waitFor()
    await dialogShown(page)
    // A colleague of the office corrects the cost meanwhile, from her own screen.
    const hers = await office.patch(`/api/admin/livelihood/candidates/${made.body.id}`, { costWan: 260 })
    expect(hers.status, JSON.stringify(hers.body)).to.equal(200)

    await edit.locator('.t-input input').nth(0).fill('建新社区老楼加装电梯')
    await openDialog(page).getByRole('button', { name: '保存' }).click()
    await page.locator('[data-test=candidate-edit-problem]').getByText('候选项目「老楼装电梯」已被别人修改，请刷新后再改').waitFor()
    await screenshot(page, 'projects-candidate-changed-meanwhile', { window: true })
    // The page behind shows the candidate as she left it; his name was not written over it.
    await projects.filter({ hasText: '老楼装电梯' }).getByText('260 万元').waitFor()
    const stored = await office.get(`/api/admin/livelihood/cycles/${year}`)
    expect(stored.body.projects.map((p: { title: string; costWan: number }) => [p.title, p.costWan])).to.deep.equal([['老楼装电梯', 260]])
    expect(page.problems).to.deep.equal([])
  })
})
