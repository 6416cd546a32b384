import { expect } from 'chai'
import { asResident, type Client } from '../helpers/app.js'
import { asStaff } from '../helpers/meetings.js'
import { quizWithAttempts } from '../helpers/quizzes.js'
import { startWithWeChat } from '../helpers/wechat.js'

type Row = { rank: number; name: string; mine?: boolean }

/**
 * Three residents take 孙丽's quiz; 李阿姨 gave the mini-program her phone number when she wrote to
 * a deputy. On the boards they are 群众1号, 群众2号, 群众3号 in the order they started (never a
 * phone, never a name), 李阿姨 finds hers by （我）; only the office's export adds 电话尾号, so that
 * the office can call the winner. 赵大爷 typed his home landline into 我的信息: it is a phone he gave, but
 * neither a 手机 nor checked by WeChat, so the export says 电话尾号 for every number, never 手机尾号.
 */
describe('residents on the quiz boards and in the export', () => {
  let app: Awaited<ReturnType<typeof startWithWeChat>>
  afterEach(() => app.close())

  it('boards number residents by their first start, and only the export says her phone tail', async () => {
    app = await startWithWeChat()
    const sunli = await asStaff(app, 'sunli')
    const [wang, li, zhao]: Client[] = [await asResident(app), await asResident(app), await asResident(app)]
    app.fake.addPhoneCode('phone-li', '13912345678')
    const gave = await li.post('/api/mp/phone', { code: 'phone-li' })
    expect(gave.status, JSON.stringify(gave.body)).to.equal(200)
    const typed = await zhao.request('PUT', '/api/mp/me/phone', { phone: '0375-2214567' })
    expect(typed.status, JSON.stringify(typed.body)).to.equal(200)
    const { quiz } = await quizWithAttempts(app, sunli, { handedIn: [wang, li, zhao] })

    const seenByLi = await li.get(`/api/mp/quizzes/${quiz.id}/leaderboard?by=person`)
    const names = (items: Row[]) => items.map((p) => p.name).sort()
    expect(names(seenByLi.body.items)).to.deep.equal(['群众1号', '群众2号', '群众3号'])
    const hers = seenByLi.body.items.find((p: Row) => p.mine).name
    const his = (await zhao.get(`/api/mp/quizzes/${quiz.id}/leaderboard?by=person`)).body.items.find((p: Row) => p.mine).name
    expect(JSON.stringify(seenByLi.body), 'no phone digits on a public board').not.to.match(/5678|1391/)

    const office = await sunli.get(`/api/admin/quizzes/${quiz.id}/leaderboard?by=person`)
    expect(names(office.body.items)).to.deep.equal(['群众1号', '群众2号', '群众3号'])
    expect(JSON.stringify(office.body)).not.to.match(/5678/)

    const csv = String((await sunli.get(`/api/admin/quizzes/${quiz.id}/results.csv`)).body)
    const who = csv
      .trim()
      .split('\r\n')
      .slice(1)
      .map((line) => line.split(',')[0])
      .sort()
    // The same 群众N号 as on the boards, so the office finds the row of the one it means to call.
    const tail = (n: string) => (n === hers ? `${n}（电话尾号5678）` : n === his ? `${n}（电话尾号4567）` : n)
    expect(who).to.deep.equal(['群众1号', '群众2号', '群众3号'].map(tail))
    expect(csv).not.to.include('手机尾号')
  })
})
