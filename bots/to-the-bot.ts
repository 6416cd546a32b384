/**
 * Words said to the bot itself, not to a deputy: a greeting, "你是谁", "人工", how this chat is used, whether her
 * message has gone yet. Answered short, and never taken into a message she is writing.
 */
import { bare, compact } from './typed-text.js'

/** "你好", "在吗", "早上好": a greeting, answered with the menu, never offered as a message. */
export function isGreeting(text: string): boolean {
  const t = bare(text).toLowerCase()
  return /^(?:你好|您好|你们好|大家好|在吗|在不在|有人吗|有人在吗|喂|早|早上好|上午好|中午好|下午好|晚上好|hello|hi|哈喽|嗨)+(?:啊|呀|呢|吗)?$/.test(t)
}

/** "你是谁", "你们是哪里的", "这是哪儿": who is answering, not words for a deputy. */
export function asksWhoThisIs(text: string): boolean {
  const t = bare(text)
  return /^(?:请问|喂)*(?:你|您|你们|您们)是(?:谁|哪位|哪个|哪里|哪儿|哪里的|什么人|干什么的|干嘛的)(?:啊|呀|呢|吗)?$|^(?:请问)?(?:这|这里|这是)(?:是)?(?:哪里|哪儿|什么地方)(?:啊|呀|呢)?$|^谁(?:啊|呀)$/.test(
    t,
  )
}

/**
 * A greeting or a question to the bot itself ("喂喂", "在吗", "你是谁", "人工", "你是机器人吗"): answered short,
 * and never taken into a message she is writing. Narrower than asksForPerson: "请代表给我回个电话" is her words.
 */
export function toTheBot(text: string): 'greeting' | 'who' | 'person' | null {
  if (isGreeting(text)) return 'greeting'
  if (asksWhoThisIs(text)) return 'who'
  if ([...compact(text)].length <= 8 && /人工|真人|客服|机器人/.test(text) && asksForPerson(text)) return 'person'
  return null
}

/** "发了吗", "送出了没有", "提交了没有", "代表收到了吗" while she is still writing: whether it has gone yet. */
export function asksIfSent(text: string): boolean {
  return /^(?:我的留言|留言|代表)?(?:发|发送|发出去|送出|送出去|提交|交上去|收到)了(?:吗|没|没有|么|嘛)[?？]*$/.test(compact(text))
}

/** "你好，请问这个是干什么的", "我不知道这个怎么用啊": what this chat is, not a message to a deputy. */
export function asksHowToUse(text: string): boolean {
  const t = compact(text)
  return t.length <= 24 && /怎么用|干什么的|干嘛的|做什么的|是什么|能干什么|能做什么|有什么用|怎么留言|如何留言|怎么反映|怎么操作|怎么弄|不会用|怎么写/.test(t)
}

/** "人工", "电话多少", "你是机器人吗": a person asking for a person. */
export function asksForPerson(text: string): boolean {
  const t = compact(text).replace(/[?？!！。.，,啊呀吗呢]+$/g, '')
  return t.length <= 16 && /人工|真人|客服|(?:找|要找|联系)(?:个)?(?:工作人员|人)|电话(?:多少|是多少|号码)?$|联系方式|机器人/.test(t)
}
