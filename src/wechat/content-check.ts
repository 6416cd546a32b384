import type { Logger } from '../logger.js'
import type { ContentSuggest, WeChatClient } from './client.js'

/**
 * msg_sec_check v2 on a resident's text, as the person who wrote it (WeChat wants their
 * openid). Anything that keeps WeChat from answering is "unavailable": the caller decides.
 */
export function residentContentCheck(wechat: WeChatClient, openidOf: (residentId: string) => Promise<string | null | undefined>, logger: Logger) {
  return async (text: string, residentId: string): Promise<ContentSuggest | 'unavailable'> => {
    const openid = await openidOf(residentId)
    if (!openid) return 'unavailable'
    try {
      return (await wechat.contentCheck({ content: text.slice(0, 2500), openid, scene: 2 })).suggest
    } catch (err) {
      logger.warn({ err }, 'content check unavailable')
      return 'unavailable'
    }
  }
}
