import { ref } from 'vue'
import { ApiError } from '../../api'
import { describe } from './errors'

export interface DetailWords {
  /** The heading when it is not there for this person: 找不到这项竞赛. */
  notFound: string
  /** The heading when it could not be read now (an outage, a 500): 这项知识竞赛暂时打不开. */
  unreadable: string
  /** Why it may not be there, under the heading: 可能已被删除，或不在您负责的范围内. */
  hint?: string
  /** Said with 重试 for any other failure, when the server gave no words of its own: 这项知识竞赛读取失败，请稍后再试. */
  failed: string
}

/**
 * How a console detail page opens its record. One that is not there for this person (unknown,
 * deleted, another district's: the server answers 400/403/404 alike) is said in words; any other
 * failure is said with 重试 (`failure`). Neither is an endless spinner or a blank page: the page
 * shows DetailUnavailable, with a heading, the reason and the way back to its list. `open`
 * resolves true once `load` succeeded, so a page may start what follows a loaded record.
 */
export function useDetailLoad(load: () => Promise<unknown>, words: DetailWords) {
  const missing = ref('')
  const failure = ref('')
  async function open(): Promise<boolean> {
    failure.value = ''
    missing.value = ''
    try {
      await load()
      return true
    } catch (err) {
      const hint = words.hint ?? '可能已被删除，或不在您负责的范围内'
      // A malformed id (400) has no words of the server's worth showing: the heading already says 找不到.
      if (err instanceof ApiError && [400, 403, 404].includes(err.status)) missing.value = err.status === 400 ? `${hint}。` : `${err.message}：${hint}。`
      else failure.value = describe(err, words.failed)
      return false
    }
  }
  return { missing, failure, open, words }
}
