import { expect } from 'chai'
import { asDeputy } from '../helpers/app.js'
import { screenshot, useConsole } from './harness.js'
import { publishedNationalMeeting } from './national-meeting.js'

/**
 * After the meeting: one deputy signed the paper sheet at the door, another phoned for leave.
 * The organizer records both from the answer table, each after a confirmation, and sees them
 * counted; the deputy reads it on their meeting page.
 */
describe('console: the office records a paper sign-in and a leave (补签, 代请假)', function () {
  this.timeout(120_000)
  const story = useConsole()

  it('records 到会 and 请假 per row, with a confirmation, and the counts follow', async () => {
    const meeting = await publishedNationalMeeting(story, 2)
    const { first, second, startAt } = meeting
    // Half an hour into the meeting.
    story.app.clock.set(new Date(startAt.getTime() + 30 * 60_000))
    const { page, rowOf } = await meeting.open()

    await rowOf(first.name).getByRole('button', { name: '登记到会' }).click()
    await page.getByText(`为${first.name}登记到会（补签）`).waitFor()
    const dialog = page.locator('.t-dialog', { hasText: `为${first.name}登记到会（补签）` })
    expect(await dialog.getByRole('textbox').inputValue(), 'the usual note, ready').to.equal('纸质签到')
    await dialog.getByRole('button', { name: '确定登记' }).click()
    await page.getByText(`已为${first.name}登记到会`).waitFor()
    const entryOf = (name: string) => rowOf(name).locator('[data-test=staff-entry]')
    await entryOf(first.name).getByText('工作人员补签').waitFor()
    expect(await entryOf(first.name).innerText()).to.match(/^工作人员补签\s+纸质签到\n/)
    expect(await rowOf(first.name).getByRole('button', { name: '登记到会' }).count()).to.equal(0)

    await rowOf(second.name).getByRole('button', { name: '登记请假' }).click()
    const leave = page.locator('.t-dialog', { hasText: `为${second.name}登记请假` })
    await leave.getByRole('textbox').fill('电话请假：住院治疗')
    await leave.getByRole('button', { name: '确定登记' }).click()
    // The clerk's own note beside what was recorded, not after a second colon of ours.
    await entryOf(second.name).getByText('电话请假：住院治疗').waitFor()
    expect(await entryOf(second.name).innerText())
      .to.match(/^工作人员代请假\s+电话请假：住院治疗\n/)
      .and.not.include('代请假：')
    const counts = (await page.locator('[data-test=rsvp-counts]').innerText()).replace(/\s+/g, ' ')
    expect(counts)
      .to.match(/请假 1 ?人/)
      .and.match(/已签到 1 ?人/)
    expect(await page.getByRole('button', { name: /提醒未回复/ }).count(), 'nobody is asked to answer a meeting under way').to.equal(0)
    await page.locator('.t-dialog__mask').first().waitFor({ state: 'hidden' }) // the dialog's fade, not in the picture
    await screenshot(page, 'console-meeting-staff-entries')

    const deputy = await asDeputy(story.app, first.id)
    expect((await deputy.get(`/api/mp/meetings/${meeting.id}`)).body.staffEntryNotice).to.equal('工作人员已为您登记到会')

    // A mistake is undone from the same row, after a confirmation.
    await rowOf(second.name).getByRole('button', { name: '撤销登记' }).click()
    await page.getByRole('button', { name: '确定' }).click()
    await page.getByText(`已撤销${second.name}的登记`).waitFor()
    await rowOf(second.name).getByRole('button', { name: '登记请假' }).waitFor()
    expect(page.problems).to.deep.equal([])
  })
})
