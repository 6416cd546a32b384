import { expect } from 'chai'
import { Client } from '../helpers/app.js'
import { noticesSentAndRead } from '../helpers/meetings.js'
import { localDate } from '../../src/domain/dates.js'
import { cityOrganizer } from './organizer-story.js'
import { logInAs, newPage, screenshot, useConsole, type ConsolePage } from './harness.js'

const DAY = 86_400_000
const WEEKDAYS = '日一二三四五六'

/**
 * An organizer sees whom a publication reaches before it goes: a survey asked of deputies and a
 * campaign count the people while they are chosen, and say beside 代表层级 what to choose when the
 * server refuses nobody; 发布并通知参会人员 reads out whom it tells and when before it tells them;
 * a meeting published at night offers no 提醒未回复 until its notices have gone out and been read.
 */
describe('console: an organizer sees whom a publication reaches', function () {
  // A real browser on a shared machine: each story gets two minutes (it usually needs under thirty seconds).
  this.timeout(150_000)
  // Quiet hours as the production config has them: nothing that can wait goes out from 21:00 to 08:00.
  const story = useConsole({ overrides: { outbox: { quietHours: { start: '21:00', end: '08:00', immediateKinds: [] } } } })
  const nationals = async () => (await story.app.liaison.store.deputies.search({ level: 'national', limit: 10 })).items

  it('is told, beside 代表层级, to choose deputies for a survey asked of them, and sees how many it asks', async () => {
    const page = await newPage(story.browser, story.app)
    await logInAs(page, await cityOrganizer(story.app), '/surveys/new')
    await page.getByPlaceholder('如：社区停车管理意见征集').fill('代表履职情况问卷')
    const first = page.locator('[data-test=question-1]')
    await first.getByPlaceholder('题目，如：您对小区停车满意吗？').fill('本季度参加过几次接待日？')
    await first.getByPlaceholder('选项 A').fill('一次')
    await first.getByPlaceholder('选项 B').fill('两次以上')
    await page.locator('.t-form__item', { hasText: '请代表填写' }).locator('.t-switch').click()
    const count = page.locator('[data-test=audience-count]')
    expect(await count.innerText()).to.equal('还没有选择代表：请勾选代表层级或选择区县')

    // Saved so, as the reviewer did: refused, and the words say what to choose, beside the levels.
    await page.getByRole('button', { name: '保存为草稿' }).click()
    const field = page.locator('[data-test=audience-field]')
    await field.getByText('请勾选代表层级或选择区县；想让任何人扫码填写，请关掉“请代表填写”').waitFor()
    expect(await page.locator('.t-alert').count(), 'said once, beside the levels: no banner repeats it').to.equal(0)
    expect(page.url(), 'still on the form: nothing saved').to.match(/\/surveys\/new$/)
    expect((await story.app.liaison.store.surveys.search({ limit: 10 })).items).to.deep.equal([])
    await screenshot(page, 'console-survey-audience-refused')

    // A level chosen: the words beside it go, and the count says whom it asks.
    await field.getByText('全国人大代表', { exact: true }).click()
    await count.getByText(`共 ${(await nationals()).length} 位代表，发布时通知他们填写`).waitFor()
    expect(await field.locator('.t-form-item-tips').count(), 'the refusal is gone once the choice changed').to.equal(0)
    expect(await page.locator('.t-alert').count(), 'above the buttons too').to.equal(0)
    await screenshot(page, 'console-survey-audience-counted')
    await page.getByRole('button', { name: '保存为草稿' }).click()
    await page.waitForURL(/\/console\/surveys\/sv-/)
    await page.getByText(`邀请代表 ${(await nationals()).length} 人`).waitFor()
    expect(page.problems).to.deep.equal([])
  })

  it('creates a campaign only once it reaches someone, counting them while they are chosen', async () => {
    const page = await newPage(story.browser, story.app)
    await logInAs(page, await cityOrganizer(story.app), '/campaigns')
    await page.getByRole('button', { name: '新建活动' }).click()
    await page.getByPlaceholder('如：学习宣传新修订的代表法').fill('学习宣传新修订的代表法')
    const count = page.locator('[data-test=audience-count]')
    expect(await count.innerText(), 'nobody ticked at first').to.equal('还没有选择：请勾选代表层级或选择区县')

    // Given only a title, as the reviewer did: refused, the words beside 代表层级.
    await page.getByRole('button', { name: '创建' }).click()
    const field = page.locator('[data-test=audience-field]')
    await field.getByText('请选择活动面向哪些人：勾选代表层级或选择区县').waitFor()
    await page.locator('.t-alert', { hasText: '还没有选择活动面向哪些人' }).waitFor()
    expect((await story.app.liaison.store.campaigns.search({ limit: 10 })).items, 'nothing created').to.deep.equal([])
    await screenshot(page, 'console-campaign-audience-refused')

    await field.getByText('全国人大代表', { exact: true }).click()
    const n = (await nationals()).length
    await count.getByText(`共 ${n} 人（代表 ${n} 人）`).waitFor()
    expect(await page.locator('.t-alert').count(), 'the refusal is answered: its words are gone').to.equal(0)
    await page.getByText('关注活动的群众', { exact: true }).click()
    await count.getByText(`共 ${n} 人（代表 ${n} 人），另有关注活动的群众`).waitFor()
    await screenshot(page, 'console-campaign-audience-counted')
    await page.getByRole('button', { name: '创建' }).click()
    await page.waitForURL(/\/console\/campaigns\/cp-/)
    expect(page.problems).to.deep.equal([])
  })

  it('reads out whom 发布并通知参会人员 tells and when, and offers no reminder while the notices wait for the morning', async () => {
    const zone = story.app.liaison.config.business.timeZone
    const today = localDate(new Date(), zone)
    const inThreeDays = localDate(new Date(Date.now() + 3 * DAY), zone)
    // 22:00 on the office's day: notices wait until 08:00.
    story.app.clock.set(new Date(`${today}T22:00:00+08:00`))
    const login = await cityOrganizer(story.app)
    const office = await new Client(story.app.baseUrl).login(login.username, login.password)
    const draft = await office.post('/api/admin/meetings', {
      title: '全国人大代表座谈会',
      kind: 'deputy_activity',
      startAt: `${inThreeDays}T15:00:00+08:00`,
      endAt: `${inThreeDays}T17:00:00+08:00`,
      place: '市民中心三楼',
      agenda: '',
      attachments: [],
      publicSeats: 0,
      selector: { levels: ['national'] },
    })
    expect(draft.status, JSON.stringify(draft.body)).to.equal(201)

    const page = await newPage(story.browser, story.app)
    await logInAs(page, login, `/meetings/${draft.body.id}`)
    await page.getByRole('button', { name: '发布并通知参会人员' }).click()
    const dialog = page.locator('[data-test=publish-confirm]')
    const [year, month, day] = inThreeDays.split('-').map(Number)
    const weekday = WEEKDAYS[new Date(`${inThreeDays}T12:00:00Z`).getUTCDay()]
    const thisYear = Number(today.slice(0, 4))
    const date = `${year === thisYear ? '' : `${year}年`}${month}月${day}日（星期${weekday}）`
    const n = (await nationals()).length
    await dialog.getByText(`会通知 ${n} 人（都是代表）：`).waitFor()
    expect(await dialog.innerText())
      .to.include(`时间：${date}15:00 至 17:00（3 天后）`)
      .and.include('地点：市民中心三楼')
    expect(await story.app.liaison.store.outbox.search({ limit: 10, kind: 'meeting.notice' }).then((p) => p.items), 'nothing sent yet').to.deep.equal([])
    await screenshot(page, 'console-meeting-publish-confirm')

    // 再检查一下 leaves it a draft; then it is published.
    await page.getByRole('button', { name: '再检查一下' }).click()
    await dialog.waitFor({ state: 'hidden' })
    expect((await office.get(`/api/admin/meetings/${draft.body.id}`)).body.status).to.equal('draft')
    await page.getByRole('button', { name: '发布并通知参会人员' }).click()
    await dialog.getByText(`会通知 ${n} 人（都是代表）：`).waitFor()
    await page.getByRole('button', { name: '确认发布并通知' }).click()
    await page.locator('.t-alert').getByText('已发布', { exact: true }).waitFor()

    // The dispatcher's round at 22:00 holds every notice until the morning: nobody is offered a reminder.
    await story.app.liaison.services.dispatcher.drain()
    const table = page.locator('[data-test=rsvp-table]')
    await heldWords(page, '通知待发送（夜间免打扰，8:00 后发送），会自动发出，不用您操作；发出后可以提醒还没回复的人')
    expect(await table.getByText('夜间免打扰，8:00 后发送').count()).to.equal(n)
    expect(await page.getByRole('button', { name: /提醒未回复/ }).count()).to.equal(0)
    await screenshot(page, 'console-meeting-night-no-reminder')

    // 08:00 the notices go out; an hour later those who have not answered may be asked.
    story.app.clock.set(new Date(`${localDate(new Date(Date.now() + DAY), zone)}T08:00:00+08:00`))
    await noticesSentAndRead(story.app)
    await logInAs(page, login, `/meetings/${draft.body.id}`)
    await page.getByRole('button', { name: `提醒未回复的 ${n} 人` }).click()
    await page.getByText(`已提醒 ${n} 人`).waitFor()
    expect(page.problems).to.deep.equal([])
  })
})

/** The words beside 回复情况 once the table's next read brings them (it reads every 5 seconds). */
async function heldWords(page: ConsolePage, words: string) {
  await page.locator('[data-test=remind-held]', { hasText: words }).waitFor()
}
