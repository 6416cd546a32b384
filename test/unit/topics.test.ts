import { expect } from 'chai'
import { readFileSync } from 'node:fs'
import { loadConfig } from '../../src/config.js'
import { classifyTopic, compileTopicClassifier, normalizeText } from '../../src/domain/topics.js'

const TOPICS = loadConfig().business.topics
const FILE = JSON.parse(readFileSync(new URL('../../config/topic-keywords.json', import.meta.url), 'utf8')) as {
  _doc: string
  keywords: Record<string, string[]>
}
const KEYWORDS = FILE.keywords
const classify = (text: string) => classifyTopic(text, KEYWORDS, TOPICS)

describe('topic classification', () => {
  describe('the keyword file', () => {
    it('has a list for every configured topic and no other', () => {
      expect(Object.keys(KEYWORDS)).to.have.members([...TOPICS])
      expect(FILE._doc).to.be.a('string').and.not.empty
    })

    it('has 20 to 60 keywords for every topic but 其他, none of them repeated anywhere', () => {
      const seen = new Map<string, string>()
      for (const [topic, words] of Object.entries(KEYWORDS)) {
        if (topic !== '其他') expect(words.length, topic).to.be.within(20, 60)
        for (const w of words) {
          expect(seen.get(w), `${w} is under ${seen.get(w)} and ${topic}`).to.equal(undefined)
          seen.set(w, topic)
        }
      }
    })
  })

  describe('single words land where a resident would look', () => {
    const cases: Array<[string, string]> = [
      ['路灯', '城乡建设'],
      ['垃圾', '环境保护'],
      ['噪音', '环境保护'],
      ['学校', '教育'],
      ['医保', '社会保障'],
      ['停车', '交通出行'],
      ['加装电梯', '城乡建设'],
      ['物业', '物业管理'],
      ['欠薪', '劳动就业'],
      ['公租房', '城乡建设'],
      ['疫苗', '医疗卫生'],
      ['营业执照', '营商环境'],
      ['宅基地', '农业农村'],
      ['景区', '文化旅游'],
      ['消防通道', '安全生产'],
      ['法律援助', '法治'],
    ]
    for (const [word, topic] of cases) it(`${word} → ${topic}`, () => expect(classify(word).topic).to.equal(topic))
  })

  describe('whole messages', () => {
    const cases: Array<[string, string]> = [
      ['我们小区门口的路灯坏了一个多月，晚上出门很不方便', '城乡建设'],
      ['楼下垃圾桶满了好几天没人清运，臭味很大', '环境保护'],
      ['隔壁工地晚上十一点还在施工，噪音吵得孩子睡不着', '环境保护'],
      ['饭店油烟直接排到居民楼里，窗户都不敢开', '环境保护'],
      ['河道里有人偷排污水，鱼都死了', '环境保护'],
      ['孩子明年上小学，想问一下我们小区划到哪个学校', '教育'],
      ['幼儿园学费太高，普惠园学位又不够', '教育'],
      ['我妈的医保卡在外地看病不能报销怎么办', '社会保障'],
      ['我父亲退休金一直没有到账', '社会保障'],
      ['家里困难，想申请低保不知道找谁', '社会保障'],
      ['老板拖欠工资半年了，我们去哪里讨薪', '劳动就业'],
      ['小区里停车位太少，晚上回来根本没地方停车', '交通出行'],
      ['公交站离小区太远了，能不能增加一条公交线路', '交通出行'],
      ['路口的红绿灯时间太短，老人过马路很危险', '交通出行'],
      ['小区门口早上学校接送孩子的车堵得水泄不通', '交通出行'],
      ['社区医院的医生太少，挂号要排很久', '医疗卫生'],
      ['孩子打疫苗要提前预约，但是一直约不上', '医疗卫生'],
      ['我们是老旧小区，六楼老人上下楼困难，希望能加装电梯', '城乡建设'],
      ['家门口的井盖丢了，晚上有人掉下去', '城乡建设'],
      ['下雨天小区积水严重，下水道堵了', '城乡建设'],
      ['物业公司收了物业费却不管事，业委会也成立不起来', '物业管理'],
      ['小区高空抛物砸坏了车', '社区治理'],
      ['开了个小店，办营业执照跑了好几趟', '营商环境'],
      ['企业贷款难，希望政府帮小微企业融资', '营商环境'],
      ['村里的土地流转款还没发，村民有意见', '农业农村'],
      ['今年玉米收购价格太低，种地不赚钱', '农业农村'],
      ['景区门票太贵，还有强制购物的情况', '文化旅游'],
      ['楼道里有人用电动车飞线充电，太危险了', '安全生产'],
      ['小区里的燃气管道老化有漏气的味道', '安全生产'],
      ['电梯困人半小时没人来救', '安全生产'],
      ['被人骗了三万块钱，派出所说立案很难', '法治'],
    ]
    for (const [text, topic] of cases) it(`${text} → ${topic}`, () => expect(classify(text).topic).to.equal(topic))
  })

  it('says which keywords of the winning topic it found, in the order of the text', () => {
    expect(classify('楼下垃圾站臭味很大，晚上还有噪音')).to.deep.equal({ topic: '环境保护', matched: ['垃圾站', '臭味', '噪音'] })
  })

  it('reads full-width letters and digits and ignores case and spaces', () => {
    expect(normalizeText('ＫＴＶ　噪 音 １２０')).to.equal('ktv噪音120')
    expect(classify('急救打１２０，救护车半小时才到').topic).to.equal('医疗卫生')
    const custom = compileTopicClassifier({ 交通出行: ['ETC'] }, ['交通出行', '其他'])
    expect(custom('高速的ｅｔｃ扣费两次').topic).to.equal('交通出行')
  })

  it('says 其他 when nothing matches, or the last topic when 其他 is not configured', () => {
    expect(classify('谢谢代表们的辛苦付出')).to.deep.equal({ topic: '其他', matched: [] })
    expect(classify('')).to.deep.equal({ topic: '其他', matched: [] })
    expect(classifyTopic('你好', KEYWORDS, ['教育', '法治']).topic).to.equal('法治')
  })

  it('weighs a longer keyword above shorter generic ones', () => {
    const keywords = { 安全生产: ['电'], 城乡建设: ['加装电梯'] }
    expect(classifyTopic('申请加装电梯', keywords, ['安全生产', '城乡建设', '其他']).topic).to.equal('城乡建设')
    // one specific four-character keyword outweighs three generic two-character ones
    const many = { 社区治理: ['物业', '业主', '小区'], 城乡建设: ['加装电梯'] }
    expect(classifyTopic('小区业主和物业商量加装电梯', many, ['社区治理', '城乡建设']).topic).to.equal('城乡建设')
  })

  it('does not count a keyword found inside a longer one', () => {
    const keywords = { 社区治理: ['社区'], 医疗卫生: ['社区医院'] }
    expect(classifyTopic('社区医院', keywords, ['社区治理', '医疗卫生'])).to.deep.equal({ topic: '医疗卫生', matched: ['社区医院'] })
  })

  it('breaks a tie by what the resident named first, never by the order of the configured list', () => {
    const keywords = { 交通出行: ['学校门口'], 教育: ['放学时间'] }
    expect(classifyTopic('放学时间学校门口', keywords, ['交通出行', '教育']).topic).to.equal('教育')
    expect(classifyTopic('放学时间学校门口', keywords, ['教育', '交通出行']).topic).to.equal('教育')
    expect(classifyTopic('学校门口放学时间', keywords, ['教育', '交通出行']).topic).to.equal('交通出行')
  })

  it('does not let a word naming who is affected (老人) outweigh the problem itself', () => {
    // The bot demo's resident, two lines joined as the bot joins them.
    expect(classify('小区门口的路灯坏了一个多月了。\n晚上老人出门看不清路，很危险。').topic).to.equal('城乡建设')
    expect(classify('晚上老人出门看不清路，小区门口的路灯坏了').topic).to.equal('城乡建设')
    expect(classify('楼下有老人养狗不拴绳').topic).to.equal('社区治理')
    expect(classify('楼下垃圾没人清运').topic, 'nor a word naming where (楼下)').to.equal('环境保护')
    expect(classify('家里老人没人照顾，想问问怎么办').topic, 'alone, it still says where to look').to.equal('社会保障')
    expect(classifyTopic('老人', { 社会保障: ['~老人'] }, ['社会保障', '其他'])).to.deep.equal({ topic: '社会保障', matched: ['老人'] })
  })

  it('counts a keyword once however often it is repeated', () => {
    const keywords = { 环境保护: ['垃圾'], 交通出行: ['停车场'] }
    expect(classifyTopic('垃圾垃圾垃圾停车场', keywords, ['环境保护', '交通出行']).topic).to.equal('交通出行')
  })

  it('ignores keywords of topics that are not configured', () => {
    expect(classifyTopic('路灯坏了', KEYWORDS, ['环境保护', '其他'])).to.deep.equal({ topic: '其他', matched: [] })
  })
})
