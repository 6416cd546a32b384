/**
 * Whether a resident's new words are about the same matter as an earlier message of hers, so that the chat may offer
 * to have that message handled again (重新办理) with them instead of starting a new one. Judged by the rules the
 * backend uses everywhere else, never by words the two happen to share: residents of one community share
 * 光明社区3号楼 whatever is wrong there, and a lift message reopened with street-light words reaches the wrong people
 * (review 33). A missed offer only makes a new message, which a clerk may merge later; so when in doubt, not alike.
 */
import { objectsDisagree, sameObject } from './complaint-objects.js'
import { alikeness, placesDiffer, type ContentGrams } from './similarity.js'

/**
 * Never when they name different places of one kind (3号楼 and 5号楼, 南门 and 北门) or different things (电梯 and
 * 路灯). Else alike when both name the same thing ("下水道又堵了" after "小区门口的下水道堵了好几天了": few words
 * shared, yet the same drain in the same place), or, where the things are not known, when they are as alike as the
 * 相似留言 of a case must be (`threshold`, config cases.similarThreshold).
 */
export function sameMatter(words: ContentGrams, earlier: ContentGrams, threshold: number): boolean {
  if (placesDiffer(words, earlier) || objectsDisagree(words.objects, earlier.objects)) return false
  return sameObject(words.objects, earlier.objects) || alikeness(words, earlier) >= threshold
}
