import { expect } from 'chai'
import { asDeputy } from '../helpers/app.js'
import { screenshot, useConsole } from './harness.js'
import { publishedNationalMeeting } from './national-meeting.js'

/**
 * At the door before the start: the clerk records a deputy without a phone (登记到会) while the
 * others scan in. Too early (before scanning opens) she is told from when, in the dialog, her note
 * still in the box; from the opening time she records it as the phones beside her can scan. A
 * deputy who scanned in without ever replying reads 已签到出席 in the table, not 未回复.
 */
describe('console: recording attendance at the door, from when scanning opens', function () {
  this.timeout(120_000)
  const story = useConsole()

  it('keeps her note when refused too early, records it from the opening time, and counts a scan as an answer', async () => {
    const meeting = await publishedNationalMeeting(story, 3)
    const { first, second, startAt } = meeting
    story.app.clock.set(new Date(startAt.getTime() - 70 * 60_000)) // ten minutes before scanning opens
    const { page, rowOf } = await meeting.open()

    await rowOf(first.name).getByRole('button', { name: '登记到会' }).click()
    const dialog = page.locator('.t-dialog', { hasText: `为${first.name}登记到会（补签）` })
    await dialog.getByRole('textbox').fill('没带手机，纸质签到')
    await dialog.getByRole('button', { name: '确定登记' }).click()
    await dialog.locator('[data-test=entry-error]').waitFor()
    expect(await dialog.locator('[data-test=entry-error]').innerText()).to.match(
      /^还没到签到时间：\d+月\d+日 (?:1?\d|2[0-3]):\d\d 开始签到（会议开始前 60 分钟），到时才能登记到会$/,
    )
    expect(await dialog.isVisible(), 'the dialog stays open').to.equal(true)
    expect(await dialog.getByRole('textbox').inputValue(), 'her note is still there').to.equal('没带手机，纸质签到')
    await screenshot(page, 'console-meeting-door-entry-too-early')

    // Scanning has opened: a deputy scans in without having replied; the clerk confirms the same dialog.
    story.app.clock.set(new Date(startAt.getTime() - 20 * 60_000))
    const deputy = await asDeputy(story.app, second.id)
    expect((await deputy.post(`/api/mp/meetings/${meeting.shortCode}/check-in`, {})).status).to.equal(200)
    await dialog.getByRole('button', { name: '确定登记' }).click()
    await page.getByText(`已为${first.name}登记到会`).waitFor()
    await rowOf(first.name).locator('[data-test=staff-entry]').getByText('没带手机，纸质签到').waitFor()

    const fresh = await meeting.freshApi() // the clock moved: a new session
    const invited = (await fresh.get(`/api/admin/meetings/${meeting.id}/invitees`)).body.counts.invited as number
    await rowOf(second.name).getByText('已签到出席').waitFor()
    expect(await rowOf(second.name).innerText()).not.to.include('未回复')
    const counts = (await page.locator('[data-test=rsvp-counts]').innerText()).replace(/\s+/g, ' ')
    expect(counts)
      .to.match(new RegExp(`未回复 ${invited - 2} ?人`))
      .and.match(/参加 2 ?人/)
      .and.match(/已签到 2 ?人/)
    await page.locator('.t-dialog__mask').first().waitFor({ state: 'hidden' })
    await screenshot(page, 'console-meeting-door-entry')
    expect(page.problems).to.deep.equal([])
  })
})
