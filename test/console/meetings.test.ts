import { expect } from 'chai'
import { asDeputy, Client } from '../helpers/app.js'
import { noticesSentAndRead } from '../helpers/meetings.js'
import { dateTimeShown, logInAs, newPage, screenshot, typeDateTime, useConsole } from './harness.js'

/** "2026-12-04 09:30" in Beijing time, some days after the app's clock: what a clerk types into a date-and-time field. */
function beijingLocal(from: Date, days: number, hhmm: string) {
  const day = new Date(from.getTime() + days * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10)
  return `${day} ${hhmm}`
}

describe('console: an organizer runs a meeting', function () {
  // A real browser on a shared machine: each story gets two minutes (it usually needs under thirty seconds).
  this.timeout(120_000)
  const story = useConsole()

  it('sees whom the choice invites while choosing, publishes, and watches the answers arrive in the table', async () => {
    const page = await newPage(story.browser, story.app)
    await logInAs(
      page,
      story.app.login((l) => l.role === 'organizer'),
    )
    await page.goto('/console/meetings')
    await page.getByRole('heading', { name: '会议活动' }).waitFor()
    // No meeting yet: the page points at the button where it is, above the table.
    await page.getByText('还没有会议，点上方的“新建会议”按钮开始').waitFor()
    // Said once, in the page's words: not TDesign's 暂无数据 above them too.
    expect(await page.locator('.t-table').innerText()).not.to.include('暂无数据')
    await page.getByRole('button', { name: '新建会议' }).click()

    await page.getByPlaceholder('如：市人大常委会第十次会议').fill('全国人大代表座谈会')
    // The fields read in Chinese whatever the browser's language (its own field read 12/07/2026, 09:30 AM):
    // what to do, a calendar of 12 月 with weeks from 一 to 日, and the time as 2026-12-07 9:30 (the hour as people say it).
    const startAt = page.getByLabel('开始时间')
    expect(await startAt.getAttribute('placeholder')).to.equal('选择或输入日期时间')
    const startText = beijingLocal(story.app.clock.now(), 3, '09:30')
    await typeDateTime(startAt, startText)
    await typeDateTime(page.getByLabel('结束时间'), beijingLocal(story.app.clock.now(), 3, '11:30'))
    const [year, month, day] = startText.slice(0, 10).split('-').map(Number)
    await startAt.click()
    const calendar = page.locator('.t-date-picker__panel').filter({ visible: true })
    await calendar.locator('.t-date-picker__table').waitFor()
    expect(await calendar.locator('.t-date-picker__header-controller-month input').inputValue()).to.equal(`${month} 月`)
    expect((await calendar.locator('.t-date-picker__table thead').innerText()).trim()).to.match(/^一\s*二\s*三\s*四\s*五\s*六\s*日$/)
    await screenshot(page, 'console-meeting-new-calendar')
    await page.getByRole('heading', { name: '新建会议' }).click() // closed as a clerk does, by a click beside it
    await calendar.first().waitFor({ state: 'hidden' })
    expect(await startAt.inputValue(), 'the time chosen, kept, as people write it (9:30, not 09:30)').to.equal(dateTimeShown(startText))
    // Beside each field the time in words.
    const weekday = '日一二三四五六'[new Date(Date.UTC(year, month - 1, day)).getUTCDay()]
    const thisYear = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4))
    const spoken = page.locator('[data-test=datetime-spoken]')
    expect(await spoken.allInnerTexts()).to.deep.equal(
      ['9:30', '11:30'].map((t) => `${year === thisYear ? '' : `${year}年`}${month}月${day}日（星期${weekday}）${t}`),
    )
    await page.getByPlaceholder('如：市人大常委会第一会议室').fill('市民中心三楼')

    // The live preview: nobody yet, then the two national deputies by name as soon as the level is ticked.
    const preview = page.locator('[data-test=invitee-preview]')
    await preview.getByText('还没有选中任何人').waitFor()
    await page.getByText('全国人大代表', { exact: true }).click()
    await preview.getByText('共 2 人（代表 2 人，工作人员 0 人）').waitFor()
    const nationals = (await story.app.liaison.store.deputies.search({ level: 'national', limit: 10 })).items
    for (const d of nationals) await preview.getByText(d.name, { exact: true }).waitFor()
    await screenshot(page, 'console-meeting-new')

    await page.getByRole('button', { name: '保存为草稿' }).click()
    await page.getByRole('heading', { name: /全国人大代表座谈会/ }).waitFor()
    // The meeting saved is at the times chosen, in Beijing time.
    const saved = await (await page.request.get(`/api/admin/meetings/${new URL(page.url()).pathname.split('/').pop()}`)).json()
    expect(new Date(saved.startAt).getTime()).to.equal(Date.parse(`${startText.replace(' ', 'T')}:00+08:00`))
    expect(new Date(saved.endAt).getTime()).to.equal(Date.parse(`${startText.slice(0, 10)}T11:30:00+08:00`))
    // Publishing reads out whom it tells first (test/console/publishing-reach.test.ts says what).
    await page.getByRole('button', { name: '发布并通知参会人员' }).click()
    await page.locator('[data-test=publish-confirm]').getByText(`会通知 ${nationals.length} 人（都是代表）：`).waitFor()
    await page.getByRole('button', { name: '确认发布并通知' }).click()
    // Published: whether the notices went out is said once, below, in the 通知送达 column's word (待发送).
    await page.locator('.t-alert').getByText('已发布', { exact: true }).waitFor()
    // Its time as people say it, one day once: 12月7日 9:30–11:30, never broken after "12月".
    const time = page.locator('[data-test=meeting-time]')
    expect(await time.innerText()).to.equal(`${year === thisYear ? '' : `${year}年`}${month}月${day}日 9:30–11:30`)
    expect(await time.locator('.nowrap').evaluate((e) => getComputedStyle(e).whiteSpace)).to.equal('nowrap')
    const table = page.locator('[data-test=rsvp-table]')
    for (const d of nationals) await table.locator('tr', { hasText: d.name }).getByText('未回复').waitFor()
    expect(await table.getByText('待发送').count(), 'each notice is waiting in the outbox').to.equal(2)
    // Nobody is nagged about a notice not yet sent: no 提醒未回复 until it has gone out and been read.
    await page.locator('[data-test=remind-held]', { hasText: '通知待发送，会自动发出，不用您操作；发出后可以提醒还没回复的人' }).waitFor()
    expect(await page.getByRole('button', { name: /提醒未回复/ }).count()).to.equal(0)
    expect(await page.getByText(/正在发送|不用提醒/).count(), 'one word for the state, and no 不用提醒 with no button in sight').to.equal(0)
    expect(await page.getByRole('heading', { name: /回复情况/ }).innerText())
      .to.include('（会自动更新）')
      .and.not.include('每 5 秒')

    // The deputies answer from the mini-program; the table follows without a reload.
    const meetingId = new URL(page.url()).pathname.split('/').pop()!
    const [first, second] = nationals
    expect((await (await asDeputy(story.app, first.id)).post(`/api/mp/meetings/${meetingId}/rsvp`, { response: 'attend' })).status).to.equal(200)
    expect(
      (await (await asDeputy(story.app, second.id)).post(`/api/mp/meetings/${meetingId}/rsvp`, { response: 'leave', reason: '在外地出差' })).status,
    ).to.equal(200)
    await table.locator('tr', { hasText: first.name }).getByText('参加').waitFor()
    await table.locator('tr', { hasText: second.name }).getByText('在外地出差').waitFor()
    // Who answered is not read as not yet told: beside her notice's 待发送, why nobody need wait for it. The column says
    // what became of the notice, not 已回复 (her answer has its own column).
    for (const d of [first, second]) await table.locator('tr', { hasText: d.name }).getByText('已回复，通知会照常发出').waitFor()
    expect(await table.getByText('已回复', { exact: true }).count(), 'no answer said in the notice column').to.equal(0)
    const counts = await page.locator('[data-test=rsvp-counts]').innerText()
    expect(counts.replace(/\s+/g, ' ')).to.match(/邀请 2 ?人 参加 1 ?人 请假 1 ?人 未回复 0 ?人/)

    // Their notices go out; a city deputy is added an hour after publishing: the table says so, as they had less time to answer.
    const late = (await story.app.liaison.store.deputies.search({ level: 'city', limit: 1 })).items[0]
    await noticesSentAndRead(story.app)
    const organizer = story.app.login((l) => l.role === 'organizer')
    const office = await new Client(story.app.baseUrl).login(organizer.username, organizer.password)
    expect((await office.post(`/api/admin/meetings/${meetingId}/invitees`, { selector: { deputyIds: [late.id] } })).status).to.equal(200)
    await table
      .locator('tr', { hasText: late.name })
      .getByText(/^发布后加入 /)
      .waitFor()
    expect(await table.locator('[data-test=invited-late]').count(), 'only the one added later').to.equal(1)
    // The note is about her alone, counted, and says why hers waits: not "通知待发送" as if the two who answered had not been told.
    await page.locator('[data-test=remind-held]', { hasText: '1 人是发布后加入的，通知会自动发出，不用您操作；发出后如果还没回复，可以再提醒' }).waitFor()
    expect(await page.locator('[data-test=remind-held]').innerText()).not.to.include('还没回复的人')
    await screenshot(page, 'console-meeting-rsvp')
    expect(page.problems).to.deep.equal([])
  })
})
