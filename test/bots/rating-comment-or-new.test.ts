import { expect } from 'chai'
import { createServer, type Server } from 'node:http'
import { verdictOnAnswer } from '../../bots/scores.js'
import { startApp, type TestApp } from '../helpers/app.js'
import { BOT_SECRET, caseCity, startBot, type BotUnderTest } from './helpers.js'
import { answeredMessage, STREET_LIGHT_LINE, useAnsweredMessage } from './rated-answer.js'

/**
 * After a bare score the bot invites her words for the deputy. Only a verdict on the answer ("态度很好，谢谢代表",
 * "路灯还是没修好") is taken as that comment; a new problem described at length is asked about first
 * (对答复的意见，还是新的问题？) and "2" makes it a new message, as such words always did: nothing is sent on a guess.
 */
describe('bot: words after a bare score are a comment only when they judge the answer', function () {
  this.timeout(30_000)
  const story = useAnsweredMessage({ rated: '5' })
  const { say, stored, ratingReachesDeputy } = story
  const NEW_PROBLEM = '我们小区3号楼的垃圾已经三天没有人来收了，臭味很大，请代表帮忙反映一下'
  // A long text is "这段话": she would not call what she wrote "这句话".
  const QUESTION = '您这段话是对刚才答复的意见，还是要反映新的问题？\n回复 1 是对答复的意见，回复 2 是新的问题'
  const SHORT_QUESTION = '您这句话是对刚才答复的意见，还是要反映新的问题？\n回复 1 是对答复的意见，回复 2 是新的问题'

  it('a new problem after "5" is asked about, and "2" makes it a new message with her words, not a comment', async () => {
    expect(await say(NEW_PROBLEM)).to.equal(QUESTION)
    expect(await stored(), 'nothing added to the rating while she is asked').to.include({ rating: 5, ratingComment: null })

    const draft = await say('2')
    expect(draft).to.include('好的，这段话记下了，作为一条新留言，选好发给谁，就可以送出。')
    expect(draft, 'the places to send it to').to.include('1. ')
    expect(draft).to.not.include('转给代表了')
    for (const pick of ['1', '1']) await say(pick)
    const summary = await say('1')
    expect(summary).to.include('请核对您的留言').and.include(`内容：${NEW_PROBLEM}`)
    expect(await stored(), 'still no comment on the rated answer').to.include({ rating: 5, ratingComment: null })

    expect(await ratingReachesDeputy(), 'the score alone reaches the deputy').to.deep.equal([
      `您答复的留言 ${story.ticket} 获得 5 分评价。${STREET_LIGHT_LINE}`,
    ])
  })

  it('"1" under the question sends her words to the deputy with the score', async () => {
    const words = '代表说周五前修好，可是我们已经等了三个星期，晚上还是黑的'
    expect(await say(words)).to.equal(QUESTION)
    expect(await say('1')).to.include(`您说的"${words}"已经转给代表了，谢谢您！`)
    expect(await stored()).to.include({ rating: 5, ratingComment: words })
  })

  it('a short verdict on the answer goes to the deputy at once, as before', async () => {
    const said = await say('态度很好，谢谢代表')
    expect(said).to.equal('您说的"态度很好，谢谢代表"已经转给代表了，谢谢您！\n问题还没有解决，或者有别的事要反映，请发送"留言"再写一条。')
    expect(await stored()).to.include({ rating: 5, ratingComment: '态度很好，谢谢代表' })
    expect(await ratingReachesDeputy()).to.deep.equal([`您答复的留言 ${story.ticket} 获得 5 分评价。群众说：态度很好，谢谢代表${STREET_LIGHT_LINE}`])
  })

  it('more words before she answers join the first, and "留言" makes them the new message', async () => {
    expect(await say('我们小区3号楼的垃圾已经三天没有人来收了')).to.equal(SHORT_QUESTION)
    expect(await say('臭味很大，请代表帮忙反映一下')).to.equal(
      '这段话也记下了。\n您这几段话是对刚才答复的意见，还是要反映新的问题？\n回复 1 是对答复的意见，回复 2 是新的问题',
    )
    expect(await say('留言')).to.include('您刚才说的「我们小区3号楼的垃圾已经三天没有人来收了')
    expect(await stored()).to.include({ ratingComment: null })
  })

  it('left unanswered, the question ends saying her words went nowhere', async () => {
    expect(await say(NEW_PROBLEM)).to.equal(QUESTION)
    expect(await story.silentHalfHour()).to.equal('您好，您有半个小时没有回话，您刚才那段话没有转给代表，也没有作为留言送出。需要反映的话，请发送"留言"。')
    expect(await stored()).to.include({ ratingComment: null })
  })
})

describe('bot: reading a verdict on the answer', () => {
  it('takes short words that judge the answer, and nothing that names a place or asks for something new', () => {
    for (const verdict of ['路灯还是没修好', '态度很好，谢谢代表', '满意', '速度太慢了', '还没修好👎', '不满意，灯还是不亮'])
      expect(verdictOnAnswer(verdict), verdict).to.equal(true)
    for (const other of [
      '我们小区3号楼的垃圾已经三天没有人来收了，臭味很大，请代表帮忙反映一下',
      '3号楼的垃圾没人收',
      '请尽快处理一下菜市场的占道',
      '门口的路灯也不亮',
      '你好',
      '代表说周五前修好，可是我们已经等了三个星期，晚上还是黑的',
    ])
      expect(verdictOnAnswer(other), other).to.equal(false)
  })
})

/**
 * A proxy in front of the backend that passes her comment on and loses its answer the first time (the
 * connection drops): the words are kept, the bot does not know it and tries again.
 */
async function commentAnswerLost(target: string) {
  let lost = 0
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => !['host', 'content-length', 'connection'].includes(k))) as Record<
      string,
      string
    >
    const answer = await fetch(target + req.url, { method: req.method, headers, body: chunks.length ? Buffer.concat(chunks) : undefined })
    const body = Buffer.from(await answer.arrayBuffer())
    if (req.method === 'POST' && /\/comment$/.test(req.url ?? '') && lost === 0) {
      lost++
      req.socket.destroy()
      return
    }
    res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' }).end(body)
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as { port: number }
  const close = () =>
    new Promise<void>((r) => {
      server.close(() => r())
      server.closeAllConnections()
    })
  return { url: `http://127.0.0.1:${port}`, lost: () => lost, close }
}

describe('bot: her words after a score, when the answer to them is lost', function () {
  this.timeout(30_000)
  let app: TestApp
  let proxy: Awaited<ReturnType<typeof commentAnswerLost>>
  let t: BotUnderTest | null = null
  beforeEach(async () => {
    app = await startApp({ directory: caseCity(), overrides: { bot: { secret: BOT_SECRET } } })
    proxy = await commentAnswerLost(app.baseUrl)
    t = await startBot(proxy.url)
  })
  afterEach(async () => {
    await t?.stop() // the bot first: it keeps polling through the proxy until stopped
    await proxy.close()
    await app.close()
  })

  it('the retry is answered as taken: she hears her words went to the deputy, and he reads them once', async () => {
    const { ticket, say, stored, ratingReachesDeputy } = await answeredMessage(app, t!)
    expect(await say('3')).to.include('还有什么想对代表说的')

    const said = await say('路灯还是没修好')
    expect(proxy.lost(), 'the first answer was lost').to.equal(1)
    expect(said).to.equal('您说的"路灯还是没修好"已经转给代表了，谢谢您！\n问题还没有解决，或者有别的事要反映，请发送"留言"再写一条。')
    expect(await stored()).to.include({ rating: 3, ratingComment: '路灯还是没修好' })

    expect(await ratingReachesDeputy(), 'one notice, with her words').to.deep.equal([
      `您答复的留言 ${ticket} 获得 3 分评价。群众说：路灯还是没修好${STREET_LIGHT_LINE}`,
    ])
    const notices = (await app.liaison.store.outbox.search({ kind: 'case.rated', limit: 50 })).items
    expect(notices, 'nothing queued twice').to.have.length(1)
  })
})
