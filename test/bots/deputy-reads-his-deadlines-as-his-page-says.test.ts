import { expect } from 'chai'
import { asDeputy } from '../helpers/app.js'
import { buildCase } from '../factories.js'
import { useCaseStory } from './case-story.js'
import { ask } from './helpers.js'

/**
 * 张伟 reads his 待办 in the chat and on his mini-program page, and the two say a deadline one way, as his digest and
 * his notices do: "11月24日（星期二）上午10:00前" at a time of day, "12月14日（星期一）前（含当日）" when the whole day
 * counts; never "24:00", nor "11月24日 10:00前", which an older reader does not say.
 */
describe('bot: 张伟 reads his deadlines in the chat as his mini-program page says them', function () {
  this.timeout(60_000)
  const story = useCaseStory()

  /** The deadline words of his page's list for one message. */
  async function pageSays(ticket: string) {
    const { body } = await (await asDeputy(story.app, 'dp0001')).get('/api/mp/deputy/cases')
    return (body.items as Array<{ ticket: string; acknowledgeByText: string | null; replyByText: string | null }>).find((c) => c.ticket === ticket)!
  }

  it('受理 first, then 答复 by the day, in the page’s words', async () => {
    const { app, bot: t, deputy } = story
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Shanghai
    const ticket = (await buildCase(app, { deputyCode: 'DP0001', text: '小区门口的垃圾好几天没人清运' })).case.ticket
    const short = ticket.slice(-4)

    const waiting = (await ask(t, deputy, '待办')).split('\n')
    const page = await pageSays(ticket)
    expect(page.acknowledgeByText).to.equal('11月24日（星期二）上午10:00前')
    expect(waiting[waiting.findIndex((l) => l.includes(`【${short}】`)) + 1]).to.equal(`   请在${page.acknowledgeByText}受理`)

    expect(await ask(t, deputy, `受理 ${short}`)).to.include('已受理')
    const accepted = (await ask(t, deputy, '待办')).split('\n')
    const due = (await pageSays(ticket)).replyByText!
    expect(due, 'the whole day counts').to.match(/^\d{1,2}月\d{1,2}日（星期[一二三四五六日]）前（含当日）$/)
    expect(accepted[accepted.findIndex((l) => l.includes(`【${short}】`)) + 1]).to.equal(`   请在${due}答复`)
    expect(accepted.join('\n')).to.not.include('24:00')
  })
})
