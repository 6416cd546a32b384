import { expect } from 'chai'
import { asResident, Client } from '../helpers/app.js'
import { dialogShown, logInAs, newPage, useConsole } from './harness.js'

const DAY = 86_400_000

// 光明社区's broken lift: three families write to 刘淑华 and two to 朱丽华 of 建设路街道代表联络站, one to 梁志华.
const lift = [
  { text: '光明社区3号楼电梯又坏了，老人上不去楼，请尽快修电梯', deputyCode: 'DP0039' },
  { text: '光明社区3号楼的电梯坏了一个星期了，没人来修，老人上下楼太难了', deputyCode: 'DP0010' },
  { text: '光明社区3号楼电梯坏了好几天，老人腿脚不便上不去楼', deputyCode: 'DP0039' },
  { text: '3号楼电梯又坏了！老人上不去楼，求求代表帮忙催一下修电梯', deputyCode: 'DP0010' },
  { text: '光明社区3号楼电梯坏了没人修，老人只能在楼下等，太难了', deputyCode: 'DP0039' },
  { text: '光明社区3号楼电梯又坏了，老人上不去楼，请代表帮忙催修', deputyCode: 'DP0011' },
]

/**
 * 陈明亮 opens 一起催办 for the broken lift of 光明社区 and reads the plan: 刘淑华 3, 朱丽华 2, 梁志华 1. Before she
 * confirms, a colleague gives one of 刘淑华's to 朱丽华. She confirms what she read: the moved one is not urged (刘淑华
 * no longer has it; 朱丽华 was shown 2, not 3), and the page says so in words.
 */
describe('console: 一起催办 leaves out a message given to another deputy after she read the plan', function () {
  this.timeout(180_000)
  const story = useConsole()

  it('urges the others and says one was given to another deputy after she looked', async () => {
    const { app } = story
    const sent: Array<{ id: string; ticket: string }> = []
    for (const m of lift) {
      const answer = await (await asResident(app)).post('/api/mp/cases', { ...m, regionId: 'c010101' })
      expect(answer.status, JSON.stringify(answer.body)).to.equal(201)
      sent.push(answer.body as { id: string; ticket: string })
      app.clock.advance(60_000)
    }
    app.clock.advance(7 * DAY)

    const organizer = app.login((l) => l.username === 'chenmingliang')
    const page = await newPage(story.browser, app)
    await logInAs(page, organizer, '/analysis/hot-issues')
    await page.getByTestId('hot-issue').filter({ hasText: '电梯' }).getByRole('button', { name: '在留言列表中查看' }).click()
    await page.getByTestId('issue-banner').getByText('中的 6 条留言').waitFor()
    await page.getByTestId('issue-actions').getByRole('button', { name: '一起催办' }).click()
    const urgeDialog = page.locator('.t-dialog').filter({ hasText: '一起催办「' })
    await urgeDialog.getByTestId('urge-plan').getByText('刘淑华代表 3 条、朱丽华代表 2 条、梁志华代表 1 条').waitFor()
    await dialogShown(page)

    // Meanwhile a colleague gives 刘淑华's first to 朱丽华.
    const colleague = await new Client(app.baseUrl).login(organizer.username, organizer.password)
    const moved = await colleague.post(`/api/admin/cases/${sent[0].id}/assign`, { deputyId: 'dp0010', fromDeputyId: 'dp0039' })
    expect(moved.status, JSON.stringify(moved.body)).to.equal(200)

    await urgeDialog.getByRole('button', { name: '确认催办' }).click()
    const result = page.getByTestId('issue-result')
    await result.getByText('已催办 5 条留言，涉及 3 位代表，都未按时受理。').waitFor()
    expect(await result.innerText())
      .to.include('刘淑华代表 2 条')
      .and.include('朱丽华代表 2 条')
      .and.include('梁志华代表 1 条')
      .and.include('其中 1 条在您看过之后交给了别的代表办理，未催办，请重新点“一起催办”看过再催。')

    const notices = (await app.liaison.store.outbox.search({ limit: 50, kind: 'case.urged' })).items
    const toZhu = notices.find((m) => m.recipientId === 'dp0010')!.payload.text as string
    expect(toZhu, '朱丽华 is urged about the two the plan showed her holding')
      .to.include('催办您的 2 条留言')
      .and.not.include(sent[0].ticket.slice(-4) + ' ')
    const toLiu = notices.find((m) => m.recipientId === 'dp0039')!.payload.text as string
    expect(toLiu, '刘淑华 is not urged about the one she no longer has')
      .to.include('催办您的 2 条留言')
      .and.not.include(sent[0].ticket.slice(-4) + ' ')
  })
})
