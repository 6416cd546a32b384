import { ref } from 'vue'
import { ApiError } from '../../api'
import { describe } from '../kit/errors'

/**
 * The save of a candidate dialog (修改, 撤回): one at a time, its button loading meanwhile; a refusal said in the
 * dialog (`say`: in words, at its box where the dialog has boxes); and when the candidate or its year changed
 * meanwhile (withdrawn, 提交代表票决 by another: 404 or 409), `refused` so the page shows it as it is now.
 */
export function useCandidateSave(refused: () => void, say: (err: unknown) => string = describe) {
  const saving = ref(false)
  /** What went wrong that the dialog says, or ''. */
  const problem = ref('')
  async function run(send: () => Promise<void>) {
    if (saving.value) return
    saving.value = true
    try {
      await send()
    } catch (err) {
      problem.value = say(err)
      if (err instanceof ApiError && (err.status === 404 || err.status === 409)) refused()
    } finally {
      saving.value = false
    }
  }
  return { saving, problem, run }
}
