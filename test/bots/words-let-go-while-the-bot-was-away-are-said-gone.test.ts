import { expect } from 'chai'
import { SUN_DRAIN_WORDS, useRestartingSunDaye, WORDS_NOT_KEPT } from './sun-daye.js'

/**
 * 孙大爷 leaves words the bot could not send yet, and the bot restarts: the new one knows nothing of them, and the
 * server lets them go at the time he was told. When he writes again he is told plainly, once, that those words were
 * not kept and how to send them again. Someone with no such words waiting hears nothing of the kind.
 */
describe('bot: words let go while no bot could say so are said gone at the next message', function () {
  this.timeout(60_000)
  const story = useRestartingSunDaye()
  const { restart, later, says } = story
  const NO_MESSAGES = '您还没有留言。发送"留言"就可以给人大代表留言。'
  const HOUR = 3_600_000

  it('his words at the notice, gone past the day while the bot restarted: told once, before the answer', async () => {
    expect(await says(SUN_DRAIN_WORDS)).to.include('这段话已经记下了')
    await restart()
    await later(25 * HOUR, false) // the hourly purge has not run yet: gone all the same

    expect(await says('查询')).to.equal(`${WORDS_NOT_KEPT}\n\n${NO_MESSAGES}`)
    expect(await says('查询'), 'told once').to.equal(NO_MESSAGES)
  })

  it('a summary left unsent, purged past the week: told at his next words, whatever they are', async () => {
    await story.leavesSummaryUnsent()
    await restart()
    await later(8 * 24 * HOUR, true)

    const said = await says('你好')
    expect(said.startsWith(WORDS_NOT_KEPT), said).to.equal(true)
    expect((await story.app.liaison.store.cases.search({ limit: 5 })).items, 'nothing sent').to.have.length(0)
  })

  it('nothing of his waiting (he only asked to write, and wrote nothing): nothing said of words not kept', async () => {
    expect(await says('留言')).to.include('同意请回复')
    await restart()
    await later(25 * HOUR, true)
    expect(await says('查询')).to.equal(NO_MESSAGES)
  })
})
