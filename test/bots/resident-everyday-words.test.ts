import { expect } from 'chai'
import { useCaseStory } from './case-story.js'
import { ask, type BotUnderTest, type Person } from './helpers.js'

/**
 * 孙阿姨 answers the bot the way she talks to a neighbour: "挺好的", "差评", "根本没修好，你们再看看"
 * under an answer; "湛河区" typed instead of its number; "发了吗" while she writes; "1" after a list of
 * her messages; "人工" and "这个是干什么的". Each gets what she meant, or a question, never a guess
 * and never the whole menu where a short answer does.
 */
describe('bot: a resident in her everyday words', function () {
  this.timeout(60_000)
  const story = useCaseStory({ resident: ['wx-sun', '孙阿姨'] })
  let t: BotUnderTest
  let sun: Person
  beforeEach(() => ({ bot: t, resident: sun } = story))

  it('scores in shop-review words: "挺好的" is 4, "好评" 5, "差评" 1 with the offer to handle it again, "不太满意，…" 2 with her words kept', async () => {
    for (const [said, score] of [
      ['挺好的', 4],
      ['好评！', 5],
    ] as const) {
      const ticket = await story.residentWithAnsweredMessage(`楼下路灯坏了（${said}）`, '已联系供电所。')
      expect(await ask(t, sun, said), said).to.include(`已记下您的评分：${score} 分`)
      expect((await story.stored(ticket))!.rating).to.equal(score)
    }
    const bad = await story.residentWithAnsweredMessage('垃圾桶满了没人清', '已联系环卫所。')
    expect(await ask(t, sun, '差评'))
      .to.include('已记下您的评分：1 分')
      .and.include('1. 重新办理')
    expect(await ask(t, sun, '2')).to.include('好的，谢谢您！')
    expect((await story.stored(bad))!.rating).to.equal(1)

    const lamp = await story.residentWithAnsweredMessage('北门的路灯坏了', '已修好。')
    expect(await ask(t, sun, '不太满意，晚上还是黑的'))
      .to.include('已记下您的评分：2 分')
      .and.include('您说的"晚上还是黑的"也记下了')
    expect((await story.stored(lamp))!.rating).to.equal(2)
  })

  it('"根本没修好，你们再看看" under an answer asks whether it is not solved: 1 scores it 不满意 with her words and then reopens it', async () => {
    const ticket = await story.residentWithAnsweredMessage('北门的路灯坏了一个月', '已联系供电所，路灯已修好。')
    const asked = await ask(t, sun, '根本没修好，你们再看看')
    expect(asked)
      .to.include(`您是说留言 ${ticket.slice(-4)} 的问题还没有解决吗？`)
      .and.include('1. 是的，没有解决')
      .and.include('2. 不是，这是另一件事')
    expect(asked, 'not taken for a new message').to.not.include('请选择您住在哪个区')
    expect((await story.stored(ticket))!.rating, 'nothing scored on a guess').to.equal(null)

    expect(await ask(t, sun, '1'))
      .to.include('已记下您的评分：2 分')
      .and.include('您说的"根本没修好，你们再看看"也记下了')
      .and.include('1. 重新办理')
    expect(await ask(t, sun, '1')).to.include(`已申请重新办理留言 ${ticket}`)
    expect((await story.stored(ticket))!.status).to.equal('reopened')
  })

  it('"2. 不是，这是另一件事" makes her words a new message, and the answer still waits for its score', async () => {
    const ticket = await story.residentWithAnsweredMessage('北门的路灯坏了', '已修好。')
    await ask(t, sun, '小区门口还是没人管，车乱停')
    const next = await ask(t, sun, '2')
    expect(next).to.include('这段话记下了，作为一条新留言').and.include('1. 湛河区')
    expect((await story.stored(ticket))!.rating).to.equal(null)
  })

  it('words the bot does not understand while an answer waits ask for the score again, not the whole menu', async () => {
    await story.residentWithAnsweredMessage('北门的路灯坏了', '已修好。')
    const said = await ask(t, sun, '嗯那个')
    expect(said).to.include('没看懂您的意思').and.include('5 很满意').and.not.include('1. 留言：向人大代表反映问题')
  })

  it('after 撤回 lists her messages, "1" takes back the first; after 查询, "1" shows the first in full', async () => {
    const first = await story.writes('楼道里的灯坏了一个星期')
    const second = await story.writes('小区门口的垃圾桶满了没人清')
    expect(await ask(t, sun, '撤回'))
      .to.include('可以撤回的留言：')
      .and.include('请回复前面的数字')
    expect(await ask(t, sun, '1')).to.include(`已撤回留言 ${second}`)
    expect((await story.stored(second))!.status).to.equal('withdrawn')

    expect(await ask(t, sun, '查询')).to.include('看哪一条的详情，请回复前面的数字')
    expect(await ask(t, sun, '2'))
      .to.include(`留言 ${first}`)
      .and.include('内容：楼道里的灯坏了一个星期')
    expect(await ask(t, sun, '2'), 'once: a number later is the menu again').to.not.include(`留言 ${first}【`)
  })

  it('typing the place\'s name picks it; her problem typed meanwhile is kept; "不知道" is told what to do', async () => {
    expect(await ask(t, sun, '留言')).to.include('同意请回复')
    expect(await ask(t, sun, '同意')).to.include('1. 湛河区')
    expect(await ask(t, sun, '我也不知道是哪个区')).to.include('不清楚在哪个区的话，可以发送代表的名字')
    expect(await ask(t, sun, '湛河区')).to.include('1. 轻工街道')
    expect(await ask(t, sun, '我家楼道灯坏了，三楼到五楼都不亮'))
      .to.include('您说的这段话先记下了，选好地方就能送出')
      .and.include('1. 轻工街道')
    expect(await ask(t, sun, '不清楚')).to.include('不清楚的话，回复 0，就发给湛河区')
    expect(await ask(t, sun, '轻工')).to.include('1. 建设路社区')
    const summary = await ask(t, sun, '建设路')
    expect(summary).to.include('发给：湛河区 轻工街道 建设路社区').and.include('内容：我家楼道灯坏了，三楼到五楼都不亮')
  })

  it('while she writes, "发了吗" hears it is not sent yet, a bare "2" stays out of the message, "发送" shows the summary', async () => {
    await ask(t, sun, '给DP0001留言')
    await ask(t, sun, '同意')
    expect(await ask(t, sun, '楼道灯坏了')).to.include('收到')
    expect(await ask(t, sun, '发了吗')).to.include('还没有送出。说完了请回复"好了"')
    expect(await ask(t, sun, '2')).to.include('您的留言还在写')
    expect(await ask(t, sun, '查询')).to.include('您正在写的留言还没有送出，所以还查不到')
    const summary = await ask(t, sun, '发送')
    expect(summary).to.include('内容：楼道灯坏了\n').and.include('1. 确认送出').and.not.include('发了吗')
  })

  it('"人工" and "你好，请问这个是干什么的" are answered, not taken for a message to a deputy', async () => {
    const person = await ask(t, sun, '人工')
    expect(person).to.include('由电脑自动回复，没有人工客服').and.include('想让代表打电话的话，留言里写上您的电话，代表需要时会打给您')
    const what = await ask(t, sun, '你好，请问这个是干什么的')
    expect(what).to.include('这里是人大代表联络站的留言小助手').and.include('1. 留言').and.not.include('这段话已经记下了')
    expect(await ask(t, sun, '😊')).to.match(/^您好！/)
  })

  it('"给ST001留言 菜市场门口太乱" goes to the station on the poster with her words; "0001" and "查 1" look her message up', async () => {
    await ask(t, sun, '给ST001留言 菜市场门口太乱')
    const summary = await ask(t, sun, '同意')
    expect(summary).to.include('发给：轻工街道代表联络站').and.include('内容：菜市场门口太乱')
    const ticket = /编号：(\d{8}-\d{4})/.exec(await ask(t, sun, '1'))![1]
    for (const said of [ticket.slice(-4), `查 ${Number(ticket.slice(-4))}`])
      expect(await ask(t, sun, said), said)
        .to.include(`留言 ${ticket}`)
        .and.include('内容：菜市场门口太乱')
  })

  it('the answer notice says a low score can ask for it to be handled again', async () => {
    const ticket = await story.writes('北门的路灯坏了')
    const notice = await story.zhangWeiAnswers(ticket, '已联系供电所。')
    expect(notice).to.include('5 很满意').and.include('问题没有解决的，打 1 分或 2 分，就可以申请重新办理。')
  })
})
