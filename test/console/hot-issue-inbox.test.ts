import { expect } from 'chai'
import type { Page } from 'playwright-core'
import { asResident } from '../helpers/app.js'
import { localDate } from '../../src/domain/dates.js'
import { logInAs, newPage, screenshot, useConsole, type ConsoleStory } from './harness.js'

/** The inbox's lines once the list shows `n` of them (the empty table's placeholder row is none). */
async function listed(page: Page, n: number) {
  await page.waitForFunction((n) => document.querySelectorAll('tbody tr:not(.t-table__empty-row)').length === n, n)
  return page.locator('tbody').innerText()
}

const lift = [
  '光明社区3号楼电梯又坏了，老人上不去楼，请尽快修电梯',
  '光明社区3号楼的电梯坏了一个星期了，没人来修，老人上下楼太难了',
  '光明社区3号楼电梯坏了好几天，老人腿脚不便上不去楼',
  '3号楼电梯又坏了！老人上不去楼，求求代表帮忙催一下修电梯',
  '光明社区3号楼电梯坏了没人修，老人只能在楼下等，太难了',
]
// Between the lift messages: the road is the same place and topic (城乡建设), the roof another topic.
const others = ['光明社区小区道路坑洼不平，下雨天积水严重', '光明社区5号楼楼顶漏水，一下雨家里就湿了，请物业维修']

/** The seven messages of one morning, then 张国华 opens the lift's hot issue in the inbox (its banner shown). */
async function openLiftIssue(story: ConsoleStory) {
  const { app } = story
  // All on one day, a minute apart, before "now" (hot issues count up to now).
  const zone = app.liaison.config.business.timeZone
  if (localDate(new Date(app.clock.now().getTime() + 15 * 60_000), zone) !== localDate(app.clock.now(), zone)) app.clock.advance(20 * 60_000)
  for (const text of [lift[0], lift[1], others[0], lift[2], others[1], lift[3], lift[4]]) {
    expect((await (await asResident(app)).post('/api/mp/cases', { text, regionId: 'c010101' })).status).to.equal(201)
    app.clock.advance(60_000)
  }

  const page = await newPage(story.browser, app)
  await logInAs(
    page,
    app.login((l) => l.username === 'zhangguohua'),
    '/analysis/hot-issues',
  )
  const issue = page.getByTestId('hot-issue').filter({ hasText: '电梯' })
  await issue.waitFor()
  expect(await issue.innerText())
    .to.include('光明社区')
    .and.include('留言 5 条')
  await issue.getByRole('button', { name: '在留言列表中查看' }).click()

  await page.getByRole('heading', { name: '留言办理' }).waitFor()
  const banner = page.getByTestId('issue-banner')
  await banner.getByText('正在查看热点问题「光明社区 · 城乡建设」中的 5 条留言').waitFor()
  return { page, banner }
}

/**
 * 张国华 of 建设路街道代表联络站 sees the broken lift of 光明社区 among the hot issues and opens
 * its messages: the inbox lists those five and says whose they are, not the other message of
 * the same place and topic written the same morning (the road), nor the leaking roof; 查看全部留言
 * brings every message back.
 */
describe('console: a hot issue opened in the inbox', function () {
  // A real browser on a shared machine: each story gets two minutes (it usually needs under thirty seconds).
  this.timeout(120_000)
  const story = useConsole()

  it('lists exactly the issue’s five messages and says so; 查看全部留言 shows the rest', async () => {
    const { page, banner } = await openLiftIssue(story)
    const shown = await listed(page, 5)
    for (const text of lift) expect(shown).to.include(text.slice(0, 12))
    expect(shown).not.to.include('道路坑洼').and.not.include('楼顶漏水')
    await screenshot(page, 'console-hot-issue-inbox')

    await banner.getByRole('button', { name: '查看全部留言' }).click()
    await banner.waitFor({ state: 'detached' })
    const all = await listed(page, 7)
    expect(all).to.include('道路坑洼').and.include('楼顶漏水').and.include('3号楼电梯')
    expect(page.url()).not.to.include('ids=')
    expect(page.problems).to.deep.equal([])
  })
})

/**
 * While the inbox shows the hot issue's five messages, 张国华 looks for 电梯 among them and
 * keeps that search as a saved view (常用筛选). The view keeps the search, not those five
 * messages: a lift message written after it was saved shows in it too.
 */
describe('console: saving a view while a hot issue is shown', function () {
  this.timeout(120_000)
  const story = useConsole()

  it('offers nothing to save for the issue alone, and saves the search without the issue’s messages, saying so', async () => {
    const { page, banner } = await openLiftIssue(story)
    await listed(page, 5)
    const saveButton = page.getByRole('button', { name: '把当前筛选存为常用' })
    expect(await saveButton.count(), 'the five messages alone are no filter to keep').to.equal(0)

    await page.getByPlaceholder('输入留言内容或编号查找').fill('电梯')
    await page.getByRole('button', { name: '查找', exact: true }).click()
    await page.getByText('查找：“电梯”').waitFor()
    await saveButton.click()
    const dialog = page.locator('.t-dialog').filter({ hasText: '存为常用筛选' })
    expect(await dialog.getByTestId('save-note').innerText()).to.equal('只保存筛选条件，不保存热点问题的这 5 条留言。')
    await dialog.getByPlaceholder('给这组筛选起个名字').fill('电梯的留言')
    await dialog.getByRole('button', { name: '保存' }).click()
    await page.getByText('已保存“电梯的留言”').waitFor()

    await banner.getByRole('button', { name: '查看全部留言' }).click()
    await banner.waitFor({ state: 'detached' })
    await page.getByRole('button', { name: '清空全部筛选' }).click()
    await listed(page, 7)

    const { app } = story
    app.clock.advance(10 * 60_000)
    expect((await (await asResident(app)).post('/api/mp/cases', { text: '光明社区7号楼电梯今天也停了，请派人来修', regionId: 'c010101' })).status).to.equal(201)
    await page.getByText('电梯的留言', { exact: true }).click()
    const viewed = await listed(page, 6)
    expect(viewed, 'the new lift message is in the saved view').to.include('7号楼电梯')
    expect(viewed).not.to.include('道路坑洼')
    expect(page.url()).not.to.include('ids=')
    expect(page.problems).to.deep.equal([])
  })
})
