import { expect } from 'chai'
import { localDate } from '../../src/domain/dates.js'
import { addDays } from '../../src/domain/local-days.js'
import { Client } from '../helpers/app.js'
import { dialogShown, logInAs, newPage, screenshot, useConsole } from './harness.js'

/**
 * 钱科长's second import: one deputy of 张国华's station (st001) moves to another station, another is no longer in
 * the roster, one clerk is no longer in the staff list, and a new clerk comes with an activation code. The report says
 * who moved and what he still holds, and lets her act on each person left out; the directory shows where each deputy
 * belongs; 账号与角色 shows who has not activated yet; the meeting ahead, the posters, the binding codes and the
 * station's roster follow the move and the departure.
 */
describe('console: a second roster import, and what follows the people it moved or left out', function () {
  this.timeout(180_000)
  const story = useConsole()

  it('reports them in words with a button each, asked before it acts, and every page shows them where they now are', async () => {
    const { app } = story
    const { store } = app.liaison
    const tz = 'Asia/Shanghai'
    const today = localDate(app.clock.now(), tz)
    const snapshot = await store.directory.snapshot()
    const here = snapshot.stations.find((s) => s.id === 'st001')!
    const there = snapshot.stations.find((s) => s.id !== here.id)!
    const ofHere = snapshot.deputies.filter((d) => d.active && d.stationIds.length === 1 && d.stationIds[0] === here.id)
    const [moving, leaving, staying] = ofHere
    expect(staying, 'the demo station has three deputies of its own').to.not.equal(undefined)
    const leavingClerk = snapshot.staff.find((s) => s.role === 'station_staff' && s.stationIds[0] === there.id)!

    const adminLogin = app.login((l) => l.role === 'admin')
    const office = await new Client(app.baseUrl).login(adminLogin.username, adminLogin.password)
    // He sat here three days ago (on the roster then: a day gone by is no longer anyone's to change) and is rostered
    // here next week; the station's reception day is in three days.
    await store.deputies.update(moving.id, { dutyAt: { stationId: here.id, dates: [addDays(today, -3)] } })
    const duty = await office.patch(`/api/admin/deputies/${moving.id}`, {
      dutyDates: [addDays(today, -3), addDays(today, 5)],
      stationId: here.id,
      seenDutyDates: [addDays(today, -3)],
    })
    expect(duty.status, JSON.stringify(duty.body)).to.equal(200)
    const day = addDays(today, 3)
    const created = await office.post('/api/admin/meetings', {
      title: `${here.name}接待日`,
      kind: 'reception_day',
      startAt: `${day}T09:00:00+08:00`,
      endAt: `${day}T11:30:00+08:00`,
      place: here.name,
      agenda: '',
      attachments: [],
      selector: { stationIds: [here.id] },
    })
    expect(created.status, JSON.stringify(created.body)).to.equal(201)
    expect((await office.post(`/api/admin/meetings/${created.body.id}/publish`)).status).to.equal(200)

    // The roster as the other system exports it: everyone as stored, but for the move and the two left out, and a new clerk.
    const file = {
      deputies: snapshot.deputies
        .filter((d) => d.id !== leaving.id)
        .map(({ id, code, name, level, stationIds, topics, dutyByStation }) =>
          id === moving.id ? { id, code, name, level, stationIds: [there.id], topics } : { id, code, name, level, stationIds, topics, dutyByStation },
        ),
      staff: [
        ...snapshot.staff
          .filter((s) => s.id !== 'admin' && s.id !== leavingClerk.id)
          .map(({ id, name, role, stationIds, regionIds, unitIds, username }) => ({ id, name, role, stationIds, regionIds, unitIds: unitIds ?? [], username })),
        { id: 'sf-new', name: '林霞', role: 'station_staff', stationIds: [here.id], username: 'linxia', activationCode: 'LX-7731-KQ2W-A9' },
      ],
    }

    const page = await newPage(story.browser, app)
    await logInAs(page, adminLogin)
    await page.goto('/console/directory/import')
    await page.getByLabel('名册文件').setInputFiles({ name: 'directory.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) })
    await page.getByRole('button', { name: '开始导入' }).click()
    await page.locator('[data-test=import-report]').getByText('导入完成：', { exact: false }).waitFor()
    const people = page.locator('[data-test=import-people]')
    expect(await page.locator('[data-test=import-report]').innerText(), 'people are not told inside the success').not.to.include('不在导入文件中')
    await people.locator('[data-test=import-moved]').getByText(`${moving.name}（${moving.code}）：${here.name} → ${there.name}`).waitFor()
    await people.getByText(`“${here.name}接待日”的参会名单上已标为“已调到${there.name}”`).waitFor()
    await people.getByText('以前在原联络站的接待值班记录照旧保留，今后的值班日期已取消').waitFor()
    const leftOut = people.locator(`[data-test="left-out-${leaving.code}"]`)
    await leftOut.getByText(`${leaving.name}（${leaving.code}）`, { exact: true }).waitFor()
    await people.locator('[data-test=import-deputies-left-out]').getByText('这些代表仍是在任代表，系统没有改动。').waitFor()
    const clerkRow = people.locator(`[data-test="left-out-${leavingClerk.username}"]`)
    await clerkRow.getByText(`${leavingClerk.name}（账号 ${leavingClerk.username}，联络站工作人员）`, { exact: true }).waitFor()
    await people.locator('[data-test=import-staff-left-out]').getByText('这些账号仍可登录，能看到原来负责的留言和电话。').waitFor()
    await screenshot(page, 'second-import-people')

    // Each asked in a dialog naming the person and what follows, then answered where the button was.
    await leftOut.getByRole('button', { name: '设为离任' }).click()
    const leaveAsk = page.locator('.t-dialog', { hasText: `设为离任：${leaving.name}` })
    await leaveAsk.getByText(`${leaving.name}代表（${leaving.code}）设为离任后，不再接收新留言`).waitFor()
    await leaveAsk.getByRole('button', { name: '设为离任' }).click()
    await leftOut
      .locator('[data-test=acted]')
      .getByText(/^已设为离任，/)
      .waitFor()
    await clerkRow.getByRole('button', { name: '停用账号' }).click()
    const disableAsk = page.locator('.t-dialog', { hasText: `停用账号：${leavingClerk.name}` })
    await disableAsk.getByText(`停用后，${leavingClerk.name}（账号 ${leavingClerk.username}）不能再登录，已经登录的也会退出。`).waitFor()
    await dialogShown(page)
    await screenshot(page, 'second-import-disable-asked', { window: true })
    await disableAsk.getByRole('button', { name: '停用账号' }).click()
    await clerkRow.locator('[data-test=acted]').getByText('已停用，不能再登录').waitFor()
    expect((await store.deputies.get(leaving.id))!.active).to.equal(false)
    expect((await store.staff.get(leavingClerk.id))!.active).to.equal(false)

    // The link names the real page, 名册 → 代表, where each deputy's station is a column.
    await people.locator('[data-test=to-deputies]').click()
    await page.waitForURL(/\/console\/directory\?tab=deputies/)
    await page.locator('[data-test=deputies] thead').getByText('所属联络站').waitFor()
    await page.getByPlaceholder('按姓名或代码查找').fill(moving.name)
    await page.getByRole('button', { name: '查找' }).click()
    await page
      .locator('[data-test=deputies] tbody tr')
      .filter({ hasText: moving.code })
      .locator('[data-test=deputy-stations]')
      .getByText(there.name, { exact: true })
      .waitFor()

    // 账号与角色: the new clerk has not activated yet, and her code's last day is said.
    await page.goto('/console/staff')
    await page
      .locator('[data-test=staff] tbody tr')
      .filter({ hasText: 'linxia' })
      .locator('[data-test=activation]')
      .getByText(/^待激活（激活码\d+月\d+日 (?:1?\d|2[0-3]):\d\d前有效）$/)
      .waitFor()
    await screenshot(page, 'staff-not-activated')

    // The meeting ahead: both marked, neither counted.
    await page.goto(`/console/meetings/${created.body.id}`)
    const table = page.locator('[data-test=rsvp-table]')
    await table.locator('tbody tr').filter({ hasText: moving.name }).locator('[data-test=withdrawn]').getByText(`已调到${there.name}`).waitFor()
    await table.locator('tbody tr').filter({ hasText: leaving.name }).locator('[data-test=withdrawn]').getByText('已离任').waitFor()
    await page.locator('[data-test=withdrawn-note]').getByText('另有 2 人已离任或调到别的联络站').waitFor()
    await screenshot(page, 'meeting-withdrawn-invitees')

    // 张国华, the station's clerk: posters and binding codes offer only her deputies in office; her roster keeps his past day.
    const clerk = await newPage(story.browser, app)
    await logInAs(
      clerk,
      app.login((l) => l.username === 'zhangguohua'),
    )
    await clerk.goto(`/console/posters?station=${here.id}&kind=deputies`)
    await clerk.locator('.card-name').getByText(`${staying.name} 代表`).waitFor()
    expect(await clerk.locator('.cards').innerText()).not.to.include(leaving.name)
    await clerk.goto('/console/binding-codes')
    await clerk.locator('[data-test=binding-deputies] tbody tr').filter({ hasText: staying.name }).waitFor()
    expect(await clerk.locator('[data-test=binding-deputies]').innerText()).not.to.include(leaving.name)
    await clerk.goto(`/console/deputies?station=${here.id}`)
    await clerk.locator('[data-test=past-duty]').getByText(`${moving.name}已调到${there.name}`).waitFor()
    await screenshot(clerk, 'roster-past-duty')
    expect([...page.problems, ...clerk.problems]).to.deep.equal([])
  })
})
