import { expect } from 'chai'
import { useCaseStory } from './case-story.js'
import { ask, ticketIn } from './helpers.js'

const CHANGED =
  '个人信息保护说明有更新：说清楚了撤回同意以后哪些不能再用（留言、问卷、提意见、答题），已经保存的不会因此删掉；也写明了问卷、意见和答题成绩保存多久。'
const WAITS = '您写的留言还留着，同意后就接着送出。'

/**
 * 王阿姨 agreed to the first privacy notice in the chat long ago. The notice has changed (v2, then v3), so she is asked again
 * before her next message: first told plainly that it changed and what changed, then the short notice. What she wrote
 * waits for her "同意" and is sent after it, whether she wrote it just now or had it ready to send when the notice
 * changed.
 */
describe('bot: 王阿姨, who agreed to the old notice, is told it changed, and her message still goes', function () {
  this.timeout(60_000)
  const story = useCaseStory({ resident: ['wx-wang-v1', '王阿姨'], deputyBound: false })

  /** Her chat person as the bot knows her, agreed to `version`. */
  const agreedTo = async (version: string) => {
    const { user } = await story.app.liaison.services.botPeople.resolve('wx-wang-v1', null)
    await story.app.liaison.store.mpUsers.update(user.id, { consentVersion: version, consentAt: story.app.clock.now() })
    return user.id
  }
  const sent = async () => (await story.app.liaison.store.cases.search({ limit: 5 })).items

  it('her first words: told the notice changed and how, then the notice; "同意" and her words are sent', async () => {
    const { bot: t, resident: wang } = story
    const id = await agreedTo('v1')
    const words = '我家楼下那个路灯坏了快一个月了，晚上出门看不见'

    const asked = await ask(t, wang, words)
    expect(asked).to.include('这段话已经记下了').and.include(`${CHANGED}\n请再看一下下面的说明。${WAITS}`)
    expect(asked.indexOf(CHANGED), 'said before the notice').to.be.below(asked.indexOf('个人信息保护说明\n您的权利：'))
    expect(asked).to.include('同意请回复"同意"')
    expect(await sent(), 'nothing sent before she agrees').to.have.length(0)

    expect(await ask(t, wang, '同意'))
      .to.include('谢谢您的同意！')
      .and.include('请选择您住在哪个区（县）')
    for (const place of ['湛河区', '轻工街道']) await ask(t, wang, place)
    expect(await ask(t, wang, '光明社区')).to.include(`内容：${words}\n`)
    const ticket = ticketIn(await ask(t, wang, '1'))
    expect((await story.stored(ticket))!.text).to.equal(words)
    expect((await story.app.liaison.store.mpUsers.get(id))!.consentVersion).to.equal('v3')
  })

  it('her message ready to send when the notice changed: told so at "1", and "同意" then "1" sends it', async () => {
    const { bot: t, resident: wang } = story
    const id = await agreedTo('v3')
    const words = '小区门口的垃圾好几天没人清运了'
    await ask(t, wang, '留言')
    for (const place of ['湛河区', '轻工街道', '光明社区']) await ask(t, wang, place)
    await ask(t, wang, words)
    expect(await ask(t, wang, '好了')).to.include('1. 确认送出')
    // The new notice arrives while her summary waits: to the server she agreed to the one before.
    await story.app.liaison.store.mpUsers.update(id, { consentVersion: 'v1' })

    const asked = await ask(t, wang, '1')
    expect(asked).to.include(`${CHANGED}\n请再看一下下面的说明。${WAITS}`).and.include('同意请回复"同意"')
    expect(await sent(), 'not sent without her yes').to.have.length(0)
    expect(await ask(t, wang, '同意'))
      .to.include('谢谢您的同意！')
      .and.include(`内容：${words}`)
      .and.include('1. 确认送出')
    const ticket = ticketIn(await ask(t, wang, '1'))
    expect((await story.stored(ticket))!.text).to.equal(words)
  })

  it('one who never agreed hears no word of a change', async () => {
    const { bot: t } = story
    const first = t.world.person('wx-first-time', '刘大爷')
    const asked = await ask(t, first, '留言')
    expect(asked).to.match(/^个人信息保护说明\n您的权利/)
    expect(asked).to.not.include('有更新')
  })
})
