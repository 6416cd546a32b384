import { expect } from 'chai'
import { DIGEST_JOB } from '../../src/jobs/digest-job.js'
import { asDeputy, asResident, startApp, type TestApp } from '../helpers/app.js'
import { caseCity } from '../fixtures.js'

/**
 * 张伟's 每日摘要 on a Friday morning. One message of four weeks ago waits for his answer past its deadline: 答复已超期,
 * as 待办 and his mini-program say it (the answer's deadline). One of Monday he has not acknowledged: its 受理 day went
 * by on Tuesday, its answer is not due for weeks. The digest counts the first as 答复已超期 and says the second apart,
 * in its own words (已过受理期限), never as 超期 too: in its title, its card line, its heading and under each message.
 * Messages are counted in 条, as his chat and his 履职档案 count them. Under each, how many days late, the same words his
 * mini-program's workbench shows that morning ("已过受理期限 3 天"), not "受理期限已过" beside them.
 */
describe('the daily digest says a late acknowledgement apart from 答复已超期', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
  })
  afterEach(() => app.close())

  const write = async (text: string) => {
    const sent = await (await asResident(app)).post('/api/mp/cases', { text, regionId: 'c010101', deputyCode: 'DP0001' })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    return sent.body as { id: string; ticket: string }
  }
  const job = () => app.liaison.jobs.find((j) => j.name === DIGEST_JOB)!.run() as Promise<{ made: number }>
  const digestOf = async (deputyId: string) => {
    const sent = (await app.liaison.store.outbox.search({ limit: 50, kind: 'digest' })).items.find((m) => m.recipientId === deputyId)
    return sent?.payload as { title: string; text: string; cardText: string }
  }

  it('答复已超期 1 条 and 已过受理期限 1 条, each message under its own words', async () => {
    app.clock.set(new Date('2026-10-26T02:00:00Z')) // Monday four weeks before, 10:00 in Asia/Shanghai
    await write('小区门口的路灯坏了两个星期，晚上老人出门看不见')
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00: to be acknowledged by Tuesday 10:00
    await write('建设路菜市场门口污水横流')
    app.clock.set(new Date('2026-11-27T00:15:00Z')) // Friday 08:15, after the digest's time
    await job()

    const digest = await digestOf('dp0001')
    expect(digest.title).to.equal('每日摘要：1 条留言答复已超期')
    expect(digest.cardText).to.equal('留言2条（超期1，过受理期限1）')
    const lines = digest.text.split('\n')
    expect(lines).to.include('【待办留言 2 条，其中答复已超期 1 条，已过受理期限 1 条】')
    const under = (words: string) => lines[lines.findIndex((l) => l.includes(words)) + 1]
    expect(under('小区门口的路灯坏了'), 'never acknowledged, and its answer is late').to.equal('   答复已超期 11 天，请尽快受理并答复')
    expect(under('建设路菜市场门口'), 'only its 受理 is late').to.equal('   已过受理期限 3 天，请尽快受理')

    // His workbench the same morning says each the same way, with the same days.
    const workbench = (await (await asDeputy(app, 'dp0001')).get('/api/mp/tasks')).body.cases as Array<{ excerpt: string; due: { words: string } }>
    const onPage = (words: string) => workbench.find((t) => t.excerpt.includes(words))!.due.words
    expect(onPage('小区门口的路灯坏了')).to.equal('答复已超期 11 天')
    expect(onPage('建设路菜市场门口')).to.equal('已过受理期限 3 天')
  })

  it('only a late acknowledgement: no 超期 anywhere, its own words in the title', async () => {
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
    await write('建设路菜市场门口污水横流')
    app.clock.set(new Date('2026-11-27T00:15:00Z'))
    await job()

    const digest = await digestOf('dp0001')
    expect(digest.title).to.equal('每日摘要：1 条留言已过受理期限')
    expect(digest.cardText).to.equal('留言1条（过受理期限1），点开查看')
    expect(digest.text).to.include('【待办留言 1 条，其中已过受理期限 1 条】').and.not.include('超期')
  })
})
