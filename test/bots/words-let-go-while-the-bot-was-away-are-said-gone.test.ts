import { expect } from 'chai'
import { ask, type BotUnderTest, type Person } from './helpers.js'
import { useRestartingSunDaye } from './sun-daye.js'

/**
 * 孙大爷 leaves words the bot could not send yet, and the bot restarts: the new one knows nothing of them, and the
 * server lets them go at the time he was told. When he writes again he is told plainly, once, that those words were
 * not kept and how to send them again. Someone with no such words waiting hears nothing of the kind.
 */
describe('bot: words let go while no bot could say so are said gone at the next message', function () {
  this.timeout(60_000)
  const story = useRestartingSunDaye()
  const { restart, later } = story
  let t: BotUnderTest
  let sun: Person
  beforeEach(() => ({ bot: t, sun } = story))

  const WORDS = '我想给代表反映个事我们小区门口的下水道堵了好几天了臭得很'
  const NOT_KEPT = '您之前说的话一直没有发出去，代表没有看到，这些话已经不再保留了。\n还要反映的话，请发送"留言"重新写。'
  const NO_MESSAGES = '您还没有留言。发送"留言"就可以给人大代表留言。'
  const HOUR = 3_600_000

  it('his words at the notice, gone past the day while the bot restarted: told once, before the answer', async () => {
    expect(await ask(t, sun, WORDS)).to.include('这段话已经记下了')
    const again = await restart()
    await later(25 * HOUR, false) // the hourly purge has not run yet: gone all the same

    expect(await ask(story.second!, again, '查询')).to.equal(`${NOT_KEPT}\n\n${NO_MESSAGES}`)
    expect(await ask(story.second!, again, '查询'), 'told once').to.equal(NO_MESSAGES)
  })

  it('a summary left unsent, purged past the week: told at his next words, whatever they are', async () => {
    expect(await ask(t, sun, '给DP0001留言')).to.include('同意请回复')
    await ask(t, sun, '同意')
    await ask(t, sun, WORDS)
    expect(await ask(t, sun, '好了')).to.include('1. 确认提交')
    const again = await restart()
    await later(8 * 24 * HOUR, true)

    const said = await ask(story.second!, again, '你好')
    expect(said.startsWith(NOT_KEPT), said).to.equal(true)
    expect((await story.app.liaison.store.cases.search({ limit: 5 })).items, 'nothing sent').to.have.length(0)
  })

  it('nothing of his waiting (he only asked to write, and wrote nothing): nothing said of words not kept', async () => {
    expect(await ask(t, sun, '留言')).to.include('同意请回复')
    const again = await restart()
    await later(25 * HOUR, true)
    expect(await ask(story.second!, again, '查询')).to.equal(NO_MESSAGES)
  })
})
