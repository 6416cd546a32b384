import { expect } from 'chai'
import { asResident, Client } from '../helpers/app.js'
import { cityOrganizer } from './organizer-story.js'
import { logInAs, newPage, screenshot, useConsole } from './harness.js'

const DAY = 86_400_000

/**
 * An organizer's consultation numbers its draft articles as the law prints them (第二条 after
 * 第一条, 第二十条 after 第十九条), and a survey ended early says 已结束 once, at its tag, with the
 * banner saying what follows (how many answers it kept); its QR poster is no longer offered.
 */
describe('console: an organizer’s consultation articles and a survey ended early', function () {
  // A real browser on a shared machine: each story gets two minutes (it usually needs under thirty seconds).
  this.timeout(150_000)
  const story = useConsole()

  it('numbers each added article in Chinese numerals after the one above it', async () => {
    const page = await newPage(story.browser, story.app)
    await logInAs(page, await cityOrganizer(story.app), '/surveys/new')
    await page.getByText('立法征求意见', { exact: true }).click()
    const numbers = () => page.locator('.article .art-no input').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))
    expect(await numbers()).to.deep.equal(['第一条'])
    const add = page.getByRole('button', { name: '+ 添加条文' })
    await add.click()
    await add.click()
    expect(await numbers()).to.deep.equal(['第一条', '第二条', '第三条'])
    // An excerpt of a long draft: the organizer renumbers the last, and the next follows it.
    await page.locator('.article .art-no input').last().fill('第十九条')
    await add.click()
    expect(await numbers()).to.deep.equal(['第一条', '第二条', '第十九条', '第二十条'])
    await add.click()
    expect(await numbers()).to.deep.equal(['第一条', '第二条', '第十九条', '第二十条', '第二十一条'])
    await page.locator('.article .art-no input').last().fill('第一百条')
    await add.click()
    expect(await numbers()).to.deep.equal(['第一条', '第二条', '第十九条', '第二十条', '第一百条', '第一百零一条'])
    await page.locator('.article').last().scrollIntoViewIfNeeded()
    await screenshot(page, 'console-consultation-article-numbers')
    expect(page.problems).to.deep.equal([])
  })

  it('ends a survey early, says 已结束 once, at its tag, and no longer offers its poster', async () => {
    const login = await cityOrganizer(story.app)
    const office = await new Client(story.app.baseUrl).login(login.username, login.password)
    const made = await office.post('/api/admin/surveys', {
      kind: 'survey',
      title: '老旧小区加装电梯意见调查',
      closesAt: new Date(story.app.clock.now().getTime() + 7 * DAY).toISOString(),
      questions: [
        {
          id: 'lift',
          type: 'single',
          title: '您是否支持本楼加装电梯？',
          options: [
            { id: 'yes', label: '支持' },
            { id: 'no', label: '不支持' },
          ],
        },
      ],
    })
    expect(made.status, JSON.stringify(made.body)).to.equal(201)
    for (const choice of ['yes', 'no']) {
      const sent = await (await asResident(story.app)).post(`/api/mp/surveys/${made.body.id}/responses`, { answers: { lift: choice } })
      expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    }

    const page = await newPage(story.browser, story.app)
    await logInAs(page, login, `/surveys/${made.body.id}`)
    // Open to anyone who scans while it runs: its poster is offered.
    await page.getByRole('button', { name: '二维码海报' }).waitFor()
    await page.getByRole('button', { name: '提前结束' }).click()
    await page.locator('.t-popconfirm').getByRole('button', { name: '确定' }).click()
    await page.locator('.t-alert').getByText('已停止收集，共收到 2 份答卷', { exact: true }).waitFor()
    await page.locator('[data-test=phase]').getByText('已结束', { exact: true }).waitFor()
    const card = page.locator('.t-card').first()
    const said = ((await card.innerText()).match(/已结束/g) ?? []).length
    expect(said, 'the tag alone says 已结束').to.equal(1)
    expect(await page.getByRole('button', { name: '提前结束' }).count(), 'nothing left to end').to.equal(0)
    expect(await page.getByRole('button', { name: '二维码海报' }).count(), 'no poster for a survey that takes no more answers').to.equal(0)
    await screenshot(page, 'console-survey-ended-early')

    // One that has not started yet is put up ahead of its start: its poster stays.
    const upcoming = await office.post('/api/admin/surveys', {
      kind: 'survey',
      title: '社区食堂就餐意见调查',
      opensAt: new Date(story.app.clock.now().getTime() + DAY).toISOString(),
      closesAt: new Date(story.app.clock.now().getTime() + 7 * DAY).toISOString(),
      questions: [{ id: 'taste', type: 'text', title: '您对社区食堂有什么建议？' }],
    })
    expect(upcoming.status, JSON.stringify(upcoming.body)).to.equal(201)
    await page.goto(`/console/surveys/${upcoming.body.id}`)
    await page.getByRole('heading', { name: /社区食堂就餐意见调查/ }).waitFor()
    await page.getByRole('button', { name: '二维码海报' }).waitFor()
    expect(page.problems).to.deep.equal([])
  })
})
