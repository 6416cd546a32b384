import { ref } from 'vue'
import { ApiError } from '../../api'
import { describe } from './errors'

export interface DetailWords {
  /** Said for a malformed id (400): 找不到这项竞赛. A 403/404 says the server's own words. */
  notFound: string
  /** Why it may not be there, after either: 可能已被删除，或不在您负责的范围内. */
  hint?: string
  /** Said with 重试 for any other failure (an outage, a 500): 这项知识竞赛读取失败，请稍后再试. */
  failed: string
}

/**
 * How a console detail page opens its record. One that is not there for this person (unknown,
 * deleted, another district's: the server answers 400/403/404 alike) is said in words; any other
 * failure is said with 重试 (`failure`, for LoadFailed). Neither is an endless spinner or a blank
 * page. `open` resolves true once `load` succeeded, so a page may start what follows a loaded record.
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
      if (err instanceof ApiError && [400, 403, 404].includes(err.status))
        missing.value = `${err.status === 400 ? words.notFound : err.message}：${words.hint ?? '可能已被删除，或不在您负责的范围内'}`
      else failure.value = describe(err, words.failed)
      return false
    }
  }
  return { missing, failure, open }
}
