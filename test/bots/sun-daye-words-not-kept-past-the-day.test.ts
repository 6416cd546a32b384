import { expect } from 'chai'
import { SUN_DRAIN_WORDS, useRestartingSunDaye, WORDS_NOT_KEPT } from './sun-daye.js'

/**
 * 孙大爷 leaves his words at the privacy notice and is told they wait "一天之内"; or leaves a summary unsent and is told
 * it waits the week. Then the bot restarts, and the new one knows nothing of what it would have let go. The server
 * lets them go all the same, at the time he was told: his words typed before he agreed are never kept longer.
 * An answer waiting for his score is kept the week it may be scored in. When he writes again, he is told his words
 * were not kept.
 */
describe('bot: 孙大爷’s words are not kept on the server past the time he was told, a bot restart or not', function () {
  this.timeout(60_000)
  const story = useRestartingSunDaye()
  const { restart, later, says } = story
  const HOUR = 3_600_000
  const DAY = 24 * HOUR

  const kept = async () => JSON.stringify((await story.app.liaison.store.bot.dialogue('wx-sun'))?.state ?? null)

  it('his words at the notice stay the day he was told, then are gone, though the restarted bot never let them go', async () => {
    expect(await says(SUN_DRAIN_WORDS)).to.include('这段话已经记下了')
    expect((await story.quiet(31 * 60_000)).join('\n')).to.include('要接着送出，请在一天之内回复"同意"')
    await restart()

    await later(23 * HOUR)
    expect(await kept(), 'kept for the day he was told').to.include('下水道堵了好几天')
    await later(2 * HOUR)
    expect(await kept(), 'his words gone from the server: only the mark that some went').to.equal('{}')
    expect(await says('查询'), 'told, before the answer, that his words were not kept').to.equal(
      `${WORDS_NOT_KEPT}\n\n您还没有留言。发送"留言"就可以给人大代表留言。`,
    )
    expect((await story.app.liaison.store.cases.search({ limit: 5 })).items, 'nothing sent').to.have.length(0)
  })

  it('a summary he left unsent stays the week he was told, then is gone', async () => {
    await story.leavesSummaryUnsent()
    expect((await story.quiet(31 * 60_000)).join('\n')).to.include('还没有送出，代表还看不到。')
    await restart()

    await later(6 * DAY)
    expect(await kept(), 'kept for the week he was told').to.include('下水道堵了好几天')
    await later(2 * DAY)
    expect(await kept(), 'his words gone from the server: only the mark that some went').to.equal('{}')
    expect(await says('查询')).to.equal(`${WORDS_NOT_KEPT}\n\n您还没有留言。发送"留言"就可以给人大代表留言。`)
  })

  it('an answer waiting for his score is kept the week: two days and a restart on, a bare "5" still scores it', async () => {
    const ticket = await story.residentWithAnsweredMessage('小区门口的下水道堵了好几天了', '已请物业疏通了下水道。')
    await restart()
    await later(2 * DAY)
    expect(await says('5')).to.include('已记下您的评分：5 分')
    expect(await story.stored(ticket)).to.include({ rating: 5 })
  })
})
