import { expect } from 'chai'
import { seedDemoCases } from '../../src/demo/demo-cases.js'
import { asDeputy, asResident, Client } from '../helpers/app.js'
import { logInAs, newPage, screenshot, useConsole } from './harness.js'

/**
 * 张国华, a station clerk (review 31): a duplicate she merged reads, on her list, as handled by the deputy of
 * the message it joined (F13), and the case page's 办理经过 gives the department's 文号 the deputy forwarded
 * it under (F4), which she quotes when she rings the department.
 */
describe('console: a merged message’s deputy on the list, and the department’s 文号 on the case page', function () {
  this.timeout(180_000)
  const story = useConsole()
  const clerk = () => story.app.login((l) => l.username === 'zhangguohua')

  it('lists the merged one under the deputy who handles it, and prints 文号 beside 承办部门', async () => {
    const { store, services } = story.app.liaison
    await seedDemoCases(store, services)
    const demo = (await store.cases.listForStats({})).find((c) => c.text.startsWith('光明社区3号楼前的路灯坏了'))!
    // Two of her station's deputies who have not bound the mini-program yet (this story signs one in).
    const theirs = (await store.deputies.search({ stationId: demo.stationId!, limit: 50 })).items.filter((d) => d.active)
    const free = [] as typeof theirs
    for (const d of theirs) if (!(await store.mpUsers.listByDeputyId(d.id)).length) free.push(d)
    const [first, second] = free
    const write = async (text: string, deputyCode: string) => {
      const sent = await (await asResident(story.app)).post('/api/mp/cases', { text, regionId: demo.regionId!, deputyCode })
      expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
      return sent.body as { id: string; ticket: string }
    }
    const carrier = await write('光明社区7号楼电梯维保不到位，一个月坏了三次，老人下不了楼', first.code)
    const duplicate = await write('7号楼的电梯又坏了，这个月第三次了', second.code)
    const guohua = await new Client(story.app.baseUrl).login(clerk().username, clerk().password)
    expect((await guohua.post(`/api/admin/cases/${duplicate.id}/merge`, { intoCaseId: carrier.id })).status).to.equal(200)
    const deputy = await asDeputy(story.app, first.id)
    expect((await deputy.post(`/api/mp/deputy/cases/${carrier.id}/acknowledge`, {})).status).to.equal(200)
    const forwarded = await deputy.post(`/api/mp/deputy/cases/${carrier.id}/forward`, {
      department: '澜江区住房和城乡建设局',
      reference: '澜住建〔2026〕88号',
      note: '电梯维保问题请住建局督促物业',
    })
    expect(forwarded.status, JSON.stringify(forwarded.body)).to.equal(200)

    const page = await newPage(story.browser, story.app)
    await logInAs(page, clerk(), '/cases')
    const row = page.locator('tbody tr').filter({ hasText: duplicate.ticket })
    await row.waitFor()
    expect(await row.innerText())
      .to.include(`\n${first.name}\n随 ${carrier.ticket} 办理`)
      .and.not.include(`\n${second.name}\n`)
    await screenshot(page, 'clerk-merged-deputy-on-list')

    await page.goto(`/console/cases/${carrier.id}`)
    await page.getByRole('heading', { name: `留言 ${carrier.ticket}` }).waitFor()
    await page.getByText('承办部门：澜江区住房和城乡建设局，文号：澜住建〔2026〕88号').waitFor()
    // Handed to a department, said so: 已交办 beside the deputy's name read as handed to him. The step has one name.
    await page.getByText('已转交部门', { exact: true }).first().waitFor()
    const shown = await page.locator('.shell-content').innerText()
    expect(shown).to.include('转交部门').and.not.include('已交办').and.not.include('交办部门')
    await screenshot(page, 'clerk-department-reference')
  })
})
