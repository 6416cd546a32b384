const { noticesOffWords } = require('../../utils/notices-off')

/**
 * How new messages reach a deputy, said on his workbench and in the same words on 我的 and his digest page, so that he
 * never has to keep count of WeChat's one-time yeses (a resident's 我的 says hers the same way: residentStanding). The
 * backend sends a person's news by a mini-program notice while a yes is left, else by his bound chat
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

/** WeChat's rule for a one-time yes, said as a rule and never as a count of what is left. */
const ONE_AT_A_TIME = '微信规定点一次“允许”只能收到一次通知'

/** Said when he said yes: no count, and the way that needs none (his chat is not bound: the button is offered only then). */
const SUBSCRIBED = '已开通。' + ONE_AT_A_TIME + '；想一直收到，请绑定上面的微信聊天。'

/**
 * Said when he did not say yes. The chat is offered above, with its 绑定微信聊天 button (the yes is asked only while it
 * is not bound): said there once, not here a second time.
 */
const DECLINED = '没有开通。有新留言时，联络站工作人员会打电话告诉您。'

/** Why his chat is worth binding: the one way that asks for no yes again and again. */
const CHAT_WHY = '绑定微信聊天后，新留言会直接发到您的微信聊天里，不用再点允许。'

/**
 * The chat offered while it is not bound (`bot`: its nickname): why first (no yes to give again and again), then the
 * button by its name (two buttons share the card), and that the sentence to send comes after the tap.
 */
function chatOfferWords(bot) {
  return CHAT_WHY + '点“绑定微信聊天”，会给您一句话，把它发给“' + bot + '”就行。'
}

/** The same offer on 我的, whose button takes him to his workbench, where the words to send are given. */
const CHAT_OFFER_ON_MINE = CHAT_WHY + '请到“代表工作台”绑定。'

/**
 * Said in place of the offer when the words ran out (his page stayed open, or he came back to it later), above the button
 * that is back: a normal timeout, in the body colour, not an error under the button repeating the offer.
 */
const CHAT_WORDS_EXPIRED = '刚才给您的那句话已经过期了。请再点一次“绑定微信聊天”，拿一句新的。'

/**
 * A resident's standing on 我的, in the shape of noticeStanding. `n`: her profile's notices ({ longTerm, left, ever }: the
 * answer's template's, as src/domain/notices-on.ts reads them; a meeting's yes left brings her no answer), `offered`:
 * whether the office asks for any, `joined`: her chat joined to this account (the profile's chatJoined), `bot`: its
 * nickname. No warning: one yes covers her next answer, and no other way can be offered her (a chat is joined only from
 * one she already wrote in), so a "may not come" would only send her back to tap again.
 * Joined, her chat brings every notice no yes covers, as a deputy's bound chat does: said so, and no yes asked.
 */
function residentStanding(n, offered, joined, bot) {
  const on = n || { longTerm: false, left: 0, ever: false }
  if (!offered) return { warning: '', text: noticesOffWords({ deputy: false, bot: joined, botName: bot }), canSubscribe: false }
  if (joined) {
    const text = on.longTerm ? '已开通：有消息会一直发到您的微信上。' : '代表答复时，“' + bot + '”会在微信聊天里告诉您。'
    return { warning: '', text, canSubscribe: false }
  }
  if (on.longTerm) return { warning: '', text: '已开通：有消息会一直发到您的微信上。', canSubscribe: false }
  // The next one, not how many: each yes covers one, and which template a yes was for is not hers to know.
  if (on.left > 0) return { warning: '', text: '已开通：下一条答复或通知会发到您的微信上。', canSubscribe: true }
  if (on.ever) return { warning: '', text: '以前开通的微信通知已经用完了，现在收不到。想收到，请点“开通微信通知”。', canSubscribe: true }
  return { warning: '', text: '还没有开通微信通知。', canSubscribe: true }
}

/**
 * Said on his digest page after his yes for the digest's template (`sends`: its reach's mpSends; absent from an older
 * server). Long-term: every day. One-time: the rule, as the workbench says it, and `fix`, the way that needs no yes
 * each day (digest.js words it for the way he picked).
 */
function digestSubscribedWords(sends, fix) {
  if (!sends) return '已开通小程序消息。'
  if (sends.longTerm) return '已开通小程序消息，每天的摘要都会发给您。'
  return '已开通。' + ONE_AT_A_TIME + '；想每天都收到，' + fix
}

module.exports = {
  noticeStanding,
  residentStanding,
  chatOfferWords,
  CHAT_OFFER_ON_MINE,
  CHAT_WORDS_EXPIRED,
  SUBSCRIBED,
  DECLINED,
  digestSubscribedWords,
}
