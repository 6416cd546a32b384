import { expect } from 'chai'
import { asResident } from '../helpers/app.js'
import { dialogShown, dialogsClosed, logInAs, newPage, screenshot, useConsole } from './harness.js'

const DAY = 86_400_000

// 光明社区's broken lift: three families write to 刘淑华 and two to 朱丽华 of 建设路街道代表联络站, one to 梁志华.
const lift = [
  { text: '光明社区3号楼电梯又坏了，老人上不去楼，请尽快修电梯', deputyCode: 'DP0039' },
  { text: '光明社区3号楼的电梯坏了一个星期了，没人来修，老人上下楼太难了', deputyCode: 'DP0010' },
  { text: '光明社区3号楼电梯坏了好几天，老人腿脚不便上不去楼', deputyCode: 'DP0039' },
  { text: '3号楼电梯又坏了！老人上不去楼，求求代表帮忙催一下修电梯', deputyCode: 'DP0010' },
  { text: '光明社区3号楼电梯坏了没人修，老人只能在楼下等，太难了', deputyCode: 'DP0039' },
  // Written to 梁志华 of 和平社区代表联络站 by his poster's QR code: the same lift, another station.
  { text: '光明社区3号楼电梯又坏了，老人上不去楼，请代表帮忙催修', deputyCode: 'DP0011' },
]

/**
 * 陈明亮 of 澜江区's congress office opens the broken lift of 光明社区 from 热点问题: six messages, a week old, with
 * 刘淑华 and 朱丽华 of 建设路街道代表联络站 and 梁志华 of 和平社区代表联络站. 一起催办 says first what it will do
 * (6 messages, 3 deputies, each told once, none reachable but by phone) and then what it did; each deputy gets one
 * notice. 合并办理 lists the messages by station and says why 梁志华's is not merged with the others; she keeps the
 * first, the dialog says the other four go into it for 刘淑华 to answer, and the page then says they did.
 */
describe('console: a hot issue handled as one (一起催办, 合并办理)', function () {
  // A real browser on a shared machine: each story gets two minutes (it usually needs under thirty seconds).
  this.timeout(180_000)
  const story = useConsole()

  it('urges its six messages with one notice per deputy, then merges four of one station into the one she keeps, saying each before and after', async () => {
    const { app } = story
    const sent: Array<{ id: string; ticket: string }> = []
    for (const m of lift) {
      const answer = await (await asResident(app)).post('/api/mp/cases', { ...m, regionId: 'c010101' })
      expect(answer.status, JSON.stringify(answer.body)).to.equal(201)
      sent.push(answer.body as { id: string; ticket: string })
      app.clock.advance(60_000)
    }
    app.clock.advance(7 * DAY) // a week on: every deadline to acknowledge has passed

    const page = await newPage(story.browser, app)
    await logInAs(
      page,
      app.login((l) => l.username === 'chenmingliang'),
      '/analysis/hot-issues',
    )
    const issue = page.getByTestId('hot-issue').filter({ hasText: '电梯' })
    await issue.getByRole('button', { name: '在留言列表中查看' }).click()
    await page.getByTestId('issue-banner').getByText('中的 6 条留言').waitFor()

    // ——— 一起催办: what it will do, then what it did ———
    const actions = page.getByTestId('issue-actions')
    await actions.getByRole('button', { name: '一起催办' }).click()
    const urgeDialog = page.locator('.t-dialog').filter({ hasText: '一起催办「' })
    const plan = urgeDialog.getByTestId('urge-plan')
    await plan.getByText('将催办 6 条留言，涉及 3 位代表，都未按时受理。').waitFor()
    expect(await plan.innerText())
      .to.include('刘淑华代表 3 条、朱丽华代表 2 条、梁志华代表 1 条')
      .and.include('给每位代表只发一条催办通知，写明这位代表有几条留言要尽快办理；每条留言的办理经过里都会记下这次催办。')
      .and.include('刘淑华代表、朱丽华代表、梁志华代表收不到提醒，催办只会记在办理经过里，请电话联系。')
    await urgeDialog.getByPlaceholder(/附言（可不填）/).fill('电梯的事群众反映很多，请本周内答复')
    await dialogShown(page)
    await screenshot(page, 'hot-issue-urge-confirm', { window: true })
    await urgeDialog.getByRole('button', { name: '确认催办' }).click()
    const result = page.getByTestId('issue-result')
    await result.getByText('已催办 6 条留言，涉及 3 位代表，都未按时受理。').waitFor()
    expect(await result.innerText()).to.include('催办了：刘淑华代表 3 条、朱丽华代表 2 条、梁志华代表 1 条')
    await dialogsClosed(page)
    await screenshot(page, 'hot-issue-urged')

    const notices = (await app.liaison.store.outbox.search({ limit: 50, kind: 'case.urged' })).items
    expect(notices.map((m) => m.recipientId).sort()).to.deep.equal(['dp0010', 'dp0011', 'dp0039'])
    const toLiu = notices.find((m) => m.recipientId === 'dp0039')!.payload.text as string
    const [head, ...rest] = toLiu.split('\n')
    expect(head).to.match(/^催办：刘淑华代表，工作人员陈明亮催办您的 3 条留言.*，都已过受理期限，请尽快办理：$/)
    // A line a message: its number as she writes it, her first words, and that it is late, with its days as her 待办 says it.
    expect(rest.map((l) => l.split(' ')[0])).to.deep.equal([
      ...[sent[0], sent[2], sent[4]].map((c) => c.ticket.slice(-4)),
      '附言：电梯的事群众反映很多，请本周内答复',
    ])
    expect(
      rest.slice(0, 3).every((l) => /（(?:今天已过受理期限|已过受理期限 \d+ 天)）$/.test(l)),
      rest.join('\n'),
    ).to.equal(true)

    // ——— 合并办理: she keeps the first; the dialog says what goes into it, the page what went ———
    await actions.getByRole('button', { name: '合并办理' }).click()
    const mergeDialog = page.locator('.t-dialog').filter({ hasText: '合并办理「' })
    const groups = mergeDialog.getByTestId('merge-groups')
    await groups.getByText('建设路街道代表联络站（5 条）').waitFor()
    // 梁志华's message is another station's: listed apart, not to be merged with these, and the dialog says why.
    expect(await groups.innerText())
      .to.include('和平社区代表联络站（1 条）')
      .and.include('这个联络站只有这 1 条，不用合并。')
    expect(await groups.getByTestId('stations-note').innerText())
      .to.include('这些留言由 2 个联络站办理（建设路街道代表联络站、和平社区代表联络站）')
      .and.include('这里只合并同一个联络站的留言：并入的留言会交给保留那条留言的联络站和代表答复，原来的联络站就不再办理它。')
    await groups.locator('.t-radio').filter({ hasText: sent[0].ticket }).click()
    const mergePlan = mergeDialog.getByTestId('merge-plan')
    await mergePlan
      .getByText(
        `将把 4 条留言（${sent[1].ticket}、${sent[2].ticket}、${sent[3].ticket}、${sent[4].ticket}）并入留言 ${sent[0].ticket}，由刘淑华代表一起答复。`,
      )
      .waitFor()
    expect(await mergePlan.innerText()).to.include('朱丽华代表的 2 条留言并入后不用再单独办理，会通知朱丽华代表。')
    await dialogShown(page)
    await screenshot(page, 'hot-issue-merge-confirm', { window: true })
    await mergeDialog.getByRole('button', { name: '确认合并' }).click()
    await result.getByText(`已合并 4 条留言，并入留言 ${sent[0].ticket}，由刘淑华代表一起答复。`).waitFor()
    await dialogsClosed(page)
    // The list read again: the four now read 已合并办理.
    await page.waitForFunction(() => document.querySelectorAll('tbody .t-tag').length > 0 && document.body.innerText.split('已合并办理').length - 1 >= 4)
    await screenshot(page, 'hot-issue-merged')
    for (const m of sent.slice(1, 5)) expect((await app.liaison.store.cases.get(m.id))!.mergedInto, m.ticket).to.equal(sent[0].id)
    expect((await app.liaison.store.cases.get(sent[5].id))!.mergedInto, 'the other station’s stays its own').to.equal(null)
    expect(page.problems).to.deep.equal([])
  })
})
