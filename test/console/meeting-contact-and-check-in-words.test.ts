import { expect } from 'chai'
import { asDeputy } from '../helpers/app.js'
import { screenshot, useConsole } from './harness.js'
import { publishedNationalMeeting } from './national-meeting.js'

/**
 * The organizer records whom deputies call about the meeting (会务联系人, 联系电话) in 修改会议: a name without a
 * phone is refused at the phone's box, then saved with one and shown on the meeting's page. At the door one deputy
 * scans in and the clerk records another (登记到会): the answer table says how each was known, in words.
 */
describe('console: the meeting’s contact, and how each presence was known', function () {
  this.timeout(120_000)
  const story = useConsole()

  it('asks for the phone with a contact’s name, shows the contact, and says 扫码签到 / 工作人员登记', async () => {
    const meeting = await publishedNationalMeeting(story, 2)
    const { first, second, startAt } = meeting
    let { page, rowOf } = await meeting.open()
    // The office whose organizer made it (the demo's organizer may be a district's): named, as the notices name it.
    const { organizer } = (await meeting.api.get(`/api/admin/meetings/${meeting.id}`)).body
    expect(organizer).to.match(/人大常委会办公室$|人大工委$/)
    await page.locator('[data-test=meeting-contact]').getByText(`未填写（通知里请代表联系${organizer}）`).waitFor()

    await page.getByRole('button', { name: '修改会议' }).click()
    const form = page.locator('[data-test=meeting-edit-form]')
    await form.locator('[data-test=contact-name] input').fill('王丽')
    await page.getByRole('button', { name: '保存修改' }).click()
    await form.getByText('请填写会务联系人的电话').waitFor()
    await form.locator('[data-test=contact-phone] input').fill('0375-2345678')
    expect(await form.getByText('请填写会务联系人的电话').count(), 'gone once the box changes').to.equal(0)
    await page.getByRole('button', { name: '保存修改' }).click()
    await page.locator('[data-test=meeting-contact]').getByText('王丽 0375-2345678').waitFor()
    expect((await (await meeting.freshApi()).get(`/api/admin/meetings/${meeting.id}`)).body).to.include({ contactName: '王丽', contactPhone: '0375-2345678' })

    story.app.clock.set(new Date(startAt.getTime() - 20 * 60_000)) // scanning open
    expect((await (await asDeputy(story.app, second.id)).post(`/api/mp/meetings/${meeting.shortCode}/check-in`, {})).status).to.equal(200)
    ;({ page, rowOf } = await meeting.open())
    await rowOf(first.name).getByRole('button', { name: '登记到会' }).click()
    await page
      .locator('.t-dialog', { hasText: `为${first.name}登记到会（补签）` })
      .getByRole('button', { name: '确定登记' })
      .click()
    await page.getByText(`已为${first.name}登记到会`).waitFor()
    await rowOf(first.name).locator('[data-test=checked-in-via]').getByText('工作人员登记').waitFor()
    expect(await rowOf(second.name).locator('[data-test=checked-in-via]').innerText()).to.equal('扫码签到')
    await page.locator('.t-dialog__mask').first().waitFor({ state: 'hidden' })
    await screenshot(page, 'console-meeting-check-in-words')
    expect(page.problems).to.deep.equal([])
  })
})
