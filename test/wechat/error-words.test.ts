import { expect } from 'chai'
import { WeChatApiError } from '../../src/wechat/errors.js'
import { wechatFailureWords } from '../../src/wechat/error-words.js'

describe('a failed WeChat send, said for the office', () => {
  const failure = (errcode: number | null, errmsg: string, kind?: 'transport') =>
    new WeChatApiError({ api: '/cgi-bin/message/subscribe/send', errcode, errmsg, kind })

  it('says what a known code means, with WeChat’s own code and message after it', () => {
    expect(wechatFailureWords(failure(40037, 'invalid template_id rid: 1'))).to.equal(
      '消息模板编号无效：请检查小程序后台的订阅消息模板设置（40037 invalid template_id rid: 1）',
    )
  })

  it('says what kind of trouble an unlisted code or a lost connection is, and that it will be tried again', () => {
    expect(wechatFailureWords(failure(45009, 'reach max api daily quota limit'))).to.equal(
      '微信接口的调用次数已达上限，稍后自动重试（45009 reach max api daily quota limit）',
    )
    expect(wechatFailureWords(failure(null, 'connect ECONNREFUSED 127.0.0.1:9', 'transport'))).to.equal(
      '连接微信服务器失败（超时或网络中断），稍后自动重试（transport connect ECONNREFUSED 127.0.0.1:9）',
    )
    expect(wechatFailureWords(failure(99999, 'something new'))).to.equal('微信接口返回了未知错误（99999 something new）')
  })

  it('keeps within the 500 characters an outbox row holds', () => {
    expect(wechatFailureWords(failure(47003, 'x'.repeat(800)))).to.have.length(500)
  })
})
