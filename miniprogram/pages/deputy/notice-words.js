const { noticesOffWords } = require('../../utils/notices-off')

/**
 * How new messages reach a deputy, said on his workbench so that he never has to keep count of WeChat's one-time
 * yeses. The backend sends a person's news by a mini-program notice while a yes is left, else by his bound chat
 * (src/services/delivery/dispatcher.ts: mp_subscribe, then bot_private). So a bound chat is the way that needs no
 * counting: offered first while it is not bound, and once it is, the only thing said; the yes to WeChat is second.
 */

/** Low: at most one yes left, and a 催办 or a meeting notice may take it before the next new message comes. */
const LOW = 1

/**
 * `n`: GET /api/mp/deputy/notices ({ templateIds, app: { longTerm, left }, bot }); `bot`: the chat account's nickname.
 * Answers { warning, text, canSubscribe }: `warning` leads the card while a new message may reach him by no
 * way at all, `text` says what the yes to WeChat does, `canSubscribe` whether its button is offered.
 */
function noticeStanding(n, bot) {
  const offered = n.templateIds.length > 0
  if (n.bot) {
    // Bound: every notice reaches his chat when no yes is left, so a yes only moves some of them out of the chat he can
    // answer in, and brings back the count: no button. A long-term yes sends them all as WeChat notices: said so.
    const text =
      offered && n.app.longTerm
        ? '有新留言、催办时，会发微信通知给您。您的微信聊天也已绑定。'
        : '新留言会发到您的微信聊天里（已绑定），请留意“' + bot + '”发来的消息。'
    return { warning: '', text, canSubscribe: false }
  }
  // The office has not switched WeChat notices on: 我的's words, and the chat offered above them is the only way.
  if (!offered) return { warning: '', text: noticesOffWords({ deputy: true, bot: false, botName: bot }), canSubscribe: false }
  if (n.app.longTerm) return { warning: '', text: '有新留言、催办时，会发微信通知给您。', canSubscribe: false }
  if (n.app.left > LOW) return { warning: '', text: '现在有新留言时，会发微信通知给您。', canSubscribe: true }
  return {
    warning: '下次新留言可能收不到通知。',
    text: '不绑定的话，也可以点“开通微信通知”，微信问您时点“允许”。',
    canSubscribe: true,
  }
}

/** Said when he said yes: no count, and the way that needs none (his chat is not bound: the button is offered only then). */
const SUBSCRIBED = '已开通。微信规定允许一次只能通知一次；想一直收到，请绑定上面的微信聊天。'

/**
 * Said when he did not say yes. The chat is offered above, with its 绑定微信聊天 button (the yes is asked only while it
 * is not bound): said there once, not here a second time.
 */
const DECLINED = '没有开通。有新留言时，联络站工作人员会打电话告诉您。'

/**
 * The chat offered while it is not bound (`bot`: its nickname): why first (no yes to give again and again), then the
 * button by its name (two buttons share the card), and that the sentence to send comes after the tap.
 */
function chatOfferWords(bot) {
  return '绑定微信聊天后，新留言会直接发到您的微信聊天里，不用再点允许。点“绑定微信聊天”，会给您一句话，把它发给“' + bot + '”就行。'
}

/**
 * Said in place of the offer when the words ran out (his page stayed open, or he came back to it later), above the button
 * that is back: a normal timeout, in the body colour, not an error under the button repeating the offer.
 */
const CHAT_WORDS_EXPIRED = '刚才给您的那句话已经过期了。请再点一次“绑定微信聊天”，拿一句新的。'

module.exports = { noticeStanding, chatOfferWords, CHAT_WORDS_EXPIRED, SUBSCRIBED, DECLINED }
