import { expect } from 'chai'
import { campaignOneHasRead } from '../helpers/campaign-reading.js'
import { dialogShown, logInAs, newPage, screenshot, typeDateTime, useConsole } from './harness.js'

const HOUR = 3_600_000
const DAY = 24 * HOUR

/**
 * 陈主任 runs a 学习宣传 campaign from the console alone: she corrects a published reading's wording
 * (everyone's reads stay), renames the campaign and extends it, and then ends it early after a
 * confirm that says in plain words what ending does. 学习进度 says of a deputy who uses the
 * mini-program that its notices are not switched on, not that he "bound no WeChat".
 */
describe('console: an organizer corrects, extends and ends a campaign (修改活动, 修改, 提前结束)', function () {
  this.timeout(150_000)
  const story = useConsole()

  it('corrects a reading keeping its reads, renames and extends the campaign, then ends it early after a plain confirm', async () => {
    const organizer = story.app.login((l) => l.role === 'organizer' && l.username !== 'chenshihan')
    // The reading's title has a typo (草按) for her to correct.
    const { api, id, reader, onApp } = await campaignOneHasRead(story.app, organizer, { itemTitle: '代表法修正草按说明' })
    const { store } = story.app.liaison
    const readBy = async () => (await api.get(`/api/admin/campaigns/${id}/progress?groupBy=person`)).body.items.filter((p: { read: boolean }) => p.read)

    const page = await newPage(story.browser, story.app)
    await logInAs(page, organizer, `/campaigns/${id}`)
    await page.getByRole('heading', { name: /学习宣传新修订的代表法/ }).waitFor()
    // Beside the title, who runs it in words (the district's 人大常委会), not its level's office word 区县.
    const district = (await store.staff.getByUsername(organizer.username))!.regionIds[0]!
    const districtName = (await store.regions.get(district))!.name
    await page.locator('[data-test=campaign-organizer]', { hasText: `${districtName}人大常委会` }).waitFor()
    expect(await page.locator('h2 .t-tag').allInnerTexts()).to.deep.equal(['进行中', `${districtName}人大常委会`])

    // 修改 on the published reading: a typo fixed in place, not 撤回 and add again.
    await page.locator('[data-test=reading-items] tr', { hasText: '代表法修正草按说明' }).getByRole('button', { name: '修改' }).click()
    const drawer = page.locator('.t-drawer', { hasText: '修改学习材料' })
    await drawer.locator('[data-test=item-correction-note]').getByText('谁已读、谁已打卡都保留，不会重新通知').waitFor()
    const title = drawer.locator('.t-form__item', { hasText: '标题' }).locator('input')
    expect(await title.inputValue()).to.equal('代表法修正草按说明')
    await title.fill('代表法修正草案说明')
    await drawer.getByRole('button', { name: '保存修改' }).click()
    await page.getByText('已保存修改').waitFor()
    await page.locator('[data-test=reading-items]').getByText('代表法修正草案说明').waitFor()
    expect(
      (await readBy()).map((p: { id: string }) => p.id),
      'her read is kept',
    ).to.deep.equal([reader])

    // 修改活动: a new title and a later end.
    await page.locator('[data-test=correct-campaign]').click()
    const dialog = page.locator('[data-test=correct-dialog]')
    await dialog.locator('.t-form__item', { hasText: '标题' }).locator('input').fill('学习宣传新修订的代表法（第二阶段）')
    const later = new Date(story.app.clock.now().getTime() + 30 * DAY + 8 * HOUR).toISOString().slice(0, 10)
    await typeDateTime(dialog.getByLabel('结束时间'), `${later} 17:00`)
    await dialog.getByRole('button', { name: '保存修改' }).click()
    await page.getByRole('heading', { name: /学习宣传新修订的代表法（第二阶段）/ }).waitFor()
    expect((await api.get(`/api/admin/campaigns/${id}`)).body.endsAt.slice(0, 10)).to.equal(later)
    // Pictured once the dialog has gone, not while it fades out over the page.
    await dialog.waitFor({ state: 'hidden' })
    await screenshot(page, 'console-campaign-corrected')

    // 学习进度: why a reminder cannot reach him, as the delivery code says it, said once: the note above names
    // those still to read and whom to phone; the totals under it count everyone and repeat no reason.
    await page.locator('.t-tabs__nav-item', { hasText: '学习进度' }).click()
    const onAppName = (await store.deputies.get(onApp))!.name
    const note = page.locator('[data-test=remind-note]')
    await note.getByText(`1 人用小程序，但系统的小程序提醒还没开通（请找系统管理员），提醒发不到，请电话联系：${onAppName}；`).waitFor()
    const totals = page.locator('[data-test=campaign-totals]')
    await totals.waitFor()
    const everyone = (await store.campaigns.reachOf(id)).filter((r) => r.personKind === 'deputy').length
    expect(await totals.innerText()).to.equal(
      `已发布 1 篇；面向 ${everyone} 人，都收不到微信消息；已读完 1 人（${Math.round(100 / everyone)}%），已打卡 0 人。`,
    )
    await page.locator('.t-radio-button', { hasText: '按人' }).click()
    await page.locator('[data-test=reach-tag]', { hasText: '用小程序，但系统的小程序提醒还没开通（请找系统管理员），提醒发不到，请电话联系' }).first().waitFor()
    await screenshot(page, 'console-campaign-progress-app-off')

    // 提前结束: said first, in plain words; then it is over and nothing offers to change it.
    await page.locator('[data-test=end-early]').click()
    const confirm = page.locator('[data-test=end-dialog]')
    expect(await confirm.locator('[data-test=end-words]').innerText()).to.equal(
      '结束后，学习的人不能再打卡，也不会再收到提醒；已经读过、打过卡的都保留，学习进度还可以查看。结束后不能再重新开始。',
    )
    // Pictured once it stands whole, not while it zooms and fades in (small, half see-through over the page).
    await dialogShown(page)
    expect(
      await confirm.evaluate((el) => getComputedStyle(el.closest('.t-dialog__ctx')!.querySelector('.t-dialog')!).opacity),
      'fully shown, not half see-through',
    ).to.equal('1')
    await screenshot(page, 'console-campaign-end-confirm', { window: true })
    await confirm.getByRole('button', { name: '确定提前结束' }).click()
    await page.getByText('活动已提前结束').waitFor()
    await page.locator('h2 .t-tag', { hasText: '已结束' }).waitFor()
    expect(await page.locator('[data-test=end-early]').count()).to.equal(0)
    expect(await page.locator('[data-test=correct-campaign]').count()).to.equal(0)
    expect((await api.get(`/api/admin/campaigns/${id}`)).body).to.include({ phase: 'ended' })
    expect(
      (await readBy()).map((p: { id: string }) => p.id),
      'what was read stays counted',
    ).to.deep.equal([reader])
    expect(page.problems).to.deep.equal([])
  })
})
