import { expect } from 'chai'
import {
  checkSubscribeValue,
  formatWeChatDate,
  formatWeChatTime,
  prepareSubscribeData,
  subscribeValueType,
  type ValueCheck,
} from '../../src/wechat/subscribe-values.js'

const sent = (check: ValueCheck) => {
  if (!check.ok) throw new Error(`refused: ${check.reason}`)
  return check.value
}
const reason = (check: ValueCheck) => {
  if (check.ok) throw new Error(`accepted: ${check.value}`)
  return check.reason
}

describe('subscribe message values', () => {
  it('reads the keyword type from the key', () => {
    expect(subscribeValueType('thing1')).to.equal('thing')
    expect(subscribeValueType('character_string12')).to.equal('character_string')
    expect(subscribeValueType('phone_number3')).to.equal('phone_number')
    expect(subscribeValueType('thing')).to.equal(null)
    expect(subscribeValueType('color1')).to.equal(null)
    expect(reason(checkSubscribeValue('color1', 'red'))).to.include('color1')
  })

  it('cuts a thing longer than 20 characters to 19 and an ellipsis', () => {
    expect(checkSubscribeValue('thing1', '关于召开青澜市人大代表座谈会的通知')).to.deep.equal({
      ok: true,
      value: '关于召开青澜市人大代表座谈会的通知',
      cut: false,
    })
    const long = '关于召开青澜市第十七届人民代表大会第三次会议代表座谈会的通知'
    const check = checkSubscribeValue('thing1', long)
    expect(check).to.deep.equal({ ok: true, value: `${Array.from(long).slice(0, 19).join('')}…`, cut: true })
    expect(Array.from(sent(check))).to.have.length(20)
    // An emoji is one character, not two UTF-16 units.
    expect(sent(checkSubscribeValue('thing1', '🎉'.repeat(20)))).to.equal('🎉'.repeat(20))
  })

  it('turns line breaks into spaces and drops other control characters, in every type', () => {
    expect(sent(checkSubscribeValue('thing1', '代表接待日\r\n  第二场'))).to.equal('代表接待日 第二场')
    expect(sent(checkSubscribeValue('character_string2', 'A-12\u0007'))).to.equal('A-12')
    expect(reason(checkSubscribeValue('thing1', '\n\t'))).to.include('不能为空')
  })

  it('refuses a phrase that is not at most 5 Chinese characters', () => {
    expect(sent(checkSubscribeValue('phrase3', '待签到'))).to.equal('待签到')
    expect(reason(checkSubscribeValue('phrase3', '请于明日签到')))
      .to.include('phrase3')
      .and.include('5个以内的汉字')
    expect(reason(checkSubscribeValue('phrase3', 'OK'))).to.include('Chinese characters')
    expect(reason(checkSubscribeValue('phrase3', '待 签到'))).to.include('phrase3')
  })

  it('refuses a number that is not at most 32 digits', () => {
    expect(sent(checkSubscribeValue('number4', '12'))).to.equal('12')
    expect(sent(checkSubscribeValue('number4', '3.75'))).to.equal('3.75')
    expect(reason(checkSubscribeValue('number4', '1e5'))).to.include('number4')
    expect(reason(checkSubscribeValue('number4', '12 人'))).to.include('number4')
    expect(reason(checkSubscribeValue('number4', '9'.repeat(33)))).to.include('32')
  })

  it('cuts a character_string or letter to 32, and refuses other characters', () => {
    expect(sent(checkSubscribeValue('character_string5', 'QL-2026-000123'))).to.equal('QL-2026-000123')
    expect(checkSubscribeValue('character_string5', 'x'.repeat(40))).to.deep.equal({ ok: true, value: 'x'.repeat(32), cut: true })
    expect(reason(checkSubscribeValue('character_string5', '编号12'))).to.include('character_string5')
    expect(checkSubscribeValue('letter1', 'a'.repeat(33))).to.deep.equal({ ok: true, value: 'a'.repeat(32), cut: true })
    expect(reason(checkSubscribeValue('letter1', 'abc1'))).to.include('letters only')
  })

  it('accepts WeChat time formats and refuses malformed times', () => {
    for (const value of ['15:01', '9:05', '2019年10月1日 15:01', '2026年11月25日 09:00~11:30', '2026-11-25 09:00 ~ 2026-11-26 17:00']) {
      expect(sent(checkSubscribeValue('time2', value)), value).to.equal(value)
    }
    for (const value of ['明天上午', '25:00', '2026年13月1日 09:00', '2026年11月25日', '09:00 下午']) {
      expect(reason(checkSubscribeValue('time2', value)), value).to.include('time2')
    }
  })

  it('accepts WeChat date formats and refuses malformed dates', () => {
    for (const value of ['2019年10月1日', '2019-10-01', '2019/10/1', '2019.10.1', '2019年10月1日 15:01', '2026年11月25日~2026年11月27日']) {
      expect(sent(checkSubscribeValue('date6', value)), value).to.equal(value)
    }
    for (const value of ['下周一', '2019年10月32日', '10:00']) expect(reason(checkSubscribeValue('date6', value)), value).to.include('date6')
  })

  it('cuts names to 10 Chinese characters or 20 letters, and refuses mixed ones', () => {
    expect(sent(checkSubscribeValue('name1', '张三'))).to.equal('张三')
    expect(sent(checkSubscribeValue('name1', '阿依古丽·买买提'))).to.equal('阿依古丽·买买提')
    expect(sent(checkSubscribeValue('name1', '欧阳'.repeat(6)))).to.equal('欧阳'.repeat(5))
    expect(sent(checkSubscribeValue('name1', 'Alexander Maximilian Smith'))).to.equal('Alexander Maximilian')
    expect(reason(checkSubscribeValue('name1', '张三Bob'))).to.include('name1')
  })

  it('checks phone numbers, amounts, plates, symbols and passes enums to WeChat', () => {
    expect(sent(checkSubscribeValue('phone_number7', '0571-87654321'))).to.equal('0571-87654321')
    expect(reason(checkSubscribeValue('phone_number7', '1'.repeat(18)))).to.include('17')
    expect(reason(checkSubscribeValue('phone_number7', '电话13800138000'))).to.include('phone_number7')
    expect(sent(checkSubscribeValue('amount8', '¥100.50'))).to.equal('¥100.50')
    expect(sent(checkSubscribeValue('amount8', '100元'))).to.equal('100元')
    expect(reason(checkSubscribeValue('amount8', '一百元'))).to.include('amount8')
    expect(sent(checkSubscribeValue('car_number9', '浙A12345'))).to.equal('浙A12345')
    expect(reason(checkSubscribeValue('car_number9', '浙A123456789'))).to.include('car_number9')
    expect(sent(checkSubscribeValue('symbol1', '★'))).to.equal('★')
    expect(reason(checkSubscribeValue('symbol1', '!!!!!!'))).to.include('5')
    expect(sent(checkSubscribeValue('enum1', '已受理'))).to.equal('已受理')
  })

  it('prepares a whole message: values to send, keys cut, every refusal', () => {
    const prepared = prepareSubscribeData({ thing1: '很长'.repeat(15), time2: '2026年11月25日 09:00', phrase3: '请准时参加会议', number4: 'abc' })
    expect(prepared.values).to.have.keys('thing1', 'time2')
    expect(prepared.cut).to.deep.equal(['thing1'])
    expect(prepared.problems.map((p) => p.key)).to.deep.equal(['phrase3', 'number4'])
    expect(prepareSubscribeData({}).problems).to.have.length(1)
  })

  it('formats time and date values in the business time zone', () => {
    expect(formatWeChatTime(new Date('2026-11-25T01:00:00Z'), 'Asia/Shanghai')).to.equal('2026年11月25日 09:00')
    expect(formatWeChatTime(new Date('2026-11-24T16:05:00Z'), 'Asia/Shanghai')).to.equal('2026年11月25日 00:05')
    expect(formatWeChatDate(new Date('2026-01-04T20:00:00Z'), 'Asia/Shanghai')).to.equal('2026年1月5日')
    expect(formatWeChatTime(new Date('2026-11-25T01:00:00Z'), 'Asia/Urumqi'), 'another zone, right after').to.equal('2026年11月25日 07:00')
    expect(formatWeChatDate(new Date('2026-01-04T20:00:00Z'), 'UTC')).to.equal('2026年1月4日')
    expect(sent(checkSubscribeValue('time2', formatWeChatTime(new Date(), 'Asia/Shanghai')))).to.be.a('string')
  })
})
