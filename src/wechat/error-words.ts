import { WeChatApiError, type WeChatErrorKind } from './errors.js'

/**
 * What a WeChat failure means, in the words the office's operators read on the outbox page
 * (未能送达 / 待发送 and why). WeChat's own errcode and errmsg follow in brackets, for whoever
 * fixes it. The codes are those of ../shared/reference/wechat.md.
 */
const BY_ERRCODE = new Map<number, string>([
  [40003, '收件人的微信标识无效（可能已注销，或不属于本小程序）'],
  [40037, '消息模板编号无效：请检查小程序后台的订阅消息模板设置'],
  [41030, '消息要打开的小程序页面不存在或尚未发布'],
  [43101, '对方没有订阅这类消息，或订阅次数已用完'],
  [43107, '小程序的订阅消息能力已被封禁'],
  [43108, '同时向同一个人发送了多条消息，微信未接收'],
  [45168, '消息内容含有微信不允许的词语'],
  [47003, '消息内容不符合模板要求（如字数过长或格式不对）'],
  [40164, '服务器地址不在小程序后台的 IP 白名单中'],
  [48001, '小程序没有这项接口的权限'],
  [40013, '小程序的 AppID 无效：请检查配置'],
  [40125, '小程序的 AppSecret 无效：请检查配置'],
  [40243, '小程序的 AppSecret 已被冻结'],
])

const BY_KIND: Record<WeChatErrorKind, string> = {
  token: '微信接口凭证失效，系统会自动重新获取',
  no_subscription: '对方没有订阅这类消息，或订阅次数已用完',
  quota: '微信接口的调用次数已达上限，稍后自动重试',
  bad_data: '微信拒收了这条消息的内容或收件人',
  config: '小程序的配置或权限有误，需要管理员处理',
  code: '微信登录凭证无效或已用过',
  system: '微信服务器暂时出错，稍后自动重试',
  transport: '连接微信服务器失败（超时或网络中断），稍后自动重试',
  unknown: '微信接口返回了未知错误',
}

/** A failed send said for a person, with WeChat's code and message after it; at most 500 characters. */
export function wechatFailureWords(err: unknown): string {
  if (!(err instanceof WeChatApiError)) return (err instanceof Error ? err.message : String(err)).slice(0, 500)
  const words = (err.errcode !== null && BY_ERRCODE.get(err.errcode)) || BY_KIND[err.kind]
  const raw = `${err.errcode ?? err.kind} ${err.errmsg}`
  return `${words}（${raw}）`.slice(0, 500)
}

/** A setup mistake (kind 'config') in the office's words alone, without WeChat's errmsg: what /readyz shows. */
export function wechatSetupWords(err: WeChatApiError): string {
  return (err.errcode !== null && BY_ERRCODE.get(err.errcode)) || BY_KIND.config
}
