import { expect } from 'chai'
import { ask, type BotUnderTest, type Person } from './helpers.js'
import { useSunDaye } from './sun-daye.js'

/**
 * 孙大爷 says where he lives before he is asked ("光明社区"), and again for his next message. The bot knows the place
 * from the whole place tree, read once from the backend, not one list of places per district and street.
 */
describe('bot: 孙大爷 names his place, and the bot reads the place tree once', function () {
  this.timeout(60_000)
  const story = useSunDaye()
  let t: BotUnderTest
  let sun: Person
  beforeEach(() => ({ bot: t, sun } = story))

  /** The bot's reads of the places from here on: "tree" for the whole tree, "list" for one level's list. */
  function countReads() {
    const reads: string[] = []
    const client = t.bot.client
    const list = client.regions.bind(client)
    const tree = client.placeTree.bind(client)
    client.regions = (parentId?: string) => (reads.push('list'), list(parentId))
    client.placeTree = () => (reads.push('tree'), tree())
    return reads
  }

  it('"光明社区" first, then "同意": the message goes to 光明社区 on one read of the tree, and so does the next', async () => {
    const reads = countReads()
    expect(await ask(t, sun, '光明社区'))
      .to.include('好的，您要给光明社区的人大代表留言。')
      .and.include('同意请回复"同意"')
    expect(await ask(t, sun, '同意'))
      .to.include('谢谢您的同意！')
      .and.include('好的，留言将发给：湛河区 轻工街道 光明社区。')
    await ask(t, sun, '楼道的灯坏了晚上看不见')
    await ask(t, sun, '好了')
    await ask(t, sun, '1')

    expect(await ask(t, sun, '光明社区')).to.include('好的，您要给光明社区的人大代表留言。')
    expect(reads, 'one read of the whole tree, no list per district and street').to.deep.equal(['tree'])
  })
})
