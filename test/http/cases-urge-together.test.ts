import { randomUUID } from 'node:crypto'
import { expect } from 'chai'
import { asDeputy, asResident, startApp, type Client, type TestApp } from '../helpers/app.js'
import { asStaff, meetingCity } from '../helpers/meetings.js'
import { messageContent } from '../../src/services/delivery/content.js'

const HOUR = 3_600_000

interface Sent {
  id: string
  ticket: string
}

/**
 * 一起催办 of a hot issue: the broken lift of 建设路社区 reaches 湛河区's office in seven messages. Three wait on 张伟
 * (one of them acknowledged), two on 王芳 (one she has answered), one on 李强; and one, about the same lift but written
 * from 新华区, waits on 新华区's 陈静. 孙丽 of 湛河区's office reads first what 一起催办 would do, then urges: each of
 * her messages in a deputy's hands gets its 催办 step; 张伟 gets one notice naming his three, not three; 王芳 and 李强,
 * with one each, the usual notice; 新华区's message and 陈静 are left alone and counted as not hers.
 */
describe('一起催办: a hot issue’s open messages urged at once, one notice per deputy', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: meetingCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
  })
  afterEach(() => app.close())

  async function write(text: string, deputyCode: string, regionId = 'c010101'): Promise<Sent> {
    const sent = await (await asResident(app)).post('/api/mp/cases', { text, regionId, deputyCode })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    return sent.body as Sent
  }
  const urgedNotices = async () => (await app.liaison.store.outbox.search({ limit: 100, kind: 'case.urged' })).items
  const stepsOf = async (ids: string[]) => Promise.all(ids.map(async (id) => (await app.liaison.store.cases.events(id)).length))

  /** The seven messages, then a day and two hours on (Tuesday 12:00): a day to acknowledge has passed. */
  async function liftIssue() {
    const a1 = await write('建设路社区3号楼电梯又坏了，老人上不去楼，请尽快修电梯', 'DP0001')
    const a2 = await write('建设路社区3号楼的电梯坏了一个星期了，没人来修', 'DP0001')
    const a3 = await write('3号楼电梯坏了好几天，老人腿脚不便上不去楼', 'DP0001')
    const b1 = await write('3号楼电梯又坏了，求代表帮忙催一下修电梯', 'DP0002')
    const b2 = await write('3号楼电梯坏了没人修，老人只能在楼下等', 'DP0002')
    const c1 = await write('建设路社区电梯坏了，老人上下楼太难了', 'DP0003')
    const x1 = await write('3号楼电梯坏了好几天了，请代表催一下', 'DP0006', 'c020101')
    app.clock.advance(26 * HOUR)
    // 张伟 has acknowledged his third (its answer is due in weeks); 王芳 has answered her second.
    const zhang = await asDeputy(app, 'dp0001')
    expect((await zhang.post(`/api/mp/deputy/cases/${a3.id}/acknowledge`, {})).status).to.equal(200)
    const wang = await asDeputy(app, 'dp0002')
    expect((await wang.post(`/api/mp/deputy/cases/${b2.id}/acknowledge`, {})).status).to.equal(200)
    expect((await wang.post(`/api/mp/deputy/cases/${b2.id}/reply`, { text: '已联系物业，电梯本周修好' })).status).to.equal(200)
    return { a1, a2, a3, b1, b2, c1, x1, zhang, ids: [a1, a2, a3, b1, b2, c1, x1].map((c) => c.id) }
  }

  it('says first what it will do, then urges hers: one notice per deputy naming how many, each timeline a 催办 step', async () => {
    const { a1, a2, a3, b1, b2, c1, x1, zhang, ids } = await liftIssue()
    const sunli = await asStaff(app, 'sunli')
    const topic = (await sunli.get(`/api/admin/cases/${a1.id}`)).body.topic as string
    const before = await stepsOf(ids)

    const preview = await sunli.get(`/api/admin/cases-together/urge?ids=${ids.join(',')}`)
    expect(preview.status, JSON.stringify(preview.body)).to.equal(200)
    expect(preview.body).to.deep.include({
      urged: 5,
      deputyCount: 3,
      text: '将催办 5 条留言，涉及 3 位代表，其中 4 条未按时受理。',
      deputiesText: '张伟代表 3 条、王芳代表 1 条、李强代表 1 条',
      howText: '给每位代表只发一条催办通知，写明这位代表有几条留言要尽快办理；每条留言的办理经过里都会记下这次催办。',
    })
    expect(preview.body.skipped).to.deep.equal(['其中 1 条不归您管，不会催办。', '1 条已经答复或办结，不用催办。'])
    // No channel reaches these deputies here (no mini-program reminders, no bot): said before, so she phones them.
    expect(preview.body.reachNote).to.equal('张伟代表、王芳代表、李强代表收不到提醒，催办只会记在办理经过里，请电话联系。')
    expect(await urgedNotices(), 'reading what it would do sends nothing').to.have.length(0)
    expect(await stepsOf(ids), 'and writes nothing').to.deep.equal(before)

    const urged = await sunli.post('/api/admin/cases-together/urge', { ids, note: '电梯的事群众反映很多，请本周内答复' })
    expect(urged.status, JSON.stringify(urged.body)).to.equal(200)
    expect(urged.body.text).to.equal('已催办 5 条留言，涉及 3 位代表，其中 4 条未按时受理。')
    expect(urged.body.skipped).to.deep.equal(['其中 1 条不归您管，未催办。', '1 条已经答复或办结，不用催办。'])

    // One notice per deputy: 张伟's names his three; 王芳's and 李强's are the single 催办's.
    const notices = await urgedNotices()
    expect(notices.map((m) => `${m.recipientKind}:${m.recipientId}`)).to.have.members(['deputy:dp0001', 'deputy:dp0002', 'deputy:dp0003'])
    const to = (id: string) => notices.find((m) => m.recipientId === id)!
    expect(to('dp0001').payload.text).to.equal(
      [
        `催办：张伟代表，工作人员孙丽催办您的 3 条留言（${topic}），其中 2 条已过受理期限，请尽快办理：`,
        `${a1.ticket.slice(-4)} 建设路社区3号楼电梯又坏了…（今天已过受理期限）`,
        `${a2.ticket.slice(-4)} 建设路社区3号楼的电梯坏了一个星期了…（今天已过受理期限）`,
        `${a3.ticket.slice(-4)} 3号楼电梯坏了好几天…`,
        '附言：电梯的事群众反映很多，请本周内答复',
      ].join('\n'),
    )
    // His card opens his 待办, which lists all three, not one message's page.
    expect(messageContent(to('dp0001'), {}, 'Asia/Shanghai').link.subject).to.equal('workbench')
    expect(to('dp0002').payload.text).to.equal(
      `催办：王芳代表，工作人员孙丽催办留言 ${b1.ticket}（${topic}）：今天已过受理期限，请尽快办理。附言：电梯的事群众反映很多，请本周内答复`,
    )
    expect(to('dp0003').payload.text).to.equal(
      `催办：李强代表，工作人员孙丽催办留言 ${c1.ticket}（${topic}）：今天已过受理期限，请尽快办理。附言：电梯的事群众反映很多，请本周内答复`,
    )

    // Each urged message's timeline has the step with her note; 王芳's answered one and 新华区's have nothing new.
    for (const c of [a1, a2, a3, b1, c1]) {
      const page = (await sunli.get(`/api/admin/cases/${c.id}`)).body
      expect(page.timeline.at(-1), c.ticket).to.deep.include({ type: 'urged', label: '催办', note: '电梯的事群众反映很多，请本周内答复' })
    }
    const after = await stepsOf(ids)
    expect(after[ids.indexOf(b2.id)], 'the answered one').to.equal(before[ids.indexOf(b2.id)])
    expect(after[ids.indexOf(x1.id)], '新华区’s message').to.equal(before[ids.indexOf(x1.id)])
    const tasks = (await zhang.get('/api/mp/tasks')).body.cases as Array<{ id: string; urgedText: string | null }>
    expect(tasks.filter((t) => t.urgedText === '工作人员在催').map((t) => t.id)).to.have.members([a1.id, a2.id, a3.id])
    const audited = (await app.liaison.services.audit.list({ action: 'case.urged', limit: 50 })).items
    expect(audited.map((e) => e.targetId)).to.have.members([a1.id, a2.id, a3.id, b1.id, c1.id])

    // Pressed again the same day: nothing more, and she is told why.
    app.clock.advance(HOUR)
    const again = await (await asStaff(app, 'sunli')).post('/api/admin/cases-together/urge', { ids })
    expect(again.status).to.equal(200)
    expect(again.body.text).to.equal('没有催办任何留言。')
    expect(again.body.skipped).to.deep.equal(['1 条不归您管，未催办。', '1 条已经答复或办结，不用催办。', '5 条今天已经催办过，同一位代表每天只能催办一次。'])
    expect(await urgedNotices()).to.have.length(3)
    expect(await stepsOf(ids)).to.deep.equal(after)
  })

  it('新华区’s office urges only its own message of the same issue, and 孙丽’s are counted as not hers', async () => {
    const { x1, ids } = await liftIssue()
    const qianqi = await asStaff(app, 'qianqi')
    const urged = await qianqi.post('/api/admin/cases-together/urge', { ids })
    expect(urged.status, JSON.stringify(urged.body)).to.equal(200)
    expect(urged.body.text).to.equal('已催办 1 条留言，涉及 1 位代表，都未按时受理。')
    expect(urged.body.skipped).to.deep.equal(['其中 6 条不归您管，未催办。'])
    const notices = await urgedNotices()
    expect(notices.map((m) => m.recipientId)).to.deep.equal(['dp0006'])
    expect(notices[0].payload.caseId).to.equal(x1.id)
  })

  it('refuses bad input in the usual error body and changes nothing', async () => {
    const { ids } = await liftIssue()
    const sunli = await asStaff(app, 'sunli')
    const before = await stepsOf(ids)
    const refused = async (answer: Promise<{ status: number; body: any }>, status: number, message?: string) => {
      const { status: got, body } = await answer
      expect(got, JSON.stringify(body)).to.equal(status)
      expect(body.error.code).to.be.a('string')
      if (message) expect(body.error.message).to.equal(message)
    }
    await refused(sunli.post('/api/admin/cases-together/urge', { ids: [] }), 400)
    await refused(sunli.post('/api/admin/cases-together/urge', {}), 400)
    await refused(sunli.post('/api/admin/cases-together/urge', { ids: ['20261123-0001'] }), 400)
    await refused(sunli.post('/api/admin/cases-together/urge', { ids, note: '请'.repeat(501) }), 400)
    await refused(sunli.post('/api/admin/cases-together/urge', { ids, deputyId: 'dp0001' }), 400)
    // In a body a whole hot issue may come (up to 2,000); in an address no more than 200.
    const tooMany = [...ids, ...Array.from({ length: 2000 }, () => `cs-${randomUUID()}`)]
    await refused(sunli.post('/api/admin/cases-together/urge', { ids: tooMany }), 422, '一次最多催办 2000 条留言，请分几次催办')
    await refused(sunli.get(`/api/admin/cases-together/urge?ids=${tooMany.slice(0, 201).join(',')}`), 422, '一次最多催办 200 条留言，请分几次催办')
    await refused(sunli.get('/api/admin/cases-together/urge'), 400)
    await refused(sunli.get('/api/admin/cases-together/urge?ids=abc'), 400)
    const stranger = (await asResident(app)) as Client
    await refused(stranger.post('/api/admin/cases-together/urge', { ids }), 401)
    expect(await urgedNotices()).to.have.length(0)
    expect(await stepsOf(ids)).to.deep.equal(before)
  })

  it('合并办理 lists her open messages of the issue by station, says why other stations’ are not merged with them, and who is left out', async () => {
    const { a1, a3, b2, ids } = await liftIssue()
    const g1 = await write('光明社区3号楼电梯也坏了，老人上不去楼', 'DP0005', 'c010102')
    const sunli = await asStaff(app, 'sunli')
    const found = await sunli.get(`/api/admin/cases-together/merge?ids=${[...ids, g1.id].join(',')}`)
    expect(found.status, JSON.stringify(found.body)).to.equal(200)
    const { groups, stationsNote, skipped } = found.body as {
      groups: Array<{ name: string; items: Array<{ id: string; keepRefusal: string | null; joinRefusal: string | null }> }>
      stationsNote: string | null
      skipped: string[]
    }
    expect(groups.map((g) => [g.name, g.items.length])).to.deep.equal([
      ['轻工街道代表联络站', 6],
      ['光明社区代表联络点', 1],
    ])
    const item = (id: string) => groups[0].items.find((i) => i.id === id)!
    expect(item(a1.id)).to.deep.include({ keepRefusal: null, joinRefusal: null })
    expect(item(a3.id), 'acknowledged: may go in, may be kept').to.deep.include({ keepRefusal: null, joinRefusal: null })
    expect(item(b2.id).keepRefusal).to.equal(`留言 ${b2.ticket} 已经答复过，并进去的新留言不会再有人答复，请把这条留言单独交给代表办理`)
    expect(item(b2.id).joinRefusal).to.equal('代表已经答复了，不能再合并办理')
    expect(stationsNote).to.equal(
      '这些留言由 2 个联络站办理（轻工街道代表联络站、光明社区代表联络点）。这里只合并同一个联络站的留言：' +
        '并入的留言会交给保留那条留言的联络站和代表答复，原来的联络站就不再办理它。确实需要跨联络站合并的，请打开那条留言，用“与相似留言合并”单独合并。',
    )
    expect(skipped).to.deep.equal(['其中 1 条不归您管，不在这里。'])

    const tooMany = Array.from({ length: 201 }, () => `cs-${randomUUID()}`)
    const refused = await sunli.get(`/api/admin/cases-together/merge?ids=${tooMany.join(',')}`)
    expect(refused.status).to.equal(422)
    expect(refused.body.error.message).to.equal('一次最多合并 200 条留言，请分几次合并')
  })
})
