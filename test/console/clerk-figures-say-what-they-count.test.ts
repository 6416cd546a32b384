import { expect } from 'chai'
import { asResident, Client } from '../helpers/app.js'
import { logInAs, newPage, screenshot, useConsole } from './harness.js'

/**
 * Review 37 § 10, in the browser: 张国华 merges a neighbour's message about the same lift into the first one. Her
 * 工作概览 then says under 各位代表的办理情况 that the merged message is not in its rows (the weekly bars count it), and
 * 统计分析 no longer says it "没有交给代表就已结束": it was given to a deputy; it is handled with the one it joined.
 */
describe('console: the clerk’s figures say what they count when a message was merged', function () {
  this.timeout(180_000)
  const story = useConsole()
  const clerk = () => story.app.login((l) => l.username === 'zhangguohua')

  it('says the merged message under 按代表 and words 统计分析’s line truly', async () => {
    const write = async (text: string) => {
      const sent = await (await asResident(story.app)).post('/api/mp/cases', { text, regionId: 'c010101' })
      expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
      return sent.body as { id: string; ticket: string }
    }
    const kept = await write('光明社区5号楼的电梯坏了两个星期，我住六楼，七十八岁了下不了楼')
    const dup = await write('光明社区5号楼电梯停运，物业不管')
    const api = await new Client(story.app.baseUrl).login(clerk().username, clerk().password)
    expect((await api.get(`/api/admin/cases/${dup.id}`)).body.handledBy.deputy, 'given to a deputy first').to.be.a('string')
    expect((await api.post(`/api/admin/cases/${dup.id}/merge`, { intoCaseId: kept.id })).status).to.equal(200)
    const merged = (await api.get('/api/admin/dashboard/cases')).body.mergedAside
    expect(merged.text).to.match(/^另有 \d+ 条已并入其他留言、随那条留言办理：同一个问题只算那一条，上面不再单列；“每周收到的留言”把它们也算在内。$/)

    const page = await newPage(story.browser, story.app)
    await logInAs(page, clerk(), '/dashboard')
    const aside = page.getByTestId('merged-aside')
    expect(await aside.innerText()).to.equal(merged.text)
    await aside.scrollIntoViewIfNeeded()
    await screenshot(page, 'dashboard-merged-aside')

    await page.goto('/console/stats')
    const rest = page.getByTestId('stats-rest')
    await rest.waitFor()
    const line = await rest.innerText()
    expect(line).to.match(/^另有 \d+ 条不在上面的代表名下：(.*；)?\d+ 条已结束（不予受理或撤回的，以及并入其他留言、随那条留言办理的）。/)
    expect(line).not.to.include('没有交给代表就已结束')
    await screenshot(page, 'stats-rest-merged')
    expect(page.problems).to.deep.equal([])
  })
})
