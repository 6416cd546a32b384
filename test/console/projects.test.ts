import { localDate } from '../../src/domain/dates.js'
import { startOfLocalDay } from '../../src/domain/local-days.js'
import { expect } from 'chai'
import type { Page } from 'playwright-core'
import { asAdmin, asDeputy, asResident, Client } from '../helpers/app.js'
import { jpegWithGps } from '../helpers/images.js'
import { dialogsClosed, dialogShown, logInAs, newPage, screenshot, shownOptions, useConsole } from './harness.js'
import { chenOpensAYear } from './lanjiang-year.js'

/** The dialog open now (a closed one stays in the page, hidden). */
const openDialog = (page: Page) => page.locator('.t-dialog').filter({ visible: true })

/**
 * 民生实事 in the console: the office merges residents' proposals into a candidate, and a
 * handling unit's staff report a quarter's progress on their project, which the office then sees.
 */
describe('console: 民生实事项目', function () {
  this.timeout(120_000)
  const story = useConsole()
  let cycleId: string
  let unitLogin: { username: string; password: string }
  let unitId: string

  before(async () => {
    const { app } = story
    const admin = await asAdmin(app)
    // The demo city's housing bureau (u01) and its login.
    unitId = 'u01'
    for (const login of app.logins.filter((l) => l.role === 'unit_staff')) {
      if ((await app.liaison.store.staff.getByUsername(login.username))?.unitIds?.includes(unitId)) unitLogin = login
    }
    const now = app.clock.now().getTime()
    const cycle = await admin.post('/api/admin/livelihood/cycles', {
      office: 'city',
      year: 2027,
      title: '2027年市民生实事项目',
      opensAt: new Date(now - 86_400_000).toISOString(),
      closesAt: new Date(now + 30 * 86_400_000).toISOString(),
      projectCount: 1,
    })
    cycleId = cycle.body.id
    const proposals = [
      ['光明社区老楼加装电梯', '光明社区', '6层老楼没有电梯，老人上下楼难'],
      ['幸福社区3号楼装电梯', '幸福社区', '3号楼住的多是七八十岁的老人'],
      ['河边修个口袋公园', '滨河社区', '河边空地杂草多，想改成小公园'],
    ]
    for (const [title, place, description] of proposals) {
      app.clock.advance(60_000)
      const sent = await (
        await asResident(app)
      ).post(`/api/mp/livelihood/cycles/${cycleId}/proposals`, { title, place, description, consentVersion: 'lp-2026-1' })
      expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    }
  })

  it('an organizer ticks two proposals and merges them into one candidate project', async () => {
    const { app, browser } = story
    const page = await newPage(browser, app)
    await logInAs(page, { username: 'admin', password: 'test-admin-password' }, '/projects')
    await page.getByRole('heading', { name: '民生实事' }).waitFor()
    const rows = page.locator('[data-test=proposals] tbody tr')
    await rows.filter({ hasText: '光明社区老楼加装电梯' }).waitFor()
    for (const title of ['光明社区老楼加装电梯', '幸福社区3号楼装电梯']) await rows.filter({ hasText: title }).locator('.t-checkbox').click()
    const form = page.locator('[data-test=merge]')
    await form.getByText('已勾选 2 条建议').waitFor()
    await form.locator('.t-input input').nth(0).fill('老旧小区加装电梯')
    await form.locator('textarea').fill('为光明、幸福社区6层以上无电梯老楼加装电梯')
    await form.locator('.t-input input').nth(1).fill('光明社区、幸福社区')
    await form.locator('.t-input-number input').fill('300')
    await form.getByLabel('承办单位').click()
    await page.locator('.t-select-option', { hasText: '青澜市住房和城乡建设局' }).click()
    await form.getByRole('button', { name: '合并为候选项目' }).click()
    await page.locator('[data-test=message]').getByText('已合并 2 条建议为候选项目').waitFor()
    const project = page.locator('[data-test=projects] tbody tr', { hasText: '老旧小区加装电梯' })
    await project.getByText('候选项目').waitFor()
    expect(await project.innerText()).to.contain('300 万元')
    await rows.filter({ hasText: '幸福社区3号楼装电梯' }).getByText('已并入「老旧小区加装电梯」').waitFor()
    await screenshot(page, 'projects-curation')
    const outbox = await app.liaison.store.outbox.search({ kind: 'livelihood.proposal', limit: 10 })
    expect(outbox.items.map((m) => String(m.payload.text))).to.have.length(2)
    expect(page.problems).to.deep.equal([])
  })

  it('a unit’s staff land on their projects and report a quarter; the office sees the progress', async () => {
    const { app, browser } = story
    const admin = await asAdmin(app)
    const [other] = (await admin.get(`/api/admin/livelihood/cycles/${cycleId}/proposals`)).body.items.filter(
      (p: { status: string }) => p.status === 'submitted',
    )
    const park = await admin.post(`/api/admin/livelihood/cycles/${cycleId}/candidates`, {
      title: '口袋公园',
      description: '滨河口袋公园',
      place: '滨河社区',
      costWan: 80,
      unitId,
      proposalIds: [other.id],
    })
    expect(park.status, JSON.stringify(park.body)).to.equal(201)
    // The office puts the candidates to the deputies from the console, on a PC whose clock runs ten
    // minutes ahead of the server's: the ballot opens by the server's clock, so deputies vote at once.
    const ballotPage = await newPage(browser, app)
    await ballotPage.clock.install({ time: app.clock.now().getTime() + 10 * 60_000 })
    await logInAs(ballotPage, { username: 'admin', password: 'test-admin-password' }, '/projects')
    const started = ballotPage.waitForRequest((r) => r.method() === 'POST' && new URL(r.url()).pathname.endsWith('/ballot'))
    let ballotPosts = 0
    ballotPage.on('request', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname.endsWith('/ballot')) ballotPosts++
    })
    // Asked first (what it ends and whom it tells); then a double click on 提交代表票决, as an organizer often does: one request, one ballot.
    await ballotPage.getByRole('button', { name: '提交代表票决' }).click()
    await dialogShown(ballotPage)
    await openDialog(ballotPage).getByRole('button', { name: '提交代表票决' }).dblclick()
    expect((await started).postDataJSON(), 'no browser time for "now"').to.deep.equal({})
    await ballotPage.locator('[data-test=message]').getByText('已提交代表票决，投票一周').waitFor()
    await ballotPage.locator('[data-test=cycle-status]').getByText('代表票决').waitFor()
    expect(ballotPosts, 'one request for a double click').to.equal(1)
    expect(
      (await admin.get('/api/admin/surveys?kind=ballot')).body.items.filter((b: { title: string }) => b.title === '2027年市民生实事项目代表票决'),
    ).to.have.length(1)
    // Voting has just begun: no 确认票决结果 yet, but when it can be confirmed and who is still to vote.
    expect(await ballotPage.getByRole('button', { name: '确认票决结果' }).count()).to.equal(0)
    expect(await ballotPage.locator('[data-test=ballot-open]').innerText()).to.match(/截止后可以确认票决结果。已投票 0 人，还有 \d+ 人没有投票。/)
    expect(ballotPage.problems).to.deep.equal([])
    const ballot = await admin.get(`/api/admin/livelihood/cycles/${cycleId}`)
    // By title: the projects' order follows their random ids.
    const lifts = (await admin.get(`/api/admin/livelihood/cycles/${cycleId}`)).body.projects.find((p: { title: string }) => p.title === '老旧小区加装电梯')
    // Two deputies of the roll (the city's own: who is on it is the ballot's rule, not this story's).
    const roll = (await app.liaison.store.surveys.get(ballot.body.ballotSurveyId))!.ballot!.rollDeputyIds
    for (const deputy of roll.slice(0, 2)) {
      const vote = await (await asDeputy(app, deputy)).post(`/api/mp/surveys/${ballot.body.ballotSurveyId}/responses`, { answers: { projects: [lifts.id] } })
      expect(vote.status, JSON.stringify(vote.body)).to.equal(201)
    }
    // The office ends the week's ballot early once both have voted.
    expect((await admin.post(`/api/admin/surveys/${ballot.body.ballotSurveyId}/close`)).status).to.equal(200)
    app.clock.advance(2 * 3_600_000)
    const settled = await (await asAdmin(app)).post(`/api/admin/livelihood/cycles/${cycleId}/ballot-result`)
    expect(settled.body.status, JSON.stringify(settled.body)).to.equal('running')

    // The work of 2027 is reported once 2027 has begun (a quarter not begun is refused).
    app.clock.set(new Date(Math.max(app.clock.now().getTime(), Date.parse('2027-01-15T02:00:00Z'))))
    const page = await newPage(browser, app)
    // A unit's home is now its suggestions (代表建议); 民生实事 is one menu item away.
    await logInAs(page, unitLogin, '/unit/projects')
    await page.waitForURL(/\/console\/unit\/projects/)
    const card = page.locator(`[data-test=project-${lifts.id}]`)
    // The unit's first page is a chunk of its own: on a busy machine it can take a while.
    await card.getByText('老旧小区加装电梯').first().waitFor({ timeout: 60_000 })
    expect(await page.getByText('口袋公园').count(), 'a project the ballot did not choose').to.equal(0)
    const report = card.locator(`[data-test=report-${lifts.id}]`)
    // Which quarter is due and by when, and the form set to it.
    const nextLine = card.locator('[data-test=next-report]')
    expect(await nextLine.innerText()).to.equal('下次填报：第1季度进展，请在2027年4月15日前填报')
    // The intro says the same days as that line (the office's reportGraceDays), not a number written into the page.
    expect(await page.locator('[data-test=intro]').innerText()).to.include('每个季度结束后 15 天内，请填报完成进度和进展情况。')
    expect(await report.locator('.t-select input').inputValue()).to.equal('第1季度')
    await report.locator('.t-input-number input').fill('40')
    await report.locator('.t-input input').last().fill('12部电梯已开工，4部完成井道施工')
    // Two site photos picked; the second one removed again before sending.
    const previews = card.locator('[data-test=photo-previews] img')
    for (const n of [1, 2]) {
      await report.locator('[data-test=photo-input]').setInputFiles({ name: `site${n}.jpg`, mimeType: 'image/jpeg', buffer: jpegWithGps() })
      await previews.nth(n - 1).waitFor()
    }
    await card.locator('[data-test=photo-previews]').getByRole('button', { name: '移除' }).last().click()
    await previews.nth(1).waitFor({ state: 'detached' })
    await report.getByRole('button', { name: '填报' }).click()
    await page.locator('[data-test=message]').getByText('已填报第1季度进展').waitFor()
    await card.getByText('12部电梯已开工').waitFor()
    await card.locator('img[alt=进展照片]').waitFor()
    expect(await card.locator('img[alt=进展照片]').count()).to.equal(1)
    // Reported: the form moves on to the second quarter, emptied, instead of offering the first one again.
    await nextLine.getByText('下次填报：第2季度进展，2027年4月1日起可以填报，请在2027年7月15日前填报').waitFor()
    expect(await report.locator('.t-select input').inputValue()).to.equal('第2季度')
    expect(await report.locator('.t-input input').last().inputValue(), 'her text is not offered again').to.equal('')
    // The second quarter has not begun (the server would refuse it): no 填报 to press, but the day it may be.
    const button = report.locator('[data-test=report-button]')
    expect(await button.innerText()).to.equal('4月1日起可以填报')
    expect(await button.isDisabled(), 'a button that leads to a refusal').to.equal(true)
    await screenshot(page, 'projects-unit')

    const office = await newPage(browser, app)
    await logInAs(office, { username: 'admin', password: 'test-admin-password' }, '/projects')
    const row = office.locator('[data-test=projects] tbody tr', { hasText: '老旧小区加装电梯' })
    await row.getByText('年度民生实事项目').waitFor()
    await row.getByText('40%').waitFor()
    // A project the ballot did not choose has no quarters to report: "—", not 按时填报.
    const parkRow = office.locator('[data-test=projects] tbody tr', { hasText: '口袋公园' })
    await parkRow.getByText('票决未通过').waitFor()
    expect(await parkRow.locator('[data-test=not-in-year]').innerText()).to.equal('—')
    expect(await parkRow.innerText()).not.to.include('按时填报')
    expect(await row.innerText(), 'the chosen one reported on time').to.include('按时填报')
    expect(await office.locator('[data-test=projects] thead th').allInnerTexts()).to.include('超期没有填报的季度')
    // The year's next step is a button a person sees at once, and the year picker shows the whole name.
    const next = office.getByRole('button', { name: '开始年终评议' })
    expect(await next.getAttribute('class'))
      .to.include('t-button--theme-primary')
      .and.not.include('t-size-s')
    await office.locator('[data-test=cycle-window]').getByText('计划确定 1 个项目').waitFor()
    const picker = office.getByLabel('年度').first().locator('input').first()
    expect(await picker.inputValue()).to.equal('2027年市民生实事项目（项目实施）')
    expect(await picker.evaluate((e) => e.scrollWidth <= e.clientWidth), 'not cut short').to.equal(true)
    // The office sees the unit's photo under the bar, and it loads.
    const photo = row.locator('img[alt=最近一次进展的照片]')
    await photo.waitFor()
    await office.waitForFunction((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0, await photo.elementHandle())
    await screenshot(office, 'projects-office')
    expect([...page.problems, ...office.problems]).to.deep.equal([])
  })
  it("a street's organizer reads her district's year and the city's, with nothing offered that only the office may do", async () => {
    const { app, browser } = story
    const admin = await asAdmin(app)
    const now = app.clock.now().getTime()
    const district = await admin.post('/api/admin/livelihood/cycles', {
      office: 'd01',
      year: 2027,
      title: '2027年澜江区民生实事项目',
      opensAt: new Date(now - 86_400_000).toISOString(),
      closesAt: new Date(now + 30 * 86_400_000).toISOString(),
      projectCount: 1,
    })
    expect(district.status, JSON.stringify(district.body)).to.equal(201)
    // The city office gives 周敏 人民路街道; she sets her own password before her first page.
    const created = await admin.post('/api/admin/staff', { name: '周敏', username: 'zhoumin', role: 'organizer', regionIds: ['s0102'] })
    expect(created.status, JSON.stringify(created.body)).to.equal(201)
    const first = await new Client(app.baseUrl).login('zhoumin', created.body.initialPassword)
    expect((await first.post('/api/admin/me/password', { currentPassword: created.body.initialPassword, newPassword: 'zhoumin-own-2026' })).status).to.be.oneOf(
      [200, 204],
    )

    const page = await newPage(browser, app)
    await logInAs(page, { username: 'zhoumin', password: 'zhoumin-own-2026' }, '/projects')
    await page.getByRole('heading', { name: '民生实事' }).waitFor()
    await page.locator('[data-test=cycle-status]').waitFor()
    await page.getByLabel('年度').click()
    const theirs = ['2027年澜江区民生实事项目', '2027年市民生实事项目']
    const offered = await shownOptions(page, (texts) => theirs.every((t) => texts.some((o) => o.startsWith(t))))
    expect(
      offered.some((o) => o.startsWith('2027年澜江区民生实事项目')),
      "her district's year",
    ).to.equal(true)
    expect(
      offered.some((o) => o.startsWith('2027年市民生实事项目')),
      "the city's year",
    ).to.equal(true)
    await page.keyboard.press('Escape')
    expect(await page.getByRole('button', { name: '新建年度征集' }).count(), 'a street runs no year of its own').to.equal(0)
    expect(await page.getByRole('button', { name: '提交代表票决' }).count()).to.equal(0)
    await screenshot(page, 'projects-street-organizer')
    expect(page.problems).to.deep.equal([])
  })

  it('a district office starting a year without its dates is asked for them in words', async () => {
    const { app, browser } = story
    const page = await newPage(browser, app)
    await logInAs(
      page,
      app.login((l) => l.username === 'chenmingliang'),
      '/projects',
    )
    await page.getByRole('button', { name: '新建年度征集' }).click()
    await page.getByPlaceholder('2027年民生实事项目').fill('2028年澜江区民生实事项目')
    await page.getByRole('button', { name: '开始征集' }).click()
    const said = page.locator('[data-test=message]')
    await said.waitFor()
    expect(await said.innerText()).to.include('请选择征集开始和结束的日期')
    expect(await said.innerText()).not.to.match(/ISO|8601/)
    expect(page.problems).to.deep.equal([])
  })

  it('a district office starts a year whose collection takes proposals through the last day it picked', async () => {
    const { app, browser } = story
    const page = await newPage(browser, app)
    // The PC's clock agrees with the server's (which earlier stories moved on): the picker opens on that month.
    await page.clock.install({ time: app.clock.now().getTime() })
    await logInAs(
      page,
      app.login((l) => l.username === 'chenmingliang'),
      '/projects',
    )
    await page.getByRole('button', { name: '新建年度征集' }).click()
    const form = page.locator('[data-test=new-cycle]')
    await form.getByPlaceholder('2027年民生实事项目').fill('2029年澜江区民生实事项目')
    await form.locator('.t-input-number input').first().fill('2029')
    /**
     * Picks a day of the month the picker opens on (this month) in the box of that name (a screen reader's), as a
     * person clicks it: once the last popup has gone (it fades out over a few frames on a busy machine), and until
     * the field shows the day.
     */
    const panels = page.locator('.t-date-picker__panel').filter({ visible: true })
    const pick = async (field: string, dayOfMonth: number) => {
      const input = form.getByRole('textbox', { name: field, exact: true })
      for (let tries = 0; !/\d{4}-\d{2}-\d{2}/.test(await input.inputValue()); tries++) {
        if (tries >= 5) throw new Error(`the date picker ${field} took no day`)
        await panels.first().waitFor({ state: 'hidden' })
        await input.click()
        await panels
          .first()
          .locator('.t-date-picker__cell:not(.t-date-picker__cell--additional)', { hasText: new RegExp(`^${dayOfMonth}$`) })
          .first()
          .click({ timeout: 10_000 })
          .catch(() => page.keyboard.press('Escape'))
      }
    }
    await pick('征集开始', 10)
    await pick('征集结束', 20)
    await form.getByRole('button', { name: '开始征集' }).click()
    await page.locator('[data-test=message]', { hasText: '已开始征集' }).waitFor()

    const cycles = await app.liaison.store.livelihood.listCycles(['d01'])
    const made = cycles.find((c) => c.year === 2029)!
    const zone = app.liaison.config.business.timeZone
    const month = localDate(app.clock.now(), zone).slice(0, 8)
    expect(localDate(made.opensAt, zone), 'opens as the first day begins').to.equal(`${month}10`)
    expect(made.closesAt.getTime(), 'closes as the last day ends').to.equal(startOfLocalDay(new Date(`${month}21T12:00:00Z`), zone).getTime())
    // The page shows the new year, its window to the last day picked.
    const monthNo = Number(month.slice(5, 7))
    await page.locator('.muted', { hasText: `征集时间 ${monthNo}月10日 至 ${monthNo}月20日` }).waitFor()
    expect(page.problems).to.deep.equal([])
  })

  it('陈干事 declines a proposal with its reason, is told what each stage will do, and sees the count before he confirms it', async () => {
    const { app, browser } = story
    // The newest year: the page opens on it.
    const { chen, office, year } = await chenOpensAYear(app, 2031)
    const marketResident = await asResident(app)
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(jpegWithGps())], { type: 'image/jpeg' }), 'market.jpg')
    const upload = await fetch(`${app.baseUrl}/api/mp/uploads`, { method: 'POST', body: form, headers: { authorization: `Bearer ${marketResident.bearer}` } })
    const photo = ((await upload.json()) as { url: string }).url
    const proposals: Array<[string, string, string, string[]]> = [
      ['建新社区1号楼加装电梯', '建新社区', '1号楼6层没有电梯', []],
      ['建新社区2号楼加装电梯', '建新社区', '2号楼住的多是老人', []],
      ['建设路菜市场改造', '建设路', '菜市场地面湿滑，顶棚漏雨', [photo]],
      ['社区食堂', '建新社区', '老人吃饭难，想办个社区食堂', []],
    ]
    for (const [title, place, description, photos] of proposals) {
      app.clock.advance(60_000)
      const who = photos.length ? marketResident : await asResident(app)
      const sent = await who.post(`/api/mp/livelihood/cycles/${year}/proposals`, { title, place, description, photos, consentVersion: 'lp-2026-1' })
      expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    }

    const page = await newPage(browser, app)
    await logInAs(page, chen, '/projects')
    await page.locator('[data-test=cycle-window]').getByText('计划确定 1 个项目').waitFor()
    const rows = page.locator('[data-test=proposals] tbody tr')
    // The resident's photo is seen beside her proposal, and it loads.
    const thumb = rows.filter({ hasText: '建设路菜市场改造' }).locator('img[alt=建议附的照片]')
    await thumb.waitFor()
    await page.waitForFunction((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0, await thumb.elementHandle())

    // Two lift proposals merged: the form is empty again for the next candidate.
    for (const title of ['建新社区1号楼加装电梯', '建新社区2号楼加装电梯']) await rows.filter({ hasText: title }).locator('.t-checkbox').click()
    const merge = page.locator('[data-test=merge]')
    const fillCandidate = async (title: string, cost: string) => {
      await merge.locator('.t-input input').nth(0).fill(title)
      await merge.locator('textarea').fill(`${title}，年内完成`)
      await merge.locator('.t-input input').nth(1).fill('建新社区')
      await merge.locator('.t-input-number input').fill(cost)
      await merge.getByLabel('承办单位').click()
      await page.locator('.t-select-option', { hasText: '青澜市住房和城乡建设局' }).click()
      await merge.getByRole('button', { name: '合并为候选项目' }).click()
    }
    await fillCandidate('建新社区老楼加装电梯', '260')
    await page.locator('[data-test=message]').getByText('已合并 2 条建议为候选项目').waitFor()
    expect(await merge.locator('.t-input input').nth(0).inputValue(), 'the title typed is gone').to.equal('')
    expect(await merge.locator('textarea').inputValue()).to.equal('')

    // 不列入: the reason is asked for in a dialog that says who will read it.
    const market = rows.filter({ hasText: '建设路菜市场改造' })
    await market.getByRole('button', { name: '不列入' }).click()
    const dialog = page.locator('[data-test=decline]')
    await dialog.getByText('理由会告诉提建议的人').waitFor()
    await dialogShown(page)
    await openDialog(page).getByRole('button', { name: '不列入' }).click()
    await dialog.getByText('请写明不列入的理由').waitFor()
    await dialog.locator('textarea').fill('菜市场改造已列入区商务局明年计划，将统一实施')
    await dialog.getByText('请写明不列入的理由').waitFor({ state: 'detached' })
    await screenshot(page, 'projects-decline', { window: true })
    await openDialog(page).getByRole('button', { name: '不列入' }).click()
    await dialogsClosed(page)
    await market.getByText('没有列入候选项目。说明：菜市场改造已列入区商务局明年计划，将统一实施').waitFor()
    expect(await market.getByRole('button', { name: '不列入' }).count(), 'said once').to.equal(0)
    const told = await app.liaison.store.outbox.search({ recipientId: marketResident.userId, kind: 'livelihood.proposal', limit: 5 })
    expect(told.items.map((m) => String(m.payload.text))).to.deep.equal([
      '您提出的民生实事项目建议「建设路菜市场改造」没有列入民生实事候选项目。说明：菜市场改造已列入区商务局明年计划，将统一实施',
    ])
    await rows.filter({ hasText: '社区食堂' }).locator('.t-checkbox').click()
    await fillCandidate('建新社区老年食堂', '80')
    await page.locator('[data-test=message]').getByText('已合并 1 条建议为候选项目').waitFor()

    // 提交代表票决 asks first, naming the planned end of collection and how many deputies will be asked.
    const asked = (await office.get(`/api/admin/livelihood/cycles/${year}`)).body.rollToAsk as number
    expect(asked).to.be.greaterThan(1)
    // The last day of collection, as the page itself says it above.
    const lastDay = /至 (\S+)，计划/.exec(await page.locator('[data-test=cycle-window]').innerText())![1]
    await page.getByRole('button', { name: '提交代表票决' }).click()
    const confirm = page.locator('[data-test=stage-confirm]')
    await confirm.waitFor()
    expect(await confirm.innerText()).to.equal(
      `征集原定${lastDay}截止，提交后征集就结束了，群众不能再提建议；由区人大代表投票，名单上共 ${asked} 人，将通知他们投票一周。提交后不能撤回，确定现在提交吗？`,
    )
    await dialogShown(page)
    await screenshot(page, 'projects-ballot-confirm', { window: true })
    await openDialog(page).getByRole('button', { name: '取消' }).click()
    await dialogsClosed(page)
    expect((await office.get(`/api/admin/livelihood/cycles/${year}`)).body.status, 'cancelled: nothing happened').to.equal('collecting')
    await page.getByRole('button', { name: '提交代表票决' }).click()
    await dialogShown(page)
    await openDialog(page).getByRole('button', { name: '提交代表票决' }).click()
    await page.locator('[data-test=message]').getByText('已提交代表票决，投票一周').waitFor()
    await page.locator('[data-test=cycle-status]').getByText('代表票决').waitFor()
    // While voting nothing is sorted any more: no tick boxes, no 不列入.
    await rows.first().waitFor()
    expect(await page.locator('[data-test=proposals] .t-checkbox').count()).to.equal(0)
    expect(await page.locator('[data-test=proposals]').getByRole('button', { name: '不列入' }).count()).to.equal(0)

    // One deputy of the roll votes and the ballot is closed: fewer than half voted.
    const view = (await office.get(`/api/admin/livelihood/cycles/${year}`)).body
    const ballot = (await app.liaison.store.surveys.get(view.ballotSurveyId))!
    const lifts = view.projects.find((p: { title: string }) => p.title === '建新社区老楼加装电梯')
    const voter = ballot.ballot!.rollDeputyIds[0]!
    const vote = await (await asDeputy(app, voter)).post(`/api/mp/surveys/${ballot.id}/responses`, { answers: { projects: [lifts.id] } })
    expect(vote.status, JSON.stringify(vote.body)).to.equal(201)
    expect((await office.post(`/api/admin/surveys/${ballot.id}/close`)).status).to.equal(200)
    const roll = ballot.ballot!.rollDeputyIds.length
    await page.reload()
    const count = page.locator('[data-test=ballot-count]')
    await count.waitFor()
    expect(await count.innerText()).to.contain(`应投票代表 ${roll} 人，实际投票 1 人；得票超过实际投票人数的一半（至少 1 票）才能通过。`)
    expect(await count.innerText()).to.contain('计划选出 1 个项目，票决通过 1 个：「建新社区老楼加装电梯」。')
    const countRows = count.locator('tbody tr')
    expect(await countRows.allInnerTexts()).to.deep.equal(['建新社区老楼加装电梯\t1 票\t当选', '建新社区老年食堂\t0 票\t未通过'])
    await count.locator('[data-test=low-turnout]').getByText(`投票的代表不到一半：应投票 ${roll} 人，实际投票 1 人`).waitFor()
    await screenshot(page, 'projects-ballot-count')
    // Below half he is asked again; cancelled, nothing is confirmed.
    await page.getByRole('button', { name: '确认票决结果' }).click()
    await confirm.getByText(`应投票代表 ${roll} 人，只有 1 人投票，不到一半`).waitFor()
    await dialogShown(page)
    await screenshot(page, 'projects-low-turnout-confirm', { window: true })
    await openDialog(page).getByRole('button', { name: '取消' }).click()
    await dialogsClosed(page)
    expect((await office.get(`/api/admin/livelihood/cycles/${year}`)).body.status).to.equal('voting')
    await page.getByRole('button', { name: '确认票决结果' }).click()
    await dialogShown(page)
    await openDialog(page).getByRole('button', { name: '仍然确认' }).click()
    await page.locator('[data-test=message]').getByText('已按票决结果确定年度项目').waitFor()

    // In the year itself, the housing bureau reports its first quarter; 开始年终评议 says so before it moves the year on.
    app.clock.set(new Date('2031-04-10T02:00:00Z'))
    const bureau = await new Client(app.baseUrl).login(unitLogin.username, unitLogin.password)
    const report = await bureau.post(`/api/admin/unit/livelihood-projects/${lifts.id}/progress`, { quarter: 1, percent: 20, text: '完成选址和设计' })
    expect(report.status, JSON.stringify(report.body)).to.equal(201)
    const later = await newPage(browser, app)
    await logInAs(later, chen, '/projects')
    await later.getByRole('button', { name: '开始年终评议' }).click()
    const rating = later.locator('[data-test=stage-confirm]')
    await rating.waitFor()
    expect(await rating.innerText()).to.equal(
      '承办单位已报告 1 个季度的进展（全年 4 个季度）。开始后代表对年度项目逐个评议，不能再回到“项目实施”，确定现在开始吗？',
    )
    await dialogShown(later)
    await screenshot(later, 'projects-rating-confirm', { window: true })
    await openDialog(later).getByRole('button', { name: '取消' }).click()
    await dialogsClosed(later)
    const officeNow = await new Client(app.baseUrl).login(chen.username, chen.password)
    expect((await officeNow.get(`/api/admin/livelihood/cycles/${year}`)).body.status, 'cancelled: still carried out').to.equal('running')
    expect([...page.problems, ...later.problems]).to.deep.equal([])
  })
})
