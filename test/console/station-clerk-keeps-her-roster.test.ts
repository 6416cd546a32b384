import { expect } from 'chai'
import { localDate } from '../../src/domain/dates.js'
import { addDays } from '../../src/domain/local-days.js'
import { asAdmin, asResident, Client } from '../helpers/app.js'
import { dialogShown, dialogsClosed, logInAs, newPage, screenshot, useConsole } from './harness.js'

/**
 * 张国华 keeps 建设路街道代表联络站 (st001) in the demo city. Two days from now one of her deputies is on reception duty
 * and invited to a training the same morning: 工作概览 and 代表与值班 say so, with who runs meetings (not her station);
 * she gives the day to a colleague with a click on the calendar, changes the station's address and 接待日 (a wrong
 * address said at its box first), and on 绑定码 sees who of her deputies and whether her station's group is bound.
 */
describe('console: a station clerk keeps her roster, address and 接待日, and sees meetings and bindings', function () {
  this.timeout(180_000)
  const story = useConsole()

  it('says a duty deputy has a meeting, lets her give the day to another, change address and 接待日, and shows who is bound', async () => {
    const { store, config } = story.app.liaison
    const today = localDate(story.app.clock.now(), config.business.timeZone)
    const day = addDays(today, 2)
    const [, month, date] = day.split('-').map(Number)
    const office = await asAdmin(story.app)
    // The demo's own meetings may want some of her deputies that day: the colleague she picks is free of them.
    const wanted = new Set(
      (await office.get('/api/admin/stations/st001/duty-meetings')).body.items
        .filter((m: { date: string }) => m.date === day)
        .map((m: { deputyId: string }) => m.deputyId),
    )
    const deputies = (await store.deputies.listByStation('st001')).filter((d) => d.active && !d.away)
    const busy = deputies[0]
    const free = deputies.find((d) => d.id !== busy.id && !wanted.has(d.id) && !(d.dutyByStation.st001 ?? []).includes(day))!
    expect(free, 'a colleague free that day').to.exist

    // The office invites her duty deputy to a training that morning; he is on duty at her station then.
    const created = await office.post('/api/admin/meetings', {
      title: '代表履职培训会',
      kind: 'training',
      startAt: `${day}T09:30:00+08:00`,
      endAt: `${day}T11:30:00+08:00`,
      place: '区人大常委会第二会议室',
      agenda: '代表履职培训',
      attachments: [],
      selector: { deputyIds: [busy.id] },
    })
    expect(created.status, JSON.stringify(created.body)).to.equal(201)
    expect((await office.post(`/api/admin/meetings/${created.body.id}/publish`)).status).to.equal(200)
    const days = [...new Set([...(busy.dutyByStation.st001 ?? []), day])].sort()
    expect(
      (await office.patch(`/api/admin/deputies/${busy.id}`, { dutyDates: days, stationId: 'st001', seenDutyDates: busy.dutyByStation.st001 ?? [] })).status,
    ).to.equal(200)
    const clash = `与会议时间冲突：${busy.name}代表当天9:30–11:30要参加“代表履职培训会”（还没有回复是否参加）`

    const page = await newPage(story.browser, story.app)
    await logInAs(
      page,
      story.app.login((l) => l.username === 'zhangguohua'),
    )

    // 工作概览: the duty day says the clash under it.
    await page.locator('.t-menu').getByText('工作概览').click()
    await page.getByRole('heading', { name: '工作概览' }).waitFor()
    await page.locator('[data-figure=duty]').getByText(clash).waitFor()
    await screenshot(page, 'station-dashboard-clash')
    // Meetings stay the offices' pages: no menu entry for her.
    expect(await page.locator('.t-menu').innerText()).not.to.include('会议活动')

    // 代表与值班: the same line under the calendar, 有会 beside his name that day, and who runs meetings.
    await page.locator('.t-menu').getByText('代表与值班').click()
    const roster = page.locator('[data-roster]')
    await roster.locator('[data-test=duty-clashes]').getByText(clash).waitFor()
    expect(await roster.locator('[data-test=meetings-run-by]').innerText()).to.include('联络站账号没有会议页面')
    if (month !== Number(today.slice(5, 7))) await roster.getByRole('button', { name: '下个月 ›' }).click()
    const cell = roster.getByRole('button', { name: `安排${month}月${date}日的接待值班` })
    await cell.getByText(`${busy.name}（有会）`).waitFor()
    await screenshot(page, 'station-roster-clash')

    // She gives the day to a colleague: the dialog says his meeting beside his name first.
    await cell.click()
    const dialog = page.locator('.t-dialog').filter({ hasText: '接待值班' })
    await dialog.getByText(`${month}月${date}日`).first().waitFor()
    await dialogShown(page)
    const busyRow = dialog.locator(`[data-deputy="${busy.name}"]`)
    expect(await busyRow.innerText()).to.include('当天9:30–11:30要参加“代表履职培训会”（还没有回复是否参加）')
    expect(await dialog.innerText()).to.include('今天值班代表')
    await screenshot(page, 'station-duty-day', { window: true })
    await busyRow.getByText(`${busy.name}代表`).click()
    await dialog.locator(`[data-deputy="${free.name}"]`).getByText(`${free.name}代表`).click()
    await dialog
      .getByText(`这一天值班：`)
      .filter({ hasText: `${free.name}代表` })
      .waitFor()
    await dialog.getByRole('button', { name: '保存' }).click()
    await dialogsClosed(page)
    await cell.getByText(free.name).waitFor()
    await roster.getByText(clash).waitFor({ state: 'detached' })
    expect(await cell.innerText()).not.to.include(busy.name)
    expect((await store.deputies.get(free.id))!.dutyByStation.st001).to.include(day)
    expect((await store.deputies.get(busy.id))!.dutyByStation.st001 ?? []).not.to.include(day)

    // 修改接待日和地址: what residents will read is said first; a wrong address is said at its box and saves nothing.
    await page.getByRole('button', { name: '修改接待日和地址' }).click()
    const edit = page.locator('.t-dialog').filter({ hasText: '修改接待日和地址' })
    await dialogShown(page)
    // The day boxes say the days as every other line does (每星期三接待), not 周三 nor a bare number; read first, so that
    // nothing later in the dialog keeps this from being seen.
    const boxes = (await edit.locator('.t-checkbox').allInnerTexts()).map((t) => t.trim())
    expect(boxes, '接待日 boxes').to.deep.equal(['星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日'])
    expect(await edit.innerText()).to.include('群众在小程序里打开本站页面')
    // The chat account by its one name on every page (微信助手), not a third one here.
    expect(await edit.innerText()).to.include('二维码海报上印的、微信助手在微信里说的也跟着改。')
    const address = edit.getByPlaceholder('例如：建设路18号社区服务中心二楼')
    await address.fill('长'.repeat(201))
    await edit.getByRole('button', { name: '保存' }).click()
    await edit.getByText('地址最多 200 字').waitFor()
    await screenshot(page, 'station-edit-refused', { window: true })
    const publicPage = async () => (await new Client(story.app.baseUrl).get('/api/mp/stations/ST001')).body
    expect((await publicPage()).address).not.to.equal('长'.repeat(201))

    await address.fill('建设路18号社区服务中心二楼')
    await edit.getByText('地址最多 200 字').waitFor({ state: 'detached' })
    const days0 = (await publicPage()).receptionDays as string[]
    const friday = edit.locator('.t-checkbox').filter({ hasText: '星期五' })
    if (!days0.includes('fri')) await friday.click()
    await edit.locator('[data-test=station-edit-preview]').getByText('地址：建设路18号社区服务中心二楼').waitFor()
    expect(await edit.locator('[data-test=station-edit-preview]').innerText()).to.match(/每.*星期五接待/)
    await edit.getByRole('button', { name: '保存' }).click()
    await dialogsClosed(page)
    await page
      .locator('[data-test=station-line]')
      .getByText(/建设路18号社区服务中心二楼 · 每.*星期五接待/)
      .waitFor()
    const after = await publicPage()
    expect(after.address).to.equal('建设路18号社区服务中心二楼')
    expect(after.receptionDays).to.include('fri')

    // 绑定码: who is bound, in words; the station's group is not yet, said at the top of its card.
    const zhangCode = (await office.post(`/api/admin/deputies/${free.id}/binding-code`)).body.code
    expect((await (await asResident(story.app)).post('/api/mp/bind', { bindCode: zhangCode })).status).to.equal(200)
    await page.locator('.t-menu').getByText('绑定码').click()
    const list = page.locator('[data-test=binding-deputies]')
    const freeRow = list.locator('tbody tr').filter({ hasText: free.name })
    await freeRow.getByText('已绑定').waitFor()
    // He uses the mini-program, but the system's mini-program reminders are not switched on (wechat.enabled false) and
    // he has no 微信助手: said as the system's gap, with what she can do, under his name.
    expect(await freeRow.locator('td').first().innerText()).to.equal(
      `${free.name}\n系统的小程序提醒还没开通（请找系统管理员），提醒发不到：请再绑定微信助手，或电话联系`,
    )
    const busyLine = await list.locator('tbody tr').filter({ hasText: busy.name }).innerText()
    expect(busyLine).to.include('未绑定')
    expect(busyLine).to.include('提醒发不到')
    expect(await page.locator('[data-test=group-state]').innerText()).to.equal(
      '本站微信群：未绑定。发给联络站的提醒和超期督办现在发不到群里，请按下面的步骤绑定',
    )
    await screenshot(page, 'station-binding-state')
    expect(page.problems).to.deep.equal([])
  })
})
