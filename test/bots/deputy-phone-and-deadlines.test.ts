import { expect } from 'chai'
import { asAdmin } from '../helpers/app.js'
import { buildCase } from '../factories.js'
import { useCaseStory } from './case-story.js'
import { ask } from './helpers.js'

const PHONE_CASE = '建设路18号楼道里的扶手断了，老人上下楼很危险，我的电话13812345678'

/**
 * 张伟 works his messages in the chat: "电话 0001" gives the number the resident left (read and audited as the
 * mini-program's 打电话给群众), or says she left none, and only for his own open messages; 待办 never cuts a
 * number in half, marks a cut excerpt "…", and shows the deadline he owes next (受理 first).
 */
describe('bot: a deputy asks for the resident’s phone and reads what he owes next', function () {
  this.timeout(30_000)
  const story = useCaseStory()

  /** Monday 2026-11-23 10:00 in Shanghai: two messages to 张伟 (one with a phone number), one to 王芳. */
  async function messages() {
    const { app } = story
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
    const withPhone = (await buildCase(app, { deputyCode: 'DP0001', text: PHONE_CASE, phone: '13812345678' })).case.ticket
    const without = (await buildCase(app, { deputyCode: 'DP0001', text: '小区门口的垃圾好几天没人清运' })).case.ticket
    const hers = (await buildCase(app, { deputyCode: 'DP0002', text: '菜市场门口占道经营', phone: '13700009999' })).case.ticket
    return { withPhone, without, hers }
  }

  it('"电话 0001" gives the number she left, audited; "群众没有留电话" when none; nothing of another deputy’s', async () => {
    const { app, bot: t, deputy } = story
    const { withPhone, without, hers } = await messages()
    expect(await ask(t, deputy, `电话 ${withPhone.slice(-4)}`)).to.equal(`留言 ${withPhone} 群众留的电话：13812345678\n请只用于办理这条留言，不要转给别人。`)
    const audit = (await (await asAdmin(app)).get('/api/admin/audit?action=case.phone.read')).body.items
    expect(audit, 'the read is audited, as the mini-program’s').to.have.length(1)
    expect(audit[0].details).to.deep.include({ deputyId: 'dp0001' })

    expect(await ask(t, deputy, `电话 ${without.slice(-4)}`)).to.include(`留言 ${without}：群众没有留电话。`)
    const other = await ask(t, deputy, `电话 ${hers.slice(-4)}`)
    expect(other)
      .to.include(`您的待办中没有编号 ${hers.slice(-4)}`)
      .and.not.include('13700009999')
    expect(await ask(t, deputy, '电话')).to.include('请在"电话"后面写上留言编号')
  })

  it('待办 cuts the excerpt before a number, with "…", and says 受理 is due first, then that its day went by', async () => {
    const { app, bot: t, deputy } = story
    const { withPhone, without } = await messages()
    const todo = await ask(t, deputy, '待办')
    const line = todo.split('\n').find((l) => l.includes(`【${withPhone.slice(-4)}】`))!
    expect(line).to.equal(`1.【${withPhone.slice(-4)}】新留言，还没受理 · 建设路18号楼道里的扶手断了，老人上下楼很危险…`)
    expect(todo).to.not.match(/电话1/)
    expect(todo).to.match(/\n {3}请在11月24日（星期二）上午10:00前受理\n/)
    expect(todo).to.include(`电话 ${withPhone.slice(-4)}（看群众留的电话）`)

    expect(await ask(t, deputy, `受理 ${without.slice(-4)}`)).to.include('已受理')
    app.clock.set(new Date('2026-11-26T02:00:00Z')) // Thursday: the 受理 of the first is two days late
    const late = await ask(t, deputy, '待办')
    expect(late)
      .to.include(`【${withPhone.slice(-4)}】新留言，还没受理`)
      .and.include('已过受理期限 2 天（应在11月24日上午10:00前受理），请尽快受理')
    const accepted = late.split('\n')
    const at = accepted.findIndex((l) => l.includes(`【${without.slice(-4)}】`))
    expect(accepted[at]).to.include('已受理，待答复')
    // The whole day counts, said as his mini-program page says it: never "24:00".
    expect(accepted[at + 1], 'accepted: the answer is what he owes').to.match(/^ {3}请在\d{1,2}月\d{1,2}日（星期[一二三四五六日]）前（含当日）答复$/)
  })
})
