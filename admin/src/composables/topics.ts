import { computed, ref } from 'vue'
import { api } from '../api'

/**
 * The server's topic list (config business.topics), read once for every page that offers it: a
 * list written into the console drifts from the config (it once lacked 劳动就业 and 物业管理, so
 * nobody could filter by them).
 */
const topics = ref<string[]>([])
let pending: Promise<void> | null = null

function read() {
  pending ??= api.get<{ topics: string[] }>('/topics').then(
    (answer) => {
      topics.value = answer.topics
    },
    () => {
      // Forgotten, so the next page that needs the list asks again instead of showing none until a reload.
      pending = null
    },
  )
}

/** The topics as select options; empty until the first read answers. */
export function useTopics() {
  read()
  return { topics, options: computed(() => topics.value.map((t) => ({ value: t, label: t }))) }
}
