import { expect } from 'chai'
import type { Locator } from 'playwright-core'
import { asAdmin, asDeputy } from '../helpers/app.js'
import { logInAs, newPage, screenshot, useConsole } from './harness.js'
import { dayOf, nextMorning } from './morning.js'
import { pickDay, shownPanel } from './date-picker.js'
import { localDate } from '../../src/domain/dates.js'

const UNIT = '青澜市住房和城乡建设局' // the demo city's u01, whose staff is the first unit_staff login

/** Two things side by side with room between them: never "加装电梯的建议重点督办" or "满意12月4日 12:06". */
async function apart(left: Locator, right: Locator) {
  const [a, b] = [await left.boundingBox(), await right.boundingBox()]
  expect(b!.x - (a!.x + a!.width), 'the gap between them').to.be.at.least(4)
}

/**
 * One suggestion's life in the console: an organizer reviews and assigns it (重点督办), the
 * unit asks for more time and the office agrees, the unit answers, the deputy rates it, and
 * the office sees the unit's figures and publishes the answer. Each step is what a person
 * does and sees on the pages; the deputy's part is the mini-program's API.
 */
describe('console: 代表建议 from review to statistics', function () {
  // A real browser on a shared machine: each story gets two minutes (it usually needs under thirty seconds).
  this.timeout(120_000)
  const story = useConsole()
  let id = ''
  let number = ''

  before(async () => {
    const deputy = await asDeputy(story.app, 'dp0001')
    const draft = await deputy.post('/api/mp/deputy/suggestions', { title: '关于老旧小区加装电梯的建议', body: '老小区多为六层，没有电梯，建议财政补贴加装。' })
    expect(draft.status, JSON.stringify(draft.body)).to.equal(201)
    const submitted = await deputy.post(`/api/mp/deputy/suggestions/${draft.body.id}/submit`)
    expect(submitted.status, JSON.stringify(submitted.body)).to.equal(200)
    id = draft.body.id
    number = submitted.body.number
  })

  it('an organizer finds it waiting for review, accepts it and assigns it to a unit under 重点督办 with a leader', async () => {
    const page = await newPage(story.browser, story.app)
    await logInAs(
      page,
      story.app.login((l) => l.role === 'organizer'),
    )
    await page.locator('.t-menu').getByText('代表建议', { exact: true }).click()
    await page.getByRole('heading', { name: '代表建议' }).waitFor()
    await page.getByPlaceholder('全部状态').click()
    await page.locator('.t-select-option', { hasText: '待审查' }).click()
    await page.waitForURL(/status=submitted/)
    const row = page.locator('[data-test=suggestions] tbody tr', { hasText: '关于老旧小区加装电梯的建议' })
    expect(await row.innerText())
      .to.include(number)
      .and.include('待审查')
    await screenshot(page, 'console-suggestions-list')

    await row.getByText('关于老旧小区加装电梯的建议').click()
    await page.getByRole('button', { name: '接收立案' }).click()
    await page.locator('[data-test=status]', { hasText: '已立案待交办' }).waitFor()

    await page.getByRole('button', { name: '交办', exact: true }).click()
    await page.getByPlaceholder('选择主办单位').click()
    await page.locator('.t-select-option', { hasText: UNIT }).click()
    await page.locator('.t-switch[aria-label="重点督办"]').click()
    await page.getByPlaceholder('例如：市人大常委会王副主任').fill('市人大常委会王副主任')
    await screenshot(page, 'console-suggestions-assign')
    await page.getByRole('button', { name: '确认交办' }).click()

    await page.locator('[data-test=status]', { hasText: '办理中' }).waitFor()
    const assignment = await page.locator('[data-test=assignment]').innerText()
    expect(assignment)
      .to.include(UNIT)
      .and.include('重点督办')
      .and.include('领衔督办：市人大常委会王副主任')
      .and.match(/还有 \d+ 天/)
    expect(page.problems).to.deep.equal([])
  })

  it('the unit sees it in 交办建议 with its deadline in words, asks for 30 more days; the office agrees', async () => {
    const unitPage = await newPage(story.browser, story.app)
    await logInAs(
      unitPage,
      story.app.login((l) => l.role === 'unit_staff'),
    )
    const row = unitPage.locator('[data-test=assigned] tbody tr', { hasText: '关于老旧小区加装电梯的建议' })
    const line = await row.innerText()
    expect(line)
      .to.include('重点督办')
      .and.include('主办')
      .and.match(/还有 \d+ 天/)
    await apart(row.locator('.t-link'), row.locator('.t-tag', { hasText: '重点督办' }))
    // Its number ("2026-0001") on one line: broken after the dash it reads as two numbers.
    const numberLines = await row
      .locator('td')
      .nth(0)
      .evaluate((td) => {
        const range = document.createRange()
        range.selectNodeContents(td)
        return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size
      })
    expect(numberLines, 'lines of the number').to.equal(1)
    await screenshot(unitPage, 'console-suggestions-unit-list')
    await row.getByText('关于老旧小区加装电梯的建议').click()
    await unitPage.getByRole('button', { name: '申请延期' }).click()
    // Who decides it, by name: the office over the suggestion, its lead deputy's (李欣悦 of 滨河街道, 澜东区).
    expect(await unitPage.getByTestId('approved-by').innerText()).to.equal('由澜东区人大常委会办公室审批，同意后办理期限顺延。')
    await unitPage.getByPlaceholder('例如：需等年度预算批复后才能施工').fill('加装电梯需等明年预算批复')
    await unitPage.getByRole('button', { name: '提交申请' }).click()
    await unitPage.locator('[data-test=requests]', { hasText: '待审批' }).waitFor()
    const before = await unitPage.locator('[data-test=assignment]').innerText()

    const officePage = await newPage(story.browser, story.app)
    await logInAs(
      officePage,
      story.app.login((l) => l.role === 'organizer'),
      `/suggestions/${id}`,
    )
    await officePage.locator('[data-test=requests]').getByText(`${UNIT} 申请延期 30 天`).waitFor()
    await officePage.getByRole('button', { name: '同意', exact: true }).click()
    await officePage.locator('[data-test=requests]', { hasText: '已同意' }).waitFor()
    const after = await officePage.locator('[data-test=assignment]').innerText()
    expect(after).not.to.equal(before) // the deadline moved by 30 days
    // Said as people write a date ("3月4日", the year only when not this one), not "2027-03-04".
    expect(await officePage.locator('[data-test=deadline]').innerText()).to.match(/^(\d{4}年)?\d{1,2}月\d{1,2}日$/)
    expect(await officePage.locator('[data-test=timeline]').innerText()).to.match(/新期限 \d{4}年\d{1,2}月\d{1,2}日/)
    expect(officePage.problems.concat(unitPage.problems)).to.deep.equal([])
  })

  it('the unit answers with its category; the deputy rates it; the office sees the unit’s figures and publishes the answer', async () => {
    const unitPage = await newPage(story.browser, story.app)
    await logInAs(
      unitPage,
      story.app.login((l) => l.role === 'unit_staff'),
      `/unit/suggestions/${id}`,
    )
    await unitPage.getByRole('button', { name: '提交答复' }).click()
    // Asked beside the choice; picking one takes the warning away (before, it stayed up after she had picked).
    const asked = unitPage.locator('[data-test=answer-form] [data-test=category-problem]')
    await asked.getByText('请选择办理结果').waitFor()
    await unitPage.getByText('正在解决或列入计划').click()
    await asked.waitFor({ state: 'detached' })
    expect(await unitPage.getByText('请选择办理结果').count(), 'no warning left once she picked').to.equal(0)
    // The promised day is called as the office calls it, said to be hers to choose, with what filling it in or not means.
    const form = unitPage.locator('[data-test=answer-form]')
    await form.getByText('承诺日期（选填）').waitFor()
    await unitPage
      .locator('[data-test=promise-hint]')
      .getByText('填了：承诺在这天前办完，到这天还没报告办完就算超期，人大办会来催办。不填也可以提交：不会算超期，办完后在这里报告办理结果。')
      .waitFor()
    // The 15th of next month, picked from the calendar, reads as people write a day (2027年1月15日); the server gets 2027-01-15.
    const today = localDate(story.app.clock.now(), story.app.liaison.config.business.timeZone)
    const next = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)), 15))
    const promised = next.toISOString().slice(0, 10)
    await form.locator('.t-date-picker input').click()
    const panel = shownPanel(unitPage)
    await panel.locator('.t-date-picker__table').waitFor()
    const month = parseInt(await panel.locator('.t-date-picker__header-controller-month input').inputValue(), 10)
    const year = parseInt(await panel.locator('.t-date-picker__header-controller-year input').inputValue(), 10)
    const steps = (next.getUTCFullYear() - year) * 12 + next.getUTCMonth() + 1 - month
    for (let i = 0; i < Math.abs(steps); i++) await panel.locator(steps > 0 ? '.t-pagination-mini__next' : '.t-pagination-mini__prev').click()
    await pickDay(unitPage, promised)
    const shownAs = `${next.getUTCFullYear()}年${next.getUTCMonth() + 1}月15日`
    expect(await form.locator('.t-date-picker input').inputValue()).to.equal(shownAs)
    // An empty answer is asked for under the box, and the line goes as she types (before, a pop-up stayed after she typed).
    await unitPage.getByRole('button', { name: '提交答复' }).click()
    const askedText = unitPage.locator('[data-test=answer-form] [data-test=text-problem]')
    await askedText.getByText('请写明办理情况').waitFor()
    await unitPage.getByPlaceholder('写明办理情况：做了什么、结果如何、下一步安排').fill('已列入明年加装电梯计划，第一批 20 个小区。')
    await askedText.waitFor({ state: 'detached' })
    expect(await unitPage.getByText('请写明办理情况').count(), 'no warning left once she wrote').to.equal(0)
    await screenshot(unitPage, 'console-suggestions-answer')
    await unitPage.getByRole('button', { name: '提交答复' }).click()
    await unitPage.locator('[data-test=status]', { hasText: '已答复待评价' }).waitFor()
    expect(await unitPage.locator('[data-test=answers]').innerText())
      .to.include('正在解决或列入计划')
      .and.include('第一批 20 个小区')
    expect(await unitPage.locator('body').innerText(), 'the promised day, kept').to.match(new RegExp(`承诺(\\d{4}年)?${next.getUTCMonth() + 1}月15日前`))
    expect(await unitPage.locator('[data-test=answer-form]').count()).to.equal(0)

    // Rated the next morning: when, under the rating, says the hour as people write it (9:05, not 09:05). The unit's
    // page is closed first: a session left unused that long has ended.
    await unitPage.close()
    const ratedAt = nextMorning(story.app.clock.now())
    story.app.clock.set(ratedAt)
    const deputy = await asDeputy(story.app, 'dp0001')
    const rated = await deputy.post(`/api/mp/deputy/suggestions/${id}/rating`, { score: 'satisfied' })
    expect(rated.status, JSON.stringify(rated.body)).to.equal(200)

    const page = await newPage(story.browser, story.app)
    await logInAs(
      page,
      story.app.login((l) => l.role === 'organizer'),
      '/suggestions/stats',
    )
    const unitLine = page.locator('[data-test=suggestion-stats] tbody tr', { hasText: UNIT })
    await unitLine.waitFor() // the figures load after the page opens
    // 交办, 已答复, 按时答复, 超期未答复, 按时答复率, 解决率 (正在解决 is not 已解决), 满意 / 基本满意 / 不满意, 满意率
    expect(await unitLine.locator('td').allInnerTexts()).to.deep.equal([UNIT, '1', '1', '1', '0', '100%', '0%', '1 / 0 / 0', '100%'])
    // The menu shows where the organizer is: this page's own entry, not the suggestions list above it.
    expect(await page.locator('.t-menu .t-is-active').allInnerTexts()).to.deep.equal(['建议办理统计'])
    await screenshot(page, 'console-suggestions-stats')

    await page.goto(`/console/suggestions/${id}`)
    // 正在解决或列入计划, rated: open until the unit reports the work done (review 37, finding 16), and publishable.
    await page.locator('[data-test=status]', { hasText: '已答复，正在办理' }).waitFor()
    expect(await page.locator('[data-test=rating]').innerText()).to.include('满意')
    const rating = page.locator('[data-test=rating-head]')
    await apart(rating.locator('.t-tag'), rating.locator('.muted'))
    expect(await rating.locator('.muted').innerText()).to.match(new RegExp(`^(\\d{4}年)?${dayOf(ratedAt)} 9:05$`))
    const answer = page.locator('[data-test=answer-head]')
    await apart(answer.locator('.t-tag', { hasText: '正在解决或列入计划' }), answer.locator('.muted'))
    await page.locator('[data-test=publish]').click()
    await page.getByText('已公开，群众可以在小程序里看到答复').waitFor()
    const published = await (await fetch(`${story.app.baseUrl}/api/public/suggestions`)).json()
    expect(published.items.map((s: { title: string }) => s.title)).to.include('关于老旧小区加装电梯的建议')
    await screenshot(page, 'console-suggestions-detail')
    expect(page.problems.concat(unitPage.problems)).to.deep.equal([])
  })
  it('a unit that is not the right one asks the office to hand the suggestion to another unit, picked from the list', async () => {
    const deputy = await asDeputy(story.app, 'dp0001')
    const other = await deputy.post('/api/mp/deputy/suggestions', { title: '关于增加公交夜班线路的建议', body: '夜班工人下班后没有公交车。' })
    await deputy.post(`/api/mp/deputy/suggestions/${other.body.id}/submit`)
    const office = await asAdmin(story.app)
    await office.post(`/api/admin/suggestions/${other.body.id}/review`, { decision: 'accept' })
    expect((await office.post(`/api/admin/suggestions/${other.body.id}/assignment`, { leadUnitId: 'u01' })).status).to.equal(200)

    const page = await newPage(story.browser, story.app)
    await logInAs(
      page,
      story.app.login((l) => l.role === 'unit_staff'),
      `/unit/suggestions/${other.body.id}`,
    )
    // The units cannot be read at first (a blip): the dialog says so with 重试, not an empty list.
    const UNITS = /\/api\/unit\/units(\?|$)/
    await page.route(UNITS, (r) => r.abort('connectionreset'))
    await page.getByRole('button', { name: '申请调整承办单位' }).click()
    const dialog = page.locator('.t-dialog', { hasText: '申请调整承办单位' })
    await dialog.getByText('单位名单没有读到。连不上服务器，请检查网络后再试').waitFor()
    await screenshot(page, 'console-unit-change-units-unread')
    await page.unroute(UNITS)
    await dialog.getByRole('button', { name: '重试' }).click()
    await page.getByPlaceholder('选择单位').click()
    await page.locator('.t-select-option', { hasText: '青澜市交通运输局' }).click()
    await page.getByPlaceholder('例如：该事项属于交通运输局的职责').fill('公交线路由交通运输局负责')
    await page.getByRole('button', { name: '提交申请' }).click()
    const request = await page.locator('[data-test=requests]', { hasText: '待审批' }).innerText()
    expect(request).to.include('申请调整承办单位为“青澜市交通运输局”').and.include('公交线路由交通运输局负责')
    expect(page.problems).to.deep.equal([])
  })
})
