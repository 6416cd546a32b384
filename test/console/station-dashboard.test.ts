import { expect } from 'chai'
import { seedDemoCases } from '../../src/demo/demo-cases.js'
import { localDate } from '../../src/domain/dates.js'
import { logInAs, newPage, screenshot, useConsole } from './harness.js'

/**
 * 张国华 keeps 建设路街道代表联络站 in the demo city. Her day starts on 工作概览: what waits for her to
 * give to a deputy (one click to those messages), today's new, the overdue, those a resident asked to be
 * redone or rated low, and who receives residents next; 统计分析 compares her station's deputies. A link to
 * the office's 分析周报 says in words why it does not open for her, and takes her home.
 */
describe("console: a station clerk's 工作概览 and 统计分析", function () {
  // A real browser on a shared machine: each story gets two minutes (it usually needs under thirty seconds).
  this.timeout(120_000)
  const story = useConsole()

  it('shows her station’s day with one obvious action, her deputies’ figures, and says why the weekly report is not hers', async () => {
    const { store, services, config } = story.app.liaison
    await seedDemoCases(store, services)
    const all = await store.cases.listForStats({})
    const hers = all.filter((c) => c.stationId === 'st001')
    const waiting = hers.filter((c) => c.status === 'submitted')
    expect(waiting, 'the demo leaves one message handed back to her station').to.have.length(1)
    expect(all.length, 'other stations have messages too').to.be.greaterThan(hers.length)
    const today = localDate(story.app.clock.now(), config.business.timeZone)
    const onDuty = (await store.deputies.listByStation('st001'))
      .flatMap((d) => (d.dutyByStation.st001 ?? []).filter((date) => date >= today).map((date) => ({ date, name: d.name })))
      .sort((a, b) => a.date.localeCompare(b.date))

    const page = await newPage(story.browser, story.app)
    const refused: string[] = []
    page.on('response', (r) => {
      if (r.status() === 403) refused.push(new URL(r.url()).pathname)
    })
    await logInAs(
      page,
      story.app.login((l) => l.username === 'zhangguohua'),
    )
    // Her home stays 留言办理, where she works; 工作概览 leads her menu.
    await page.getByRole('heading', { name: '留言办理' }).waitFor()
    const menu = await page.locator('.t-menu').innerText()
    expect(menu).to.include('工作概览')
    expect(menu).to.include('统计分析')
    expect(menu).not.to.include('分析周报')

    await page.locator('.t-menu').getByText('工作概览').click()
    await page.getByRole('heading', { name: '工作概览' }).waitFor()
    const first = page.getByLabel('等您分派 1 条，点击查看')
    await first.waitFor()
    expect(await first.innerText()).to.include('去分派')
    await page.getByLabel(`今天新收到 ${hers.length} 条，点击查看`).waitFor()
    await page.getByLabel('已超期 0 条，点击查看').waitFor()
    await page.getByLabel('群众要求重新办理 0 条，点击查看').waitFor()
    const lowRated = page.locator('[data-figure=low-rated]')
    expect(await lowRated.innerText()).to.include('群众不满意')
    const duty = await page.locator('[data-figure=duty]').innerText()
    expect(duty).to.include('近期接待值班')
    expect(duty, 'the next deputy on duty at her station').to.include(`${onDuty[0].name}代表`)
    // Her station's deputies only: no tabs to compare districts or stations.
    const responsiveness = page.locator('[data-chart=responsiveness]')
    expect(await responsiveness.innerText()).to.include('各位代表的办理情况')
    expect(await responsiveness.locator('.t-tabs').count()).to.equal(0)
    // Large enough to read: the figures at 40 px, their titles and the action at 16 px at least.
    const sizes = await page.evaluate(() =>
      ['.figure-count', '.figure-title', '.go'].map((s) => parseFloat(getComputedStyle(document.querySelector(s)!).fontSize)),
    )
    expect(sizes[0]).to.be.at.least(36)
    expect(Math.min(sizes[1], sizes[2])).to.be.at.least(16)
    await page.waitForTimeout(600) // the charts' first drawing animates
    await screenshot(page, 'station-dashboard')

    // The one action: the messages waiting for her, exactly those.
    await first.click()
    await page.waitForURL(/\/console\/cases\?status=submitted/)
    await page.getByText('状态：待分派').waitFor()
    await page.locator('tbody tr:not(.t-table__empty-row)').first().waitFor()
    expect(await page.locator('tbody tr').count()).to.equal(1)
    expect(await page.locator('tbody').innerText()).to.include(waiting[0].ticket)

    await page.locator('.t-menu').getByText('统计分析').click()
    await page.getByRole('heading', { name: '统计分析' }).waitFor()
    await page
      .locator('[data-chart="stats"]')
      .getByText(/共 \d+ 位代表/)
      .waitFor()
    const groupings = await page.locator('[aria-label="分组"]').innerText()
    expect(groupings).not.to.include('按区县')
    expect(groupings).not.to.include('按联络站')
    expect(await page.locator('[data-chart="stats"]').innerText(), 'her deputies compared, first').to.include('按代表：收到的留言')
    await page.getByText(`留言总数`).waitFor()
    const total = await page.locator('.t-statistic').first().innerText()
    expect(total.replace(/\s/g, ''), "her station's messages, not the city's").to.include(`${hers.length}条`)
    await screenshot(page, 'station-stats')

    // A colleague's link to the office's weekly report: said why, with her station's 统计分析 and the way home.
    await page.goto('/console/analysis/weekly-report')
    await page.getByRole('heading', { name: '没有这一页' }).waitFor()
    // Whose page it is, by the name of her station's district office.
    expect(await page.getByTestId('not-yours').innerText()).to.equal('分析周报由澜江区人大办查看，联络站账号没有这一页。')
    await screenshot(page, 'station-not-yours')
    // Not a dead end: her own station's 统计分析 counts what she came for, offered first.
    await page.getByRole('button', { name: '看本站的统计分析' }).click()
    await page.waitForURL(/\/console\/stats$/)
    await page.getByRole('heading', { name: '统计分析' }).waitFor()
    await page.goto('/console/analysis/weekly-report')
    await page.getByRole('button', { name: '回到首页' }).click()
    await page.getByRole('heading', { name: '留言办理' }).waitFor()

    expect(refused, 'no page she opened was refused by the server').to.deep.equal([])
    expect(page.problems).to.deep.equal([])
  })
})
