import { expect } from 'chai'
import { demoDirectory } from '../../src/demo/demo-city.js'
import { asDeputy, asResident, Client } from '../helpers/app.js'
import { logInAs, newPage, screenshot, useConsole } from './harness.js'

/**
 * The administrator asks 操作记录 who handed on a resident's message and who downloaded it. A
 * deputy gives a message back to his station; its staff place it with a colleague of his and
 * download the list of messages. On the page each reads as words: the staff member by name and
 * role, 分派留言 and 导出留言列表, the message by its number, to whom it went and with which
 * filters; found by the message's number, or by picking 导出留言列表 under 操作. No code, no id,
 * no JSON anywhere in the table.
 */
describe('console: 操作记录 says who did what to which message, in words', function () {
  // A real browser on a shared machine: each story gets two minutes (it usually needs under thirty seconds).
  this.timeout(120_000)
  const story = useConsole()

  it('shows a staff member placing a message and downloading the list, by name, role and message number', async () => {
    const deputy = demoDirectory().deputies![0]
    const resident = await asResident(story.app)
    const sent = await resident.post('/api/mp/cases', { text: '小区东门的窨井盖松动了，晚上有人踩空', deputyCode: deputy.code })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    const { id, ticket } = sent.body as { id: string; ticket: string }
    const back = await (await asDeputy(story.app, deputy.id)).post(`/api/mp/deputy/cases/${id}/transfer`, { reason: '请站里找熟悉市政的代表' })
    expect(back.status, JSON.stringify(back.body)).to.equal(200)

    // Staff of the station that now holds it place it with another of its deputies, and download the list.
    let staff: { login: (typeof story.app.logins)[number]; client: Client } | null = null
    for (const login of story.app.logins.filter((l) => l.role === 'station_staff')) {
      const client = await new Client(story.app.baseUrl).login(login.username, login.password)
      if ((await client.get(`/api/admin/cases/${id}`)).status === 200) staff = { login, client }
      if (staff) break
    }
    expect(staff, "staff of the deputy's station").not.to.equal(null)
    const choices = (await staff!.client.get(`/api/admin/cases/${id}/deputy-choices`)).body.items as Array<{ id: string; name: string }>
    const colleague = choices.find((c) => c.id !== deputy.id)!
    expect((await staff!.client.post(`/api/admin/cases/${id}/assign`, { deputyId: colleague.id })).status).to.equal(200)
    expect((await staff!.client.get('/api/admin/cases.csv?q=窨井盖')).status).to.equal(200)
    const who = `${staff!.login.name}（联络站工作人员）`

    const page = await newPage(story.browser, story.app)
    await logInAs(
      page,
      story.app.login((l) => l.role === 'admin'),
      '/audit',
    )
    await page.getByRole('heading', { name: '操作记录' }).waitFor()
    const table = page.locator('[data-test=audit]')
    await table.getByText('导出留言列表').first().waitFor()
    // Everything recorded so far (the demo's own set-up too), newest first.
    await screenshot(page, 'audit-words-all')
    const everything = await table.locator('.t-table__body').innerText()
    // The export's end reads as the end of it; a login's address is labelled; people counted in 位, the notice by its 版.
    expect(everything)
      .to.include('留言列表导出完成')
      .and.include('网络地址 127.0.0.1')
      .and.match(/同意隐私告知[^\n]*第 3 版/)
    expect(everything)
      .to.match(/代表 \d+ 位/)
      .and.not.match(/来自 |告知版本|\d+ 条，更新/)

    const ticketField = page.getByPlaceholder('留言编号（如 20261205-0001）')
    await ticketField.fill(ticket)
    await ticketField.press('Enter')
    await table.getByText(`交${colleague.name}代表办理`).waitFor()
    await screenshot(page, 'audit-words-message')
    const aboutIt = await table.locator('.t-table__body').innerText()
    expect(aboutIt).to.include(who).and.include('分派留言').and.include(`留言 ${ticket}`)

    await ticketField.clear()
    await page.getByPlaceholder('全部操作').click()
    await page.locator('.t-select-option', { hasText: '导出留言列表' }).filter({ visible: true }).first().click()
    await table.getByText('筛选：查找“窨井盖”').waitFor()
    await screenshot(page, 'audit-words-export')
    const exports = await table.locator('.t-table__body').innerText()
    expect(exports).to.include(who).and.include('导出留言列表').and.include('留言列表')

    for (const shown of [everything, aboutIt, exports]) {
      expect(shown, 'no action code').not.to.match(/\b[a-z_]+\.[a-z_]+/)
      expect(shown, 'no id of a person or a record')
        .not.to.include(staff!.login.username)
        .and.not.include(id)
        .and.not.match(/\b(?:sf|mu|sv|dp)-?[0-9a-f]/)
      expect(shown, 'no JSON').not.to.match(/[{}"]/)
    }
    expect(page.problems).to.deep.equal([])
  })
})
