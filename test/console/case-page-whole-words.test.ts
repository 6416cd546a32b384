import { expect } from 'chai'
import { demoDirectory } from '../../src/demo/demo-city.js'
import { asDeputy, asResident, Client } from '../helpers/app.js'
import { logInAs, newPage, screenshot, useConsole } from './harness.js'

const HERS = '小区东门的窨井盖松动了，晚上有人踩空，我电话13912345678'
const NEIGHBOUR = '东门井盖晃得厉害，我是3楼的，电话13800001111'
const REASON = '还是松的，白天打0571-87654321也行'

/**
 * The station's clerk opens a message whose writer put her number in her words, with a neighbour's message (his number
 * in it too) merged into it and her 重新办理 reason on the timeline. The page shows every number masked, as the deputy's
 * page does; 查看完整原文 shows them whole and says the read is recorded; the administrator finds it on 操作记录, in words:
 * who read which message whole. Her contact phone stays masked.
 */
describe('console: the case page masks the numbers residents wrote; 查看完整原文 shows them and is recorded', function () {
  // A real browser on a shared machine: each story gets two minutes (it usually needs under thirty seconds).
  this.timeout(120_000)
  const story = useConsole()

  it('masks her words, the duplicate and her reason; the button shows them whole; 操作记录 says who read them', async () => {
    const deputy = demoDirectory().deputies![0]
    const resident = await asResident(story.app)
    const sent = await resident.post('/api/mp/cases', { text: HERS, deputyCode: deputy.code })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    const { id, ticket } = sent.body as { id: string; ticket: string }
    const other = await (await asResident(story.app)).post('/api/mp/cases', { text: NEIGHBOUR, deputyCode: deputy.code })
    expect(other.status, JSON.stringify(other.body)).to.equal(201)

    // The clerk of the station holding it: merges the neighbour's message into hers.
    let clerk: { login: (typeof story.app.logins)[number]; client: Client } | null = null
    for (const login of story.app.logins.filter((l) => l.role === 'station_staff')) {
      const client = await new Client(story.app.baseUrl).login(login.username, login.password)
      if ((await client.get(`/api/admin/cases/${id}`)).status === 200) clerk = { login, client }
      if (clerk) break
    }
    expect(clerk, "staff of the deputy's station").not.to.equal(null)
    const merged = await clerk!.client.post(`/api/admin/cases/${other.body.id}/merge`, { intoCaseId: id })
    expect(merged.status, JSON.stringify(merged.body)).to.equal(200)
    const zhang = await asDeputy(story.app, deputy.id)
    expect((await zhang.post(`/api/mp/deputy/cases/${id}/reply`, { text: '已请物业今天把井盖固定好了' })).status).to.equal(200)
    expect((await resident.post(`/api/mp/cases/${id}/rate`, { rating: 1 })).status).to.equal(200)
    const reopened = await resident.post(`/api/mp/cases/${id}/reopen`, { reason: REASON })
    expect(reopened.status, JSON.stringify(reopened.body)).to.equal(200)

    const page = await newPage(story.browser, story.app)
    await logInAs(page, clerk!.login, `/cases/${id}`)
    await page.getByRole('heading', { name: `留言 ${ticket}` }).waitFor()
    const text = page.getByTestId('case-text')
    const duplicates = page.getByRole('list', { name: '合并到本条的重复留言（1 条）' })
    const timeline = page.locator('[aria-label=办理经过]')
    expect(await text.innerText()).to.equal('小区东门的窨井盖松动了，晚上有人踩空，我电话（已隐去）')
    expect(await duplicates.innerText()).to.include('东门井盖晃得厉害，我是3楼的，电话（已隐去）')
    expect(await timeline.innerText()).to.include('还是松的，白天打（已隐去）也行')
    expect(await page.getByTestId('whole-words').innerText()).to.include('群众写的电话等号码已隐去')
    const before = await page.locator('body').innerText()
    expect(before).not.to.include('13912345678').and.not.to.include('13800001111').and.not.to.include('87654321')

    await screenshot(page, 'case-page-words-masked')
    await page.getByRole('button', { name: '查看完整原文' }).click()
    await page.getByText('已显示群众写的完整原文（含电话等号码），这次查看已记入操作记录').waitFor()
    expect(await text.innerText()).to.equal(HERS)
    expect(await duplicates.innerText()).to.include(NEIGHBOUR)
    expect(await timeline.innerText()).to.include(REASON)
    await screenshot(page, 'case-page-whole-words')

    await page.getByRole('button', { name: '隐去号码' }).click()
    await page.getByRole('button', { name: '查看完整原文' }).waitFor()
    expect(await text.innerText()).to.equal('小区东门的窨井盖松动了，晚上有人踩空，我电话（已隐去）')
    expect(page.problems).to.deep.equal([])

    const admin = await newPage(story.browser, story.app)
    await logInAs(
      admin,
      story.app.login((l) => l.role === 'admin'),
      '/audit',
    )
    await admin.getByRole('heading', { name: '操作记录' }).waitFor()
    const ticketField = admin.getByPlaceholder('留言编号（如 20261205-0001）')
    await ticketField.fill(ticket)
    await ticketField.press('Enter')
    // Her message's line: the read of the duplicate with it has a line of its own, under the duplicate's number.
    const read = admin.locator('[data-test=audit] tr', { hasText: '查看留言完整原文' }).filter({ hasText: '群众写的原话，号码未隐去' })
    await read.waitFor()
    await screenshot(admin, 'case-page-whole-words-audit')
    expect(await read.innerText())
      .to.include(`${clerk!.login.name}（联络站工作人员）`)
      .and.include(`留言 ${ticket}`)
    expect(admin.problems).to.deep.equal([])
  })
})
