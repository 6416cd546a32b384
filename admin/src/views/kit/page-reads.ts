import { ref } from 'vue'
import { describe } from './errors'

/**
 * A page's own reads, whose failure is said above its content with 重试 (LoadFailed), not as a page of nothing and an
 * uncaught rejection: `read(step)` runs one read, clears the words when it succeeds and keeps the server's (or
 * `fallback`) when it does not. A page may show its "nothing here" words only while `failure` is empty.
 */
export function usePageReads(fallback: string) {
  const failure = ref('')
  async function read(step: () => Promise<unknown>) {
    try {
      await step()
      failure.value = ''
    } catch (err) {
      failure.value = describe(err, fallback)
    }
  }
  return { failure, read }
}
