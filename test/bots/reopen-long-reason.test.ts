import { expect } from 'chai'
import { useAnsweredMessage } from './rated-answer.js'

/**
 * 老李 is not satisfied with 张伟's answer and says so at length: "不满意，" and 620 characters. A reason passes
 * on at most 500 characters; she is told how much did not, and offered the whole as a new message, as a rating
 * comment too long already is — never cut without a word.
 */
describe('bot: a reason for 重新办理 longer than the backend takes', function () {
  this.timeout(60_000)
  const story = useAnsweredMessage()
  const { say, stored } = story
  const REASON = `路灯还是不亮。${'晚上八点以后整条路都是黑的，老人出门只能打手电，上个月还有人在楼下摔倒了。'.repeat(20)}`.slice(0, 620)

  it('"不满意，" and 620 characters: she hears 120 did not go, the first 500 reach 张伟, and "1" sends the whole as a new message', async () => {
    const offer = await say(`不满意，${REASON}`)
    expect(offer).to.include('很抱歉没能让您满意。')
    expect(offer).to.include('不过这段话有 620 字，最多只能转 500 字，后面还有 120 字没有转过去。')
    expect(offer, 'not her 500 characters read back at her').to.include(`您说的"${REASON.slice(0, 30)}…"也记下了`)

    const reopened = await say('1')
    expect(reopened).to.equal(
      [
        `已申请重新办理留言 ${story.ticket}。您说的"${REASON.slice(0, 30)}…"已经转给代表，代表会再次处理并答复您。`,
        '不过这段话有 620 字，重新办理最多只能转 500 字，后面还有 120 字没有转过去。',
        '要让代表看到整段话，请回复 1，把整段话作为一条新留言发给代表；不用了，请回复 2。',
      ].join('\n'),
    )
    const events = await story.app.liaison.store.cases.events((await stored())!.id)
    expect(events.filter((e) => e.type === 'reopened').map((e) => e.note)).to.deep.equal([REASON.slice(0, 500)])

    expect(await say('1')).to.include('好的，这段话记下了，作为一条新留言')
    for (const pick of ['1', '1']) await say(pick)
    expect(await say('1'), 'the whole of it, to the last character').to.include(`内容：${REASON}`)
  })

  it('"2. 不用了" after the long reason still offers the whole as a new message', async () => {
    await say(`不满意，${REASON}`)
    expect(await say('2')).to.equal(['好的，不重新办理了。', '要让代表看到整段话，请回复 1，把整段话作为一条新留言发给代表；不用了，请回复 2。'].join('\n'))
    expect(await say('2')).to.equal('好的，谢谢您！')
  })

  it('a short reason is passed on whole, as before, with no word of a limit', async () => {
    await say('不满意，路灯还是不亮')
    const reopened = await say('1')
    expect(reopened).to.equal(`已申请重新办理留言 ${story.ticket}。您说的"路灯还是不亮"已经转给代表，代表会再次处理并答复您。`)
  })
})
