import { expect } from 'chai'
import { asDeputy, asResident, startApp, type TestApp } from '../helpers/app.js'
import { asStaff, meetingCity } from '../helpers/meetings.js'

/** A subscribe template for every kind: a deputy who uses the mini-program can then be reached. */
const TEMPLATES = {
  wechat: {
    enabled: true,
    appId: 'wx-test-app',
    secret: 'test-secret',
    templates: { notice: { id: 'TPL-NOTICE', longTerm: true, page: 'pages/index/index', data: { thing1: '{title}' } } },
  },
}

interface Choice {
  id: string
  name: string
  unreachable: string | null
  away: string | null
  recommended: boolean
}

/**
 * 李娜 opens 分派: beside each deputy no reminder can reach, his own gap in words (没有绑定微信助手), and once above
 * the list what to do, with the part that is true of everyone (系统的小程序提醒还没开通) said there and only there;
 * a deputy who uses the mini-program says nothing of the kind. A deputy marked away (暂停接收留言) is listed last,
 * says until when, and may still be chosen: the station knows who is around.
 */
describe('分派 list: who hears of it, and who is away', () => {
  let app: TestApp
  afterEach(() => app.close())
  async function start(overrides?: Record<string, unknown>) {
    app = await startApp({ directory: meetingCity(), overrides })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
  }
  async function write(text: string) {
    const sent = await (await asResident(app)).post('/api/mp/cases', { text, regionId: 'c010101' })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    return sent.body.id as string
  }
  async function choices(caseId: string) {
    const lina = await asStaff(app, 'lina')
    const answer = await lina.get(`/api/admin/cases/${caseId}/deputy-choices`)
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200)
    return { lina, items: answer.body.items as Choice[], reachNote: answer.body.reachNote as string | null }
  }

  it('marks the unreachable deputy with his own gap, says once above the list to phone, and nothing of the one on the mini-program', async () => {
    await start(TEMPLATES)
    await asDeputy(app, 'dp0001') // 张伟 uses the mini-program: subscribe messages reach him
    const { items, reachNote } = await choices(await write('小区垃圾好几天没人清运，臭气熏天'))
    const said = new Map(items.map((d) => [d.name, d.unreachable]))
    expect(said.get('张伟'), 'reached through the mini-program').to.equal(null)
    expect(said.get('王芳')).to.equal('没有用小程序，也没有绑定微信助手，提醒发不到')
    // Many deputies are women: the deputy, never 他.
    expect(reachNote).to.equal('分派给标着“提醒发不到”的代表后，请打电话告诉这位代表')
  })

  it('says 系统的小程序提醒还没开通 once above the list, not beside every deputy, when that is why nobody hears', async () => {
    await start() // no subscribe template: mini-program reminders reach nobody
    await asDeputy(app, 'dp0001') // 张伟 uses the mini-program all the same
    const { items, reachNote } = await choices(await write('小区垃圾好几天没人清运，臭气熏天'))
    // The system's switch, said as the system's and whom to ask: not read as the deputy's own gap below.
    expect(reachNote).to.equal('系统的小程序提醒还没开通（请找系统管理员），分派后请打电话告诉代表')
    const said = new Map(items.map((d) => [d.name, d.unreachable]))
    expect(said.get('张伟'), 'his own gap: the helper').to.equal('没有绑定微信助手，提醒发不到')
    expect(said.get('王芳')).to.equal('没有用小程序，也没有绑定微信助手，提醒发不到')
    expect(
      [...said.values()].filter((gap) => gap?.includes('开通')),
      '开通 is the system’s word, never a deputy’s gap',
    ).to.deep.equal([])
    expect(
      items.filter((d) => /小程序提醒|电话/.test(d.unreachable ?? '')),
      'the system-wide words and what to do stand above, once',
    ).to.deep.equal([])
  })

  it('lists a deputy marked away last, says until when, and still takes him when the clerk chooses him', async () => {
    await start()
    const lina = await asStaff(app, 'lina')
    const marked = await lina.put('/api/admin/deputies/dp0002/away', { from: '2026-11-23', until: '2026-11-27', reason: 'leave', note: '住院' })
    expect(marked.status, JSON.stringify(marked.body)).to.equal(200)
    // 王芳 follows 教育: but for her leave she would head the list as 擅长此类问题.
    const caseId = await write('学校门口接送孩子的车太多，上学时堵得走不动，孩子过马路很危险')
    const { items } = await choices(caseId)
    const wang = items.find((d) => d.name === '王芳')!
    expect(wang.away).to.equal('暂停接收留言至11月27日')
    expect(wang.recommended, 'not offered as the good choice while away').to.equal(false)
    expect(items.at(-1)?.name, 'listed last').to.equal('王芳')
    expect(items.filter((d) => d.name !== '王芳').map((d) => d.away)).to.deep.equal(items.slice(0, -1).map(() => null))

    // The office's rule: routing gives him nothing new, but staff may (they know who is around); the page then says so.
    const given = await lina.post(`/api/admin/cases/${caseId}/assign`, { deputyId: 'dp0002' })
    expect(given.status, JSON.stringify(given.body)).to.equal(200)
    expect(given.body.handledBy.deputy).to.equal('王芳')
    expect(given.body.deputyAway).to.equal('代表请假至11月27日')
  })
})
