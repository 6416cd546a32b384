import { expect } from 'chai'
import { ApiError } from '../../bots/client.js'
import { refusal } from '../../bots/flows/refusal.js'
import { splitMessage } from '../../bots/long-texts.js'
import { parseCommand } from '../../bots/parse-command.js'
import { progressQuestion } from '../../bots/progress-questions.js'
import { quotedAnswerTicket, quotedTicket, unquote } from '../../bots/quotes.js'
import { choiceNumber, dissatisfaction, ratingWord, scaleWord } from '../../bots/scores.js'
import { agreesToNotice, isThanks } from '../../bots/short-answers.js'
import { normalise } from '../../bots/typed-text.js'

describe('bot: reading what people type', () => {
  it('normalises full-width characters and stray spaces', () => {
    expect(normalise('  ＤＰ０００１　 留言 ')).to.equal('DP0001 留言')
    expect(normalise('绑定\u3000１２３４５６')).to.equal('绑定 123456')
  })

  it('reads the menu words, with typos and spaces typed on an old phone', () => {
    for (const typed of ['帮助', '菜单', '？', 'Help']) expect(parseCommand(typed), typed).to.deep.equal({ kind: 'help' })
    for (const typed of ['留言', '留 言', '流言', '我要留言', '给人大代表留言']) expect(parseCommand(typed), typed).to.deep.equal({ kind: 'startMessage' })
    for (const typed of ['查询', '查 询', '查寻', '我的留言']) expect(parseCommand(typed), typed).to.deep.equal({ kind: 'query', ticket: null })
    expect(parseCommand('好了！')).to.deep.equal({ kind: 'done' })
    expect(parseCommand('确定')).to.deep.equal({ kind: 'confirm' })
    expect(parseCommand('算了')).to.deep.equal({ kind: 'cancel' })
    expect(parseCommand('不同意'), 'not a yes').to.deep.equal({ kind: 'cancel' })
    expect(parseCommand('同意')).to.deep.equal({ kind: 'agree' })
    expect(parseCommand('代办'), 'a common slip for 待办').to.deep.equal({ kind: 'todo' })
    expect(parseCommand('号了'), 'a pinyin slip for 好了').to.deep.equal({ kind: 'done' })
  })

  it('reads numbered choices and ratings in the ways people write them', () => {
    for (const [typed, n] of [
      ['1', 1],
      ['１', 1],
      ['3.', 3],
      ['第2个', 2],
      ['五', 5],
      ['5分', 5],
      [' 4 ', 4],
    ] as const)
      expect(choiceNumber(typed), typed).to.equal(n)
    expect(choiceNumber('12号楼')).to.equal(null)
    expect(parseCommand('5')).to.deep.equal({ kind: 'number', value: 5 })
  })

  it('reads a query for one ticket, in full or by its last four digits', () => {
    expect(parseCommand('查询 20261122-0042')).to.deep.equal({ kind: 'query', ticket: '20261122-0042' })
    expect(parseCommand('查询：２０２６１１２２－００４２')).to.deep.equal({ kind: 'query', ticket: '20261122-0042' })
    expect(parseCommand('查询0042')).to.deep.equal({ kind: 'query', ticket: '0042' })
  })

  it('sends a message to a deputy named or coded in it', () => {
    expect(parseCommand('我要给张伟代表留言')).to.deep.equal({ kind: 'messageDeputy', who: '张伟', text: '' })
    expect(parseCommand('给DP0001留言')).to.deep.equal({ kind: 'messageDeputy', who: 'DP0001', text: '' })
    expect(parseCommand('给王芳人大代表留言：学校门口，车太多')).to.deep.equal({ kind: 'messageDeputy', who: '王芳', text: '学校门口，车太多' })
    expect(parseCommand('ST001')).to.deep.equal({ kind: 'code', code: 'ST001' })
    expect(parseCommand('ｄｐ０００２')).to.deep.equal({ kind: 'code', code: 'DP0002' })
  })

  it('reads the deputy commands, keeping their text as written', () => {
    expect(parseCommand('绑定 123456')).to.deep.equal({ kind: 'bind', code: '123456' })
    expect(parseCommand('绑定１２３４５６')).to.deep.equal({ kind: 'bind', code: '123456' })
    expect(parseCommand('回复 0042 已联系供电所，本周修好。')).to.deep.equal({ kind: 'reply', ref: '0042', text: '已联系供电所，本周修好。' })
    expect(parseCommand('回复20261122-0042：好的')).to.deep.equal({ kind: 'reply', ref: '20261122-0042', text: '好的' })
    expect(parseCommand('回复 0042')).to.deep.equal({ kind: 'reply', ref: '0042', text: '' })
    expect(parseCommand('受理 0042')).to.deep.equal({ kind: 'acknowledge', ref: '0042' })
    expect(parseCommand('转交 0042 不属于本站，请转交通部门')).to.deep.equal({ kind: 'transfer', ref: '0042', reason: '不属于本站，请转交通部门' })
    expect(parseCommand('参加')).to.deep.equal({ kind: 'attend' })
    expect(parseCommand('请假 外出开会')).to.deep.equal({ kind: 'excuse', reason: '外出开会' })
    expect(parseCommand('绑定站点 st001')).to.deep.equal({ kind: 'bindRoom', stationCode: 'ST001' })
  })

  it('leaves ordinary sentences as text, even when they start like a command', () => {
    expect(parseCommand('帮助我们修一下路灯')).to.deep.equal({ kind: 'text', text: '帮助我们修一下路灯' })
    expect(parseCommand('回复一下我的问题')).to.deep.equal({ kind: 'text', text: '回复一下我的问题' })
    expect(parseCommand('12号楼前的路灯坏了')).to.deep.equal({ kind: 'text', text: '12号楼前的路灯坏了' })
  })

  it('reads thanks, "嗯" and a message of emoji or WeChat faces as a pleasantry, and a sentence with an emoji as text', () => {
    for (const said of ['谢谢', '谢谢您！', '好的，谢谢', '辛苦了', '嗯嗯', '👍', '🙏🙏', '[抱拳]', '[强][强]', '👍🏻！', '❤️']) {
      expect(parseCommand(said), said).to.deep.equal({ kind: 'pleasantry' })
    }
    expect(parseCommand('路灯坏了😭')).to.deep.equal({ kind: 'text', text: '路灯坏了😭' })
    expect(parseCommand('谢谢代表帮我们修好了路灯')).to.deep.equal({ kind: 'text', text: '谢谢代表帮我们修好了路灯' })
    expect(parseCommand('3')).to.deep.equal({ kind: 'number', value: 3 })
  })

  it('reads a score said in ordinary words, with faces, stars and thanks around it', () => {
    for (const [said, score] of [
      ['满意', 4],
      ['很满意！', 5],
      ['很满意👍', 5],
      ['满意[强]', 4],
      ['满意[强][强]', 4],
      ['五星', 5],
      ['4星', 4],
      ['非常好', 5],
      ['很好[抱拳]', 5],
      ['挺好', 4],
      ['不错👍🏻', 4],
      ['还可以', 3],
      ['一般吧', 3],
      ['一般', 3],
      ['满意 谢谢', 4],
      ['满意，谢谢你们！', 4],
      ['5分 谢谢代表', 5],
      ['打5分', 5],
      ['很满意很满意', 5],
      ['路灯修好了很满意', null],
      ['谢谢', null],
      ['不满意', null],
    ] as const)
      expect(ratingWord(said), said).to.equal(score)
    expect(parseCommand('五星'), 'a number, as "5星" is').to.deep.equal({ kind: 'number', value: 5 })
  })

  it('reads a word of the rating scale alone as its score, and leaves other words about a problem aside', () => {
    for (const [typed, score] of [
      ['满意', 4],
      ['满意！', 4],
      ['很满意👍', 5],
      ['非常满意[强]', 5],
      ['基本满意。', 3],
      ['不满意', 2],
      ['很不满意', 1],
      ['满意，谢谢', 4],
    ] as const)
      expect(scaleWord(typed), typed).to.equal(score)
    for (const typed of ['不错', '5分', '满意的是路灯修好了', '不满意，灯还是不亮']) expect(scaleWord(typed), typed).to.equal(null)
    expect(ratingWord('基本满意'), 'as the scale names it, between 满意 and 不满意').to.equal(3)
  })

  it('takes a plain yes under the privacy notice, and nothing vaguer', () => {
    for (const typed of ['同意', '同意了', '我同意', '好的', '好', '行', '可以', '好的👍', '可以。', '好的好的', '确认', '确认！', '确定'])
      expect(agreesToNotice(typed), typed).to.equal(true)
    for (const typed of ['嗯', '好的吗？', '不同意', '什么意思', '确认什么', '']) expect(agreesToNotice(typed), typed).to.equal(false)
  })

  it('reads thanks said at length as thanks, and thanks followed by a problem as a message', () => {
    expect(isThanks('谢谢代表帮我们修好了路灯')).to.equal(true)
    expect(isThanks('感谢你们的帮助！')).to.equal(true)
    expect(isThanks('谢谢你们，但是路灯还是不亮')).to.equal(false)
    expect(isThanks('麻烦你们看一下路灯')).to.equal(false)
  })

  it('reads 不满意 at the start of a longer text, keeping the rest in her own words as the reason', () => {
    expect(dissatisfaction('不满意，灯还是不亮')).to.deep.equal({ score: 2, reason: '灯还是不亮' })
    expect(dissatisfaction('不满意啊灯还是不亮你们再去看看')).to.deep.equal({ score: 2, reason: '灯还是不亮你们再去看看' })
    expect(dissatisfaction('很不满意！！问题根本没解决')).to.deep.equal({ score: 1, reason: '问题根本没解决' })
    expect(dissatisfaction('不满意')).to.deep.equal({ score: 2, reason: '' })
    expect(dissatisfaction('不满意[撇嘴]'), 'a face is no reason').to.deep.equal({ score: 2, reason: '' })
    expect(dissatisfaction('我不满意物业的服务')).to.equal(null)
  })

  it('reads "that is all", thanks and yes in the ways people say them again and again', () => {
    for (const said of ['就这些了', '就这些啦', '好了好了', '好了好了好了', '说完啦', '没有了', '好了👍'])
      expect(parseCommand(said), said).to.deep.equal({ kind: 'done' })
    for (const said of ['谢谢谢谢[抱拳]', '谢谢谢谢', '感谢感谢感谢', '嗯嗯嗯']) expect(parseCommand(said), said).to.deep.equal({ kind: 'pleasantry' })
    for (const said of ['好', '好的', '行', '可以', '好的好的', '好的👌']) expect(parseCommand(said), said).to.deep.equal({ kind: 'confirm' })
    expect(parseCommand('对了，还有楼道灯'), 'a sentence stays text').to.deep.equal({ kind: 'text', text: '对了，还有楼道灯' })
  })

  it('reads "查一下", "进展怎么样" as a query, and a question after a message in a sentence', () => {
    for (const said of ['查一下', '进展怎么样', '进展怎么样？', '有答复了吗']) expect(parseCommand(said), said).to.deep.equal({ kind: 'query', ticket: null })
    expect(parseCommand('查一下路灯为什么不亮'), 'a message part stays text').to.deep.equal({ kind: 'text', text: '查一下路灯为什么不亮' })
    expect(progressQuestion('我那个路灯的事怎么样了')).to.equal('')
    expect(progressQuestion('路灯那个事有结果了吗？')).to.equal('')
    expect(progressQuestion('0001 办好了没有')).to.equal('0001')
    expect(progressQuestion('查一下我的留言20261204-0001')).to.equal('20261204-0001')
    expect(progressQuestion('我们楼下路灯坏了找谁反映啊')).to.equal(null)
    expect(progressQuestion('查一下路灯为什么不亮')).to.equal(null)
  })

  it('finds the message a quoted answer notice is about, and no other quoted ticket', () => {
    const notice = '联络站小助手：您的留言 20261204-0001 有答复了：\n已联系供电所。\n\n请为办理结果打分，回复一个数字：'
    expect(quotedAnswerTicket(unquote(`「${notice}」\n- - - - - - - - - - - - - - -\n4`).quoted)).to.equal('20261204-0001')
    const named = '联络站小助手：您12月4日反映的“路灯不亮”（编号 20261204-0002）有答复了：\n已联系供电所。\n\n请为办理结果打分，回复一个数字：'
    expect(quotedAnswerTicket(unquote(`「${named}」\n- - - - - - - - - - - - - - -\n4`).quoted), 'named by its words too').to.equal('20261204-0002')
    expect(quotedAnswerTicket('联络站小助手：留言已送出，谢谢您！\n编号：20261204-0001')).to.equal(null)
    expect(quotedAnswerTicket(null)).to.equal(null)
  })

  it("says a refusal's detail when it is in words, never a status or an id meant for programs", () => {
    const long = new ApiError(422, 'validation_failed', '输入有误', [{ path: 'body.text', message: '答复内容最多 2000 字' }])
    expect(refusal(long)).to.equal('输入有误：答复内容最多 2000 字')
    const moved = new ApiError(409, 'illegal_transition', '留言当前为「已答复」，不能执行此操作', [{ path: 'status', message: 'replied' }])
    expect(refusal(moved)).to.equal('留言当前为「已答复」，不能执行此操作')
  })

  it('splits a long text at sentence ends under the limit, and leaves a short one whole', () => {
    expect(splitMessage('短消息。')).to.deep.equal(['短消息。'])
    const sentence = '这是一句用来测试切分的话，长度适中。'
    const long = sentence.repeat(200) // 3,600 characters
    const parts = splitMessage(long, 1500)
    expect(parts.length).to.equal(3)
    for (const p of parts) {
      expect([...p].length).to.be.at.most(1500)
      expect(p.endsWith('。') || p === parts.at(-1)).to.equal(true)
    }
    expect(parts.join('')).to.equal(long)
  })

  it('cuts text without sentence ends at the limit, never inside a character', () => {
    const text = '😀'.repeat(3100)
    const parts = splitMessage(text, 1500)
    expect(parts.map((p) => [...p].length)).to.deep.equal([1500, 1500, 100])
  })

  it("takes a WeChat quote (引用) apart from the person's own words, and finds the ticket a quoted notice names", () => {
    const notice = '联络站小助手：张伟代表，您有一条新留言 20261203-0014（城市管理）：路灯坏了，请在12月4日前受理。'
    const quoted = unquote(`「${notice}」\n- - - - - - - - - - - - - - -\n已联系供电所，明天修好`)
    expect(quoted).to.deep.equal({ quoted: notice, own: '已联系供电所，明天修好' })
    expect(quotedTicket(quoted.quoted)).to.equal('20261203-0014')
    expect(unquote('路灯坏了「很久」了'), 'brackets in plain text are no quote').to.deep.equal({ quoted: null, own: '路灯坏了「很久」了' })
    expect(quotedTicket('联络站小助手：您好！请问有什么可以帮您？')).to.equal(null)
  })
})
