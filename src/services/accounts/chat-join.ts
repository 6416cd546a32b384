import { randomUUID } from 'node:crypto'
import type { Clock } from '../../clock.js'
import { ConflictError, ForbiddenError, NotFoundError, UnprocessableError } from '../../errors.js'
import type { PiiCipher } from '../../security/pii.js'
import { CHAT_JOINED_KIND, CHAT_UNJOINED_KIND } from '../../store/chat-join-moved.js'
import type { AuditEntry, ChatJoined, MpUserRecord, Store } from '../../store/ports.js'
import { outboxMessage } from '../delivery/outbox-message.js'
import type { MpPrincipal } from './mp-sessions.js'
import { issueCode } from './mp-account.js'

/**
 * How long her code works, and so how long the chat's request waits for her answer: long enough to switch from the
 * mini-program to the chat, send it, and come back to say it is hers.
 */
export const CHAT_CODE_MINUTES = 30

/** What she sends to the bot, as the mini-program shows it: the command deputies and staff bind with. */
export const chatCodeWords = (code: string) => `绑定 ${code}`

/** What she sees there: the button that gives her new words to send (the code is inside them). */
const ASK_AGAIN = '请在小程序“我的”里再点一次“把聊天里的留言放到这里”，把新给的那句话发给我。'

/**
 * Said to the chat right after any join: her code is a bearer credential, so a victim talked into sending a scammer's
 * words from her chat would have her chat joined to his account, confirmed on his own phone. She hears it at once, in
 * the chat the messages came from, and one word there undoes it (undoFromChat). Addressed to the chat itself (its own
 * person's id), never to the account: the account letting go of the chat at once cannot drop it.
 */
export const JOINED_CHAT_NOTICE =
  '您在微信聊天里发的留言，已经放到一个小程序账号里了，那个账号能看到。\n' +
  '如果不是您自己在小程序里确认的，请回复“解除”：留言会回到这里，那个账号就看不到了。'

/** Said to the chat when the account says 解除 in the mini-program: what it wrote is its own again, and where to see it. */
export const UNJOINED_CHAT_NOTICE =
  '您的聊天和小程序账号已经解除（是在小程序里解除的），聊天里发的留言回到这里，那个小程序账号看不到了。发送“查询”可以看您的留言。'

/**
 * The notices' kinds (store/chat-join-moved.ts: never moved to the account): each travels by the chat only (its
 * `channels`), and at once, even at night (config quietHours).
 */
export { CHAT_JOINED_KIND, CHAT_UNJOINED_KIND }

/**
 * A chat joined to her mini-program account cannot erase it: whoever holds that chat (a grandson who sent her code
 * from his own WeChat, a WeChat she said was hers by mistake) would delete her account, which cannot be undone. She
 * deletes in the mini-program, where she is signed in as herself, or undoes the join there (解除).
 */
export const ERASE_IN_MINI_PROGRAM =
  '您在这里发的留言已经放到小程序里了，这里和小程序是同一个账号。为了防止别人用这个聊天删掉您的账号，' +
  '删除请在小程序里做：打开小程序，点“我的—我的信息”，再点“删除我的信息”。\n' +
  '只想让这个聊天不再连着小程序：在小程序“我的”里点“解除”。'

/** 解除 said in a chat that is not joined to any mini-program account. */
const CHAT_NOT_JOINED = '这个聊天现在没有和小程序账号连在一起，不用解除。'

/** What ChatJoin is built from. */
export interface ChatJoinDeps {
  store: Pick<Store, 'bindingCodes' | 'bot' | 'chatJoins' | 'mpUsers'>
  cipher: PiiCipher
  clock: Clock
}

/** Her chat as the mini-program shows it: a chat asking, waiting for her answer, or the chat joined. */
export interface ChatJoinState {
  pending: { id: string; chatName: string | null } | null
  joined: { chatName: string | null; joinedAt: Date } | null
}

/**
 * A resident who writes both in the chat and in the mini-program has two accounts (the bot knows her by her WeChat
 * contact, the mini-program by its openid). Joining them takes both sides, since her code alone proves nothing about
 * who sends it: the mini-program gives her a one-time code (the deputies' and staff's 绑定码 machinery, under a purpose
 * and a shape of its own); the chat that sends "绑定 12345678" only asks (`request`, from BotPeople.bind), and the
 * bot says to go back to the mini-program; there she is asked whether that WeChat (by its name) is hers, and only her
 * 是我的 (`confirm`) moves anything: everything of that chat then belongs to her account (ChatJoinRepo.confirm), so
 * 我的留言 and 导出 cover it, and the chat goes on as that account. 不是我的 (`refuse`) ends it; the request also lapses
 * with the code. Right after the join the chat is told so (JOINED_CHAT_NOTICE), and "解除" there takes back what came
 * from it (`undoFromChat`). 我的 then says which WeChat is joined and since when, with 解除 (`unjoin`), which gives the
 * chat back the same, and tells it (UNJOINED_CHAT_NOTICE). Deputies and
 * staff keep their two bindings apart (their chat is bound by its own code; a joined account binds neither:
 * joined-officials.ts).
 */
export class ChatJoin {
  private readonly store: Pick<Store, 'bindingCodes' | 'bot' | 'chatJoins' | 'mpUsers'>
  private readonly cipher: PiiCipher
  private readonly clock: Clock

  constructor(deps: ChatJoinDeps) {
    ;({ store: this.store, cipher: this.cipher, clock: this.clock } = deps)
  }

  /** Her code, the words to send and for how many minutes it works (the mini-program's 把聊天里的留言放到这里). */
  async issue(principal: MpPrincipal) {
    const user = await this.store.mpUsers.get(principal.id)
    if (!user) throw new NotFoundError('用户不存在')
    if (user.deputyId) throw new ForbiddenError('代表的微信聊天用工作人员给的绑定码绑定，不用在这里取码。', 'chat_join_not_resident')
    if (user.botContactId) throw new ConflictError('您在微信聊天里发的留言已经放到这里了，在“我的留言”里就能看到。', [], 'chat_already_joined')
    const issued = await issueCode(this.store, this.cipher, this.clock, 'resident', user.id, user.id, CHAT_CODE_MINUTES * 60_000)
    return { ...issued, words: chatCodeWords(issued.code), minutes: CHAT_CODE_MINUTES }
  }

  /**
   * The chat person `chatPersonId` sent the code of mini-program account `accountId` (already redeemed, so a code is
   * used once, even when refused here). Nothing moves: the request waits for her answer in the mini-program until
   * `expiresAt` (the code's end). `chatName`: the chat's WeChat name as the bot sees it, which she is asked about.
   */
  async request(chatPersonId: string, accountId: string, expiresAt: Date, chatName: string | null): Promise<{ minutes: number }> {
    const chat = await this.store.mpUsers.get(chatPersonId)
    if (!chat?.botContactId) throw new NotFoundError('未找到此人')
    if (chat.id === accountId) throw new ConflictError('您在这里发的留言已经放到小程序里了，不用再发。', [], 'chat_already_joined')
    await this.refuseOfficials(chat)
    if (chat.openid) throw new ConflictError(`您在这里发的留言已经放到另一个小程序账号里了，不能再放到别的账号。这个码已经作废了。`, [], 'chat_already_joined')
    const into = await this.store.mpUsers.get(accountId)
    if (!into?.openid || into.deputyId) throw new UnprocessableError(`这个码已经不能用了。${ASK_AGAIN}`, [], 'invalid_binding_code')
    const now = this.clock.now()
    const asked = await this.store.chatJoins.request({
      id: `cj-${randomUUID()}`,
      accountId,
      chatPersonId,
      chatName: chatName?.trim() || null,
      requestedAt: now,
      expiresAt,
    })
    if (into.botContactId || !asked) throw new ConflictError('这个码对应的小程序账号已经和另一个微信聊天放在一起了，不能再放一个。', [], 'chat_join_taken')
    return { minutes: Math.max(1, Math.ceil((expiresAt.getTime() - now.getTime()) / 60_000)) }
  }

  /** Her chat as 我的 and 我的留言 show it: a request waiting for her answer, or the chat joined (which WeChat, since when). */
  async state(principal: MpPrincipal): Promise<ChatJoinState> {
    const [pending, joined] = await Promise.all([this.store.chatJoins.pending(principal.id, this.clock.now()), this.store.chatJoins.joined(principal.id)])
    return {
      pending: pending && !joined ? { id: pending.id, chatName: pending.chatName } : null,
      joined: joined ? { chatName: joined.chatName, joinedAt: joined.joinedAt } : null,
    }
  }

  /** 是我的，放到这里: her answer to request `requestId`, the one write that joins (ChatJoinRepo.confirm). */
  async confirm(principal: MpPrincipal, requestId: string): Promise<ChatJoined & { chatName: string | null }> {
    const now = this.clock.now()
    const request = await this.store.chatJoins.pending(principal.id, now)
    if (!request || request.id !== requestId) throw requestGone()
    // Bound as staff since it asked (staff are bound by contact, which the store's join does not read).
    const chat = await this.store.mpUsers.get(request.chatPersonId)
    if (chat) await this.refuseOfficials(chat)
    // Told in the join's own write: a join nobody hears of in the chat is what a scammer needs. To the chat's own
    // person (ChannelResolver finds the chat while it goes on as the account): an unjoin before it goes cannot drop it.
    const notice = outboxMessage({
      to: { kind: 'mp_user', id: request.chatPersonId },
      kind: CHAT_JOINED_KIND,
      payload: { text: JOINED_CHAT_NOTICE, channels: ['bot_private'] },
      dedupeKey: `${CHAT_JOINED_KIND}:${requestId}`,
      at: now,
    })
    const joined = await this.store.chatJoins.confirm(
      principal.id,
      requestId,
      this.entry(principal.id, 'privacy.chat_joined', now, { from: request.chatPersonId }),
      [notice],
    )
    // Either changed between the reads and the write (the chat's person deleted meanwhile …): nothing was moved.
    if (!joined) throw new ConflictError(`刚才没有放好，留言还在原处。${ASK_AGAIN}`, [], 'chat_join_failed')
    // A message the chat was writing as she answered, stored under the chat's old person after the join: moved too
    // (the maintenance job does it again later). She is joined whatever happens here.
    await this.store.chatJoins.gatherLeftBehind(now).catch(() => 0)
    return { ...joined, chatName: request.chatName }
  }

  /** 不是我的: the request ends, and the chat that sent her code joins nothing. */
  async refuse(principal: MpPrincipal, requestId: string) {
    const now = this.clock.now()
    if (!(await this.store.chatJoins.refuse(principal.id, requestId, now, this.entry(principal.id, 'privacy.chat_join_refused', now)))) throw requestGone()
  }

  /**
   * 解除 in the mini-program: the chat no longer goes on as her account, and what came from it goes back to it.
   *
   * Why both sides' 解除 give the chat back what came from it (recorded at the join: ChatJoinMoved, migration 075;
   * and what it wrote while joined, `via: 'chat'`). In the chat the one speaking holds the WeChat the messages were
   * written from, which proves they are its own, while the account proves nothing of them (a scammer confirms on his
   * own phone). Here the one signed in is the account's owner, who said 是我的 — or a scammer who talked 王阿姨 into
   * sending his words and let go of her chat at once: were what came to stay with the account, he would keep her
   * messages (her phone, her address) and every answer to come, and her chat, a new person, would have nothing left
   * to take back. So whichever side says it, each takes back only what is provably its own: the chat what came from
   * the chat, the account what it wrote in the mini-program itself, and each its own agreement (consentsApart). The
   * chat is told in the same write (UNJOINED_CHAT_NOTICE), addressed to its own person.
   */
  async unjoin(principal: MpPrincipal): Promise<{ cases: number }> {
    const now = this.clock.now()
    const told = (chatPersonId: string) => [
      outboxMessage({
        to: { kind: 'mp_user', id: chatPersonId },
        kind: CHAT_UNJOINED_KIND,
        payload: { text: UNJOINED_CHAT_NOTICE, channels: ['bot_private'] },
        dedupeKey: `${CHAT_UNJOINED_KIND}:${principal.id}:${now.toISOString()}`,
        at: now,
      }),
    ]
    const undone = await this.store.chatJoins.unjoin(principal.id, this.entry(principal.id, 'privacy.chat_unjoined', now), told)
    if (!undone) throw new ConflictError('您的小程序现在没有和微信聊天连在一起，不用解除。', [], 'chat_not_joined')
    return { cases: undone.cases }
  }

  /**
   * 解除 said in the chat joined to an account (`personId`: the account, as the chat goes on as it): the chat is its own
   * person again, and everything the join moved from it, with what it wrote while joined, goes back to it
   * (ChatJoinRepo.undoFromChat; why both sides take them back: `unjoin`). The account keeps what was its own.
   */
  async undoFromChat(personId: string): Promise<{ chatPersonId: string; cases: number }> {
    const now = this.clock.now()
    const user = await this.store.mpUsers.get(personId)
    if (!user?.openid || !user.botContactId) throw new ConflictError(CHAT_NOT_JOINED, [], 'chat_not_joined')
    const undone = await this.store.chatJoins.undoFromChat(personId, this.entry(personId, 'privacy.chat_join_undone', now, { via: 'chat' }))
    if (!undone) throw new ConflictError(CHAT_NOT_JOINED, [], 'chat_not_joined')
    return undone
  }

  /** Whether the chat of this person may erase it: not once it is a joined mini-program account (ERASE_IN_MINI_PROGRAM). */
  refuseChatErasure(user: MpUserRecord) {
    if (user.openid && user.botContactId) throw new ConflictError(ERASE_IN_MINI_PROGRAM, [], 'erase_in_mini_program')
  }

  private async refuseOfficials(chat: MpUserRecord) {
    const staff = chat.botContactId ? await this.store.bot.staffByContact(chat.botContactId) : null
    if (staff || chat.deputyId)
      throw new ForbiddenError('这个微信已经绑定为代表或工作人员，不能用群众的码把留言放到小程序里。这个码已经作废了。', 'chat_join_not_resident')
  }

  private entry(accountId: string, action: string, at: Date, details: Record<string, unknown> = {}): AuditEntry {
    return { at, actorKind: 'mp_user', actorId: accountId, action, targetKind: 'mp_user', targetId: accountId, details }
  }
}

/** Her answer came after the request lapsed (with her code), or after she answered it already. */
const requestGone = () =>
  new ConflictError('这个请求已经过期或者已经处理过了。请再点一次“把聊天里的留言放到这里”，把新的那句话在微信聊天里发送。', [], 'chat_join_request_gone')
