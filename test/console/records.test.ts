import { expect } from 'chai'
import { addDays } from '../../src/domain/business-calendar.js'
import { localDate } from '../../src/domain/dates.js'
import { asDeputy } from '../helpers/app.js'
import { logInAs, newPage, screenshot, useConsole } from './harness.js'

/**
 * 履职档案 in the console: a station's staff approve an activity a deputy reported, open the
 * deputy's record with its points explained and print the yearly 述职 report; an organizer
 * changes the point rules.
 */
describe('console: deputies’ records (履职档案)', function () {
  this.timeout(180_000)
  const story = useConsole()

  it('reviews a reported activity, shows the record with its points, prints the report, and lets the office change the rules', async () => {
    const { app } = story
    const staffLogin = app.login((l) => l.role === 'station_staff')
    const staff = (await app.liaison.store.staff.getByUsername(staffLogin.username))!
    const deputy = (await app.liaison.store.deputies.listByStation(staff.stationIds[0]!))[0]!
    // The deputy's photo of the visit, as the mini-program uploads it.
    const photoPage = await newPage(story.browser, app)
    await photoPage.setContent(
      '<div style="width:320px;height:240px;background:linear-gradient(#8ec5fc,#e0c3fc);font:28px sans-serif;padding:20px">社区调研现场</div>',
    )
    const photo = await photoPage.locator('div').screenshot()
    const zhang = await asDeputy(app, deputy.id)
    const saved = await app.liaison.services.uploads.save(photo, zhang.userId, app.clock.now())
    const date = addDays(localDate(app.clock.now(), 'Asia/Shanghai'), -3)
    await app.liaison.services.recordActivities.report(
      { id: zhang.userId, deputyId: deputy.id },
      { kind: 'research', date, place: '建设路社区', text: '走访老旧小区，听取居民对加装电梯的意见。', photos: [saved.url] },
    )

    const page = await newPage(story.browser, app)
    await logInAs(page, staffLogin)
    await page.locator('.t-menu').getByText('履职活动审核').click()
    const card = page.getByTestId('activity').filter({ hasText: deputy.name })
    await card.getByText('走访老旧小区').waitFor()
    // The day in words, as the console says dates ("12月3日"; its year only when not this year's), never 2026-12-03.
    const [y, m, d] = date.split('-').map(Number)
    const thisYear = Number(localDate(app.clock.now(), 'Asia/Shanghai').slice(0, 4))
    await card.getByText(`${y === thisYear ? '' : `${y}年`}${m}月${d}日 · 建设路社区`, { exact: true }).waitFor()
    await page.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>('.photo')].every((img) => img.complete && img.naturalWidth > 0))
    await screenshot(page, 'records-review')
    await card.getByRole('button', { name: '通过' }).click()
    await card.getByText('已通过').waitFor()

    await page.goto(`/console/records`)
    await page.getByRole('link', { name: deputy.name }).click()
    const lines = page.getByTestId('point-lines')
    await lines.getByText('报告履职活动（已审核） 1 次 × 3 分 = 3 分').waitFor()
    // 已值班 says how a day is counted, as deputy-record.ts counts it: a rostered day is not yet a day served.
    const duty = page.locator('tr').filter({ hasText: '进站接待值班' })
    expect(await duty.getByTestId('record-hint').innerText()).to.equal(
      '怎么算：排了班的那天，代表在小程序里报了当天的“进站接待”，工作人员审核通过，才算值班 1 天。排班天数里也有还没到的日子。',
    )
    await screenshot(page, 'records-detail')
    await page.getByRole('button', { name: '打印述职报告' }).click()
    const report = page.getByRole('article', { name: '述职报告' })
    await report.getByText(`${deputy.name}代表${date.slice(0, 4)}年度履职情况报告`).waitFor()
    await report.getByText('走访老旧小区，听取居民对加装电梯的意见。', { exact: false }).waitFor()
    // Whose words the report is in, without the deputy's code; the activity's day in words, the report's year unsaid.
    expect(await report.locator('.sub').innerText()).to.equal('根据联络站的履职记录整理')
    expect(await report.getByText('走访老旧小区', { exact: false }).innerText()).to.match(new RegExp(`^${m}月${d}日 `))
    await page.emulateMedia({ media: 'print' })
    expect(await page.locator('.shell-aside').isVisible(), 'the menu is not printed').to.equal(false)
    await screenshot(page, 'records-report')

    const office = await newPage(story.browser, app)
    await logInAs(
      office,
      app.login((l) => l.role === 'organizer'),
    )
    await office.locator('.t-menu').getByText('积分规则').click()
    const meeting = office.getByLabel('参加会议活动每次分值')
    await meeting.locator('input').fill('5')
    await meeting.locator('input').press('Tab')
    await office.getByRole('button', { name: '保存规则' }).click()
    await office.getByText('积分规则已保存').waitFor()
    await screenshot(office, 'records-rules')
    const saved2 = await app.liaison.store.pointRules.get('city')
    expect(saved2?.rules.find((r) => r.item === 'meeting_attended')?.points).to.equal(5)
    expect(page.problems).to.deep.equal([])
    expect(office.problems).to.deep.equal([])
  })
})
