import { expect } from 'chai'
import { asResident } from '../helpers/app.js'
import { seedDemoCases } from '../../src/demo/demo-cases.js'
import { logInAs, newPage, screenshot, useConsole } from './harness.js'

/**
 * The demo's first two messages, "光明社区3号楼前的路灯坏了一个多月…" and "光明社区路灯不亮…", are one
 * issue on 热点问题, yet their words share too little for 相似留言. 张国华 opens 与相似留言合并 on the
 * second: the page's side card 相似留言 lists the first, saying why, as the dialog then offers it; the
 * dialog finds another open message of his station by its number; he merges into the first.
 */
describe('console: 合并 offers the messages 热点问题 groups with this one, and finds one by its number', function () {
  this.timeout(120_000)
  const story = useConsole()

  it('lists the hot issue’s other message with 热点问题里与本条是同一个问题, finds one by its number, and merges', async () => {
    const { store, services } = story.app.liaison
    await seedDemoCases(store, services)
    const all = await store.cases.listForStats({})
    const broken = all.find((c) => c.text.startsWith('光明社区3号楼前的路灯坏了'))!
    const dark = all.find((c) => c.text.startsWith('光明社区路灯不亮'))!
    const gym = (await (await asResident(story.app)).post('/api/mp/cases', { text: '小区里的健身器材坏了，老人没法锻炼', regionId: 'c010101' })).body as {
      id: string
      ticket: string
    }

    // A minute on: 热点问题 counts the messages written before the moment it is asked.
    story.app.clock.advance(60_000)
    const page = await newPage(story.browser, story.app)
    await logInAs(
      page,
      story.app.login((l) => l.username === 'zhangguohua'),
    )
    // The premise, as the reviewer saw it: one issue on 热点问题.
    const issues = (await page.request.get('/api/admin/analysis/hot-issues')).json() as Promise<{ issues: Array<{ caseIds: string[] }> }>
    expect((await issues).issues.find((i) => i.caseIds.includes(dark.id))?.caseIds).to.include(broken.id)

    await page.goto(`/console/cases/${dark.id}`)
    await page.getByRole('heading', { name: `留言 ${dark.ticket}` }).waitFor()
    // The page's side card 相似留言 lists what the dialog offers, saying why: never "none" beside a dialog offering one.
    const alike = page.locator('.t-card', { has: page.locator('.t-card__title', { hasText: '相似留言' }) })
    await alike.getByRole('link', { name: broken.ticket }).waitFor({ timeout: 10_000 })
    expect(await alike.innerText())
      .to.include('热点问题里与本条是同一个问题')
      .and.include('光明社区3号楼前的路灯坏了')
      .and.not.include('没有内容相近的留言')
    await screenshot(page, 'merge-hot-issue-page')
    await page.getByRole('button', { name: '与相似留言合并' }).click()
    const dialog = page.locator('.t-dialog').filter({ hasText: '与相似留言合并办理' })
    const offered = dialog.locator('.merge-list .t-radio')
    await offered.first().waitFor()
    expect(await dialog.innerText()).to.not.include('没有找到相似')
    const first = offered.filter({ hasText: broken.ticket })
    expect(await first.innerText())
      .to.include('光明社区3号楼前的路灯坏了')
      .and.include('热点问题里与本条是同一个问题')
    await dialog.locator('.t-dialog__close').waitFor() // drawn in full, not mid-fade
    await page.waitForTimeout(300)
    await screenshot(page, 'merge-hot-issue')

    // Another open message of his station, by the number the resident reads out on the phone.
    const search = dialog.getByPlaceholder('输入另一条留言的编号查找，例如 0001')
    await search.fill(gym.ticket.slice(-4))
    const found = offered.filter({ hasText: gym.ticket })
    await found.waitFor()
    expect(await found.innerText())
      .to.include('小区里的健身器材坏了')
      .and.include('按编号或内容找到')
    await screenshot(page, 'merge-by-number')

    // Cleared, the offer is back; he merges into the first message.
    await search.fill('')
    await first.waitFor()
    await first.click()
    await dialog.getByRole('button', { name: '确认合并' }).click()
    await page.getByRole('link', { name: `已并入 ${broken.ticket}` }).waitFor()
    expect((await store.cases.get(dark.id))!.mergedInto).to.equal(broken.id)
    expect(page.problems).to.deep.equal([])
  })
})
