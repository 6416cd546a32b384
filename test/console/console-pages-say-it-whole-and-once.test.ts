import { expect } from 'chai'
import { asResident, Client } from '../helpers/app.js'
import { campaignOneHasRead } from '../helpers/campaign-reading.js'
import { quizWithBank } from '../helpers/quizzes.js'
import { logInAs, newPage, screenshot, useConsole, type ConsolePage } from './harness.js'
import { publishedNationalMeeting } from './national-meeting.js'

const STAFF = { kind: 'staff' as const, id: 'admin', name: '管理员', username: 'admin', role: 'admin' as const, stationIds: [], regionIds: [], unitIds: [] }

/**
 * What review 32 saw on today's console pages, as the office reads them:
 * - 学习进度 按人: the tag of a deputy whose mini-program notices are off is read to its end ("…请电话联系"),
 *   and the totals line says why it counts more people than the to-phone list above it;
 * - after 提前结束 she stays on 学习进度, and 添加学习材料 is no longer the page's one blue button;
 * - 改派给其他代表: the dialog is named so, and the deputy holding the message is said so, last, not a choice;
 * - a quiz people have started says so above its bank, and its frozen question reads in dark text;
 * - 会务联系: the phone box says it is needed once a contact is named;
 * - the inbox's 代表 filter names each deputy's station.
 */
describe('console: pages say it whole, and once (review 32)', function () {
  this.timeout(180_000)
  const story = useConsole()

  it('学习进度: the reach tag is read to its end, the totals agree with the to-phone list, and 提前结束 keeps her there', async () => {
    const { store } = story.app.liaison
    const organizer = story.app.login((l) => l.role === 'organizer' && l.username !== 'chenshihan')
    // One on the mini-program reads (nobody needs to phone her); another on it has not read.
    const { id, onApp } = await campaignOneHasRead(story.app, organizer, {
      itemTitle: '代表法修正草案说明',
      description: '组织全区代表学习新修订的代表法。',
    })
    const onAppName = (await store.deputies.get(onApp))!.name

    const page = await newPage(story.browser, story.app)
    await logInAs(page, organizer, `/campaigns/${id}`)
    await page.getByRole('heading', { name: /学习宣传新修订的代表法/ }).waitFor()
    expect(await page.locator('[data-test=campaign-period]').innerText()).to.match(/^时间：/)
    expect(await page.locator('[data-test=campaign-description]').innerText()).to.equal('说明：组织全区代表学习新修订的代表法。')
    await page.locator('.t-tabs__nav-item', { hasText: '学习进度' }).click()
    await page.locator('.t-radio-button', { hasText: '按人' }).click()
    const tag = page.locator('tr', { hasText: onAppName }).locator('[data-test=reach-tag]')
    await tag.waitFor()
    expect(await tag.innerText()).to.equal('用小程序，但系统的小程序提醒还没开通（请找系统管理员），提醒发不到，请电话联系')
    // Read to its end on the screen: the tag is not cut at the table's edge.
    const whole = await tag.evaluate((el) => {
      const cell = el.closest('td')!.getBoundingClientRect()
      const box = el.getBoundingClientRect()
      return box.right <= cell.right + 0.5 && el.scrollWidth <= el.clientWidth + 0.5
    })
    expect(whole, 'the whole tag shows, 请电话联系 included').to.equal(true)
    // Whom to phone is said once, in the note above (those still to read); the totals only count.
    expect(await page.locator('[data-test=campaign-totals]').innerText()).to.match(/^已发布 1 篇；面向 \d+ 人，都收不到微信消息；已读完 1 人/)
    await screenshot(page, 'review32-campaign-progress-by-person')

    // 提前结束: she is still on 学习进度; adding reading is no longer the page's one blue button.
    const add = page.locator('[data-test=add-item]')
    expect(await add.getAttribute('class')).to.match(/t-button--theme-primary/)
    await page.locator('[data-test=end-early]').click()
    await page.locator('[data-test=end-dialog]').getByRole('button', { name: '确定提前结束' }).click()
    await page.getByText('活动已提前结束').waitFor()
    await page.locator('h2 .t-tag', { hasText: '已结束' }).waitFor()
    expect(await page.locator('.t-tabs__nav-item.t-is-active').innerText()).to.equal('学习进度')
    expect(await add.getAttribute('class')).to.not.match(/t-button--theme-primary/)
    // Nobody is reminded any more: the running campaign's "请电话联系：…" list is not left standing.
    await page.locator('[data-test=remind-note]').waitFor({ state: 'detached' })
    expect(await page.locator('.t-radio-button.t-is-checked').innerText(), 'still 按人').to.equal('按人')
    // Nor does her tag ask for a call: nobody needs one to read a closed campaign. What is still true is said, as no warning.
    const over = page.locator('tr', { hasText: onAppName }).locator('[data-test=reach-tag]', { hasText: '活动已结束' })
    await over.waitFor()
    expect(await over.innerText()).to.equal('用小程序，但系统的小程序提醒还没开通（请找系统管理员），提醒发不到；活动已结束，不用再联系')
    expect(await over.getAttribute('class'), 'not a warning').to.not.match(/warning/)
    await page.locator('[data-test=end-dialog]').waitFor({ state: 'hidden' })
    await screenshot(page, 'review32-campaign-ended')
    expect(page.problems).to.deep.equal([])
  })

  it('改派给其他代表: the dialog is named so, and the deputy who holds it is said so, last, and cannot be chosen', async () => {
    const resident = await asResident(story.app)
    const sent = await resident.post('/api/mp/cases', { text: '光明社区幸福路的路灯坏了一个月，晚上老人出门看不见路', regionId: 'c010101' })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    const { case: held } = await story.app.liaison.services.caseQueries.forStaff(STAFF, sent.body.id)
    const holder = (await story.app.liaison.store.deputies.get(held.deputyId!))!.name

    const page = await newPage(story.browser, story.app)
    await logInAs(
      page,
      story.app.login((l) => l.username === 'zhangguohua'),
      `/cases/${sent.body.id}`,
    )
    await page.getByRole('heading', { name: `留言 ${sent.body.ticket}` }).waitFor()
    await page.getByRole('button', { name: '改派给其他代表' }).click()
    await page.locator('.t-dialog__header', { hasText: '改派给其他代表' }).waitFor()
    // Its button says what it does, as its title does: 改派, not 分派.
    const footer = page.locator('.t-dialog__footer').filter({ visible: true })
    expect(await footer.getByRole('button').allInnerTexts()).to.deep.equal(['取消', '确认改派'])
    const options = page.getByRole('listbox', { name: '可分派的代表' }).getByRole('option')
    const mine = options.filter({ hasText: holder })
    await mine.getByTestId('holder').waitFor()
    expect(await mine.getByTestId('holder').innerText()).to.equal('正在办理这条留言，不能再选')
    expect((await options.locator('strong').allInnerTexts()).at(-1), 'last in the list').to.equal(holder)
    expect(await mine.isDisabled(), 'offered greyed, as not a choice').to.equal(true)
    await mine.click({ force: true }) // pressed anyway
    expect(await page.getByRole('listbox', { name: '可分派的代表' }).locator('[aria-selected=true]').count(), 'not chosen').to.equal(0)
    await screenshot(page, 'review32-case-reassign-list')
    // The dialog's foot, where she presses, as her window shows it once scrolled there.
    await footer.getByRole('button', { name: '确认改派' }).scrollIntoViewIfNeeded()
    await screenshot(page, 'case-reassign-confirm', { window: true })
    expect(page.problems).to.deep.equal([])
  })

  it('a started quiz says above its bank what is frozen, and its frozen question reads in dark text', async () => {
    const sunli = story.app.login((l) => l.role === 'organizer')
    const quiz = await quizWithBank(story.app, await new Client(story.app.baseUrl).login(sunli.username, sunli.password), { title: '宪法知识竞赛' })
    expect((await (await asResident(story.app)).post(`/api/mp/quizzes/${quiz.id}/attempts`)).status, 'someone started').to.equal(201)
    const page = await newPage(story.browser, story.app)
    await logInAs(page, sunli, `/quizzes/${quiz.id}`)
    expect(await page.locator('[data-test=bank-frozen]').innerText()).to.equal(
      '已有人开始答题：题库里的题目、选项、答案和分值不能再改，只能改解析；还可以添加新题。',
    )
    await page.locator('[data-test=question-bank]').getByRole('button', { name: '改解析' }).first().click()
    const dialog = page.locator('[data-test=question-dialog]')
    await dialog.locator('[data-test=question-frozen]').waitFor()
    // The stem and an option she reads to write the 解析: as dark as the 解析 she types (not pale grey).
    const ink = (selector: string) =>
      dialog
        .locator(selector)
        .first()
        .evaluate((el) => getComputedStyle(el).webkitTextFillColor || getComputedStyle(el).color)
    const typed = await ink('textarea:not([disabled])')
    expect(await ink('[data-test=stem-field] textarea'), '题干').to.equal(typed)
    expect(await ink('[data-test=option-A] input'), '选项').to.equal(typed)
    await screenshot(page, 'review32-quiz-frozen-question')
    expect(page.problems).to.deep.equal([])
  })

  it('会务联系: the phone box says it is needed once a contact is named', async () => {
    const meeting = await publishedNationalMeeting(story, 2)
    const { page } = await meeting.open()
    await page.getByRole('button', { name: '修改会议' }).click()
    const form = page.locator('[data-test=meeting-edit-form]')
    expect(await form.locator('[data-test=contact-phone] input').getAttribute('placeholder')).to.equal('填了联系人就要填电话：手机号或带区号的座机号')
    expect(await form.innerText()).to.include('联系人和电话都不填，通知里就请代表联系组织会议的办公室')
    expect(page.problems).to.deep.equal([])
  })

  it('the inbox 代表 filter names each deputy with his station', async () => {
    const page = (await newPage(story.browser, story.app)) as ConsolePage
    await logInAs(
      page,
      story.app.login((l) => l.username === 'zhangguohua'),
      '/cases',
    )
    const station = (await story.app.liaison.store.staff.getByUsername('zhangguohua'))!.stationIds[0]!
    const deputy = (await story.app.liaison.store.deputies.listByStation(station)).find((d) => d.active)!
    const stationName = (await story.app.liaison.store.stations.get(station))!.name
    await page.getByLabel('代表', { exact: true }).click()
    await page.getByLabel('代表', { exact: true }).locator('input').fill(deputy.name)
    await page
      .locator('.t-select-option', { hasText: `${deputy.name}（${stationName}` })
      .first()
      .waitFor()
    await screenshot(page, 'review32-inbox-deputy-filter')
    expect(page.problems).to.deep.equal([])
  })
})
